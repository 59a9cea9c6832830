/**
 * Latvian given names in their nominative form, from the Latvian name-day calendar (vārdadienu kalendārs), with
 * the Latvianised forms of Russian and other names that Latvian text uses. Public data, kept here as text.
 */
export const LV_GIVEN_NAMES = `
Aadne Adrians Adrija Agate Agija Agita Agnese Agnis Agris Aidis Aigars Aija Aijs Aina Ainārs Ainis Aivars Aiva
Aivis Akvelīna Albīna Alberts Aldis Aldona Aleksandra Aleksandrs Aleksejs Aleksis Alfrēds Alīda Alise Alla Alma
Alvīne Alvis Amanda Amālija Anastasija Anatolijs Andis Andrejs Andris Andžejs Anete Anita Anna Annija Ansis
Antonija Antons Arkādijs Armands Arnis Arnolds Artis Artjoms Artūrs Arvīds Arvis Astra Astrīda Augusts Austra
Austris Baiba Barbara Beāte Benita Bernhards Berta Bruno Brigita Dace Daiga Daila Daina Dainis Dainuvīte Dana
Daniela Daniels Dārta Dāvis Dāvids Deniss Diāna Didzis Dina Dmitrijs Dace Dagnija Dzidra Dzintars Dzintra Edgars
Edijs Edīte Edmunds Eduards Egils Egīls Egons Eiženija Elīna Elīza Elizabete Elmārs Elvīra Elza Emīlija Emīls
Endija Enriko Ērika Ēriks Ernests Evija Evita Filips Frīdis Gaida Gaidis Gaļina Gatis Gints Girts Ģirts Gita
Gunārs Gunita Gunta Guntars Guntis Gustavs Harijs Helēna Helmuts Henrijs Herberts Hugo Igors Ilga Ilgvars Ilona
Ilva Ilvija Ilze Imants Ina Ināra Indra Indriķis Indulis Inese Ineta Inga Ingrīda Ingus Inguna Inna Inta Intars
Ints Irēna Irina Irma Iveta Ivars Ivo Ivonna Ieva Jānis Janīna Jāzeps Jekaterīna Jeļena Jēkabs Jevgēnija Jevgēnijs
Jolanta Juris Jurijs Justīne Jūlija Jūlijs Kaspars Katrīna Kārlis Keita Kintija Klāvs Klāra Konstantīns Kristaps
Kristiāna Kristīne Kristīna Kristers Kristofers Krišjānis Kārina Laila Laima Laimdota Laimonis Larisa Laura
Lauris Lāsma Leons Leonīds Lelde Liene Liesma Lienīte Lija Līga Līna Linda Lolita Lūcija Ludmila Ludis Luīze
Madara Madis Magda Maija Maira Maksims Malda Mārcis Mareks Margarita Marija Marika Marina Mārīte Mārtiņš Marta
Māra Māris Matīss Mārtiņš Melānija Mihails Miervaldis Mikus Milda Mintauts Monika Nadežda Natālija Nataļja Nauris
Niklāvs Nikolajs Nikola Nils Nora Normunds Oksana Olafs Oļegs Olga Oskars Osvalds Otīlija Oto Pauls Pāvels Pēteris
Raimonds Raivis Raitis Ralfs Rasa Rasma Regīna Reinis Reinholds Renāte Ričards Rihards Rita Roberts Roalds Roberta
Romāns Rūdolfs Rudīte Ruta Rūta Rūdis Rolands Ronalds Sabīne Sandis Sandra Sanita Santa Sarmīte Sergejs Sigita
Signe Sigurds Silvija Sintija Skaidrīte Solvita Sofija Staņislavs Svetlana Tālis Tālivaldis Tamāra Tatjana Teodors
Toms Tomass Uldis Ulla Una Uvis Vaira Valda Valdemārs Valdis Valentīna Valentīns Valērija Valērijs Valters Vanda
Varis Vasilijs Velta Veronika Viesturs Viktorija Viktors Vilhelms Vilis Vilma Vita Vitālijs Vizma Vija Vladimirs
Vladislavs Voldemārs Zaiga Zane Zanda Zenta Zigfrīds Zigmunds Zinaīda Zinta Zita Žanis Žanna Agnija Aleksa Alens
Arina Aurēlija Beatrise Dainora Daniella Denīss Dita Eleonora Elvis Emma Estere Evelīna Gabriela Gerda Gunda
Haralds Ilgonis Ingars Ivanda Jana Jurgis Juta Kitija Lana Lauma Leila Lība Ligita Mārtiņa Meldra Mirdza
Nelda Nikija Olita Patrīcija Paula Rinalds Rūsiņš Samanta Sarma Selīna Terēze Tīna Valija Vēsma Viola Voldis
Alīna Adele Ainis Alda Aldis Anrijs Antra Aleksandrs Dagmāra Dzidris Eva Ēvalds Gustavs Hermanis Ilmārs Ingmārs
Ivanda Jūla Kristiāns Līvija Linards Ludmila Ņina Oļesja Aļona Natālija Jevgēnija Vitolds Zigurds Alvils Andželika
Artis Edvīns Eināri Einārs Gvido Helmūts Jānis Kārlis Ilze Ivans Pjotrs Mihails Valentins Vadims Vjačeslavs Jurijs
Stanislavs Grigorijs Ruslans Timurs Tatjana Gaļina Ļubova Nadežda Vera Marianna Lilita Lilija Ilzīte Inita Dzintra
Renārs Ainis Aldis Alfons Almants Alnis Alvils Ansis Antis Ardis Aris Armīns Arvils Asnāte Aurika Baltmanis
Benedikts Bērtulis Boļeslavs Brencis Dagnis Dailis Daumants Dzidris Dzintris Egita Eglons Eižens Elgars Elmīra Elvita
Ermīns Erna Evalds Feliks Fricis Genovefa Gederts Gunvaldis Guntra Haralds Hedviga Ilgmārs Ilgvars Ināra Indra Ingeborga
Inguss Irbe Ivonna Jausma Jete Jorens Judīte Jurģis Kaiva Kalvis Kornēlija Krista Laimnesis Lainis Laumārs Leontīne
Līksma Linda Lita Maruta Meinhards Miķelis Mudīte Natalija Nameda Ojārs Olģerts Pārsla Pauls Raina Rainers Ramona
Rasmuss Reinis Ritvars Rutta Sarmis Sniedze Spodra Tenis Tekla Tija Undīne Uģis Valentīns Varis Vēsma Vilnis Visvaldis
Vizbulīte Zelma Zigrīda Žubīte Ārija Ēriks Ņikita Artūrs Aldonis Kārina Anrijs Aleksis Ivo Jāzeps Krišs Rihards
`;
