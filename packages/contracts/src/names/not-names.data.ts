/**
 * Capitalised words that must never be taken for names: places and ATD's offices in their case forms, months,
 * car makes and models, and the words a comment typically starts with. Compared in lower case, exactly.
 */
export const PLACE_WORDS = `
rīga rīgā rīgas rīgu rīgai riga rigā rigas rigu riga's рига риге ригу риги ригой
cēsis cēsīs cēsu cēsīm cesis cesu cēsīs цесис цесисе цесиса
daugavpils daugavpilī daugavpilij daugavpilī daugavpilim daugavpili даугавпилс даугавпилсе даугавпилса
liepāja liepājā liepājas liepāju liepajai liepaja liepajā liepajas лиепая лиепае лиепаи лиепаю
vaļņu valnu вальню jūrmala jūrmalā jūrmalas jelgava jelgavā jelgavas ventspils ventspilī rēzekne rēzeknē rēzeknes
valmiera valmierā valmieras ogre ogrē ogres tukums tukumā tukuma sigulda siguldā siguldas bauska bauskā kuldīga
kuldīgā talsi talsos madona madonā jēkabpils jēkabpilī salaspils salaspilī olaine olainē ādaži ādažos mārupe
mārupē ķekava ķekavā imanta imantā ziepniekkalns ziepniekkalnā purvciems purvciemā pļavnieki pļavniekos
latvija latvijā latvijas latviju latvia latvian латвия латвии латвию латвийский латвийского eiropa eiropā eiropas
europe eu lietuva lietuvā igaunija igaunijā krievija krievijā vācija vācijā россия россии литва эстония германия
moldova moldovа riga's daugava daugavas даугава jugla juglā brīvības brīvības krasta krasta ulmaņa ulmaņa gatve
iela ielā ielas улица centrs centrā центр рижский рижского рижском
`;

export const MONTH_WORDS = `
janvāris janvārī janvāra februāris februārī februāra marts martā marta aprīlis aprīlī aprīļa maijs maijā maija
jūnijs jūnijā jūnija jūlijs jūlijā jūlija augusts augustā augusta septembris septembrī oktobris oktobrī novembris
novembrī decembris decembrī pirmdiena pirmdienā otrdiena otrdienā trešdiena trešdienā ceturtdiena ceturtdienā
piektdiena piektdienā sestdiena sestdienā svētdiena svētdienā
январь января январе февраль февраля марта марте апреля мая мае июня июне июля июле августа августе сентября
октября ноября декабря понедельник вторник среда среду четверг пятница пятницу суббота субботу воскресенье
january february march april may june july august september october november december
monday tuesday wednesday thursday friday saturday sunday christmas easter
`;

export const BRAND_WORDS = `
toyota volkswagen vw bmw audi opel škoda skoda volvo renault ford tesla nissan mazda honda kia hyundai peugeot
citroën citroen mercedes mercedes-benz lada fiat dacia subaru lexus mitsubishi suzuki porsche jeep seat golf passat
octavia fabia superb corolla rav4 yaris astra corsa megane clio fiesta focus mondeo qashqai outlook tiguan
atd csdd vid smartid smart-id swedbank citadele seb luminor latvija.lv facebook twitter google
`;

/** Words that start sentences or greet, and so are often capitalised, but are never a person. */
export const COMMON_CAPITALISED = `
paldies labdien sveiki lūdzu diemžēl ļoti man mani mans mana es mēs jūs viņš viņa tas tā šodien vakar rīt
bija biju esmu ir nav kāpēc kad kur kā kas ja bet un vai arī tikai jau vēl nekad vienmēr rinda rindā rindas
eksāmens eksāmenā eksāmenu tiesības auto mašīna darbiniece darbinieks darbinieki personāls klientu klients
uz no pie par ar pēc pirms līdz bez pret starp kopā tad tāpēc jo gan lai šī šis tur te visi viss neviens
cien cienījamie cienītie godātie godājamie kungs kundze kungi kundzes
спасибо здравствуйте добрый день очень я мы вы он она они это было был была сегодня вчера почему когда где как
что если но и или только уже ещё никогда всегда очередь экзамен права машина сотрудница сотрудник спасибо
от до для про при без через над под со ко на по за из уважаемые готов какова такова готова снова слова основа каков здоров здорова
thanks thank hello hi dear the a an i we you he she it they this that there today yesterday why when where
how what if but and or only already never always queue exam licence license car staff great good bad very my our
please sorry then to from with for of at by after before i'm it's sir madam

`;
