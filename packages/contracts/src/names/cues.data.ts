/**
 * Words around a name. Titles are given as nominative lemmas and inflected like names; cues are exact lower-case
 * words (or two-word phrases) after which the next capitalised words are a name.
 */

/** Latvian titles and roles, before or after a name: "Bērziņa kungs", "inspektore Kalniņa". */
export const LV_TITLES = `
kungs kundze inspektors inspektore eksaminētājs eksaminētāja eksaminators eksaminatore darbinieks darbiniece
speciālists speciāliste konsultants konsultante operators operatore vadītājs vadītāja priekšnieks priekšniece
direktors direktore kasiere referents referente
`;

/** Russian titles and roles, before a name: "инспектор Петров", "госпожа Петрова". */
export const RU_TITLES = `
инспектор экзаменатор сотрудник сотрудница господин госпожа консультант специалист оператор начальник кассир
кассирша директор
`;

/** Exact words after which a name follows: salutations, abbreviations and English titles. */
export const CUE_WORDS = `
cien cienījamais cienījamā cienījamajai cienījamajam godātais godātā labdien sveiki k-gs k-dze kgs
уважаемый уважаемая уважаемой уважаемому здравствуйте
mr mrs ms miss dr dear inspector examiner officer hello hi
`;

/** Two-word phrases after which a name follows: "mani sauc Jānis", "меня зовут Иван", "my name is Anna". */
export const CUE_PHRASES = `
mani+sauc vārds+ir es+esmu меня+зовут зовут+меня name+is
`;
