/**
 * Common Russian given names (nominative), and the Latin spellings of Russian and English given names that English
 * comments use. `павел/павл` gives the stem of the other cases where the vowel drops (Павел, Павла).
 */
export const RU_GIVEN_NAMES = `
александр алексей анатолий андрей антон аркадий артём артем борис вадим валентин валерий василий виктор виталий
владимир владислав всеволод вячеслав геннадий георгий глеб григорий даниил денис дмитрий евгений егор иван игорь
илья кирилл константин леонид максим матвей михаил никита николай олег павел/павл пётр/петр петр роман руслан
семён семен сергей станислав степан тимофей тимур фёдор/федор фёдор федор юрий ярослав яков лев/льв эдуард арсений марк
александра алина алла алёна алена анастасия ангелина анна антонина валентина валерия вера вероника виктория
галина дарья диана ева евгения екатерина елена елизавета жанна зинаида зоя инна ирина карина кристина ксения лариса
лидия любовь людмила маргарита марина мария надежда наталья наталия нина оксана олеся ольга полина раиса
светлана софья софия тамара татьяна ульяна юлия яна лилия майя снежана эльвира
`;

/** Given names as English text writes them (including the usual transliterations of Russian names). */
export const EN_GIVEN_NAMES = `
john james robert michael william david richard joseph thomas charles daniel matthew anthony andrew peter paul
george steven kevin brian edward jason ryan jacob gary timothy mary patricia jennifer linda elizabeth barbara susan
jessica sarah karen nancy lisa margaret emily emma olivia sophia isabella charlotte amelia laura helen anna kate
katherine catherine alice julia jane rachel rebecca hannah lucy chloe ivan sergey sergei dmitry dmitri alexey
alexei alexander alex andrei andrey nikolai mikhail vladimir oleg igor yuri natalia natalya tatiana elena yelena
irina olga svetlana ekaterina maria marina anastasia victoria viktor pavel oksana ludmila galina janis martins
`;

/**
 * Names that are also words a comment about ATD may well start with ("Ilga rinda": a long queue; "Gaida": waits;
 * "Lija": it rained; "Вера": faith; "Лада": the car). They count as names only inside a sentence, with a cue, or
 * next to another name. Names that are months ("Marta", "Augusts") are handled by the month words instead.
 */
export const AMBIGUOUS_GIVEN_NAMES = `
ilga gaida laima rasa saule valda astra sarma aina mirdza rita lija juta vera роман вера любовь надежда лада лев
марк
`;
