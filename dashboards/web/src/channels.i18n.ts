/** The Overview's channel-mix and digital take-up words, merged into i18n.ts's table. */
export const channelsStrings = {
  channelsTitle: { lv: 'Saziņas kanāli', en: 'Channel mix' },
  channelsNote: {
    lv: 'Kontakti: apmeklējumi nodaļās (klātienē), sūdzības, atsauksmes un novērtētās e-pakalpojumu lietas, katrs pēc sava kanāla. Katra josla sadala perioda kontaktus (100 %).',
    en: 'Contacts: office visits (in person), complaints, feedback and rated e-service cases, each by its channel. Each bar splits the period’s contacts (100 %).',
  },
  channelsSkipped: {
    lv: 'Filtrs neattiecas uz: {metrics} — tie nav ieskaitīti.',
    en: 'Not counted, as a filter does not apply to them: {metrics}.',
  },
  channelsNone: { lv: 'Šajā laikā nav kontaktu.', en: 'No contacts in this range.' },
  channelsOther: { lv: 'Citi kanāli', en: 'Other channels' },
  channelsTooFew: {
    lv: 'Periodam ar mazāk nekā {min} kontaktiem sadalījums procentos nav rādīts (tikai skaits tabulā): tik maz kontaktu to nepierāda.',
    en: 'A period with fewer than {min} contacts shows no split in percent (only its counts, in the table): so few contacts do not show one.',
  },
  tooFewContacts: { lv: 'par maz kontaktu', en: 'too few contacts' },
  channelsPartial: {
    lv: 'Iesvītrota josla: nepilns periods (diapazons vai dati to aptver tikai daļēji).',
    en: 'A hatched bar: a partial period (the range or the data covers only part of it).',
  },
  channelsGrouped: {
    lv: '“Citi kanāli”: kanāli ar mazāk nekā {share} no diapazona kontaktiem ({channels}); katrs atsevišķi ir tabulā un uznirstošajā logā.',
    en: '“Other channels”: channels with under {share} of the range’s contacts ({channels}); each is in the table and the tooltip.',
  },
  channelsSummary: {
    lv: '{title}: {n} kontakti, {periods} periodi. Lielākais kanāls: {top} ({share}).',
    en: '{title}: {n} contacts over {periods} periods. Largest channel: {top} ({share}).',
  },
  contactsTotal: { lv: 'Kontakti kopā', en: 'Contacts' },
  digitalNote: {
    lv: 'E-pakalpojumu lietu (e.atd.lv, latvija.lv) daļa no visām novērtētajām pakalpojumu lietām — apmeklējumiem un e-pakalpojumiem; abas zināmas tur, kur klients atbildēja aptaujai. Josla: 95 % intervāls (Vilsons).',
    en: 'E-service cases (e.atd.lv, latvija.lv) as a share of all rated service cases — visits and e-service cases, both known where the customer answered the survey. Band: 95 % interval (Wilson).',
  },
  digitalTrend: { lv: 'Tendence: {change} {per} ({p}) — {verdict}.', en: 'Trend: {change} {per} ({p}) — {verdict}.' },
  perGrain_day: { lv: 'dienā', en: 'a day' },
  perGrain_week: { lv: 'nedēļā', en: 'a week' },
  perGrain_month: { lv: 'mēnesī', en: 'a month' },
  perGrain_quarter: { lv: 'ceturksnī', en: 'a quarter' },
  trendRising: { lv: 'nozīmīgi pieaug', en: 'rising significantly' },
  trendFalling: { lv: 'nozīmīgi samazinās', en: 'falling significantly' },
  trendFlat: { lv: 'nav nozīmīgas tendences', en: 'no significant trend' },
  digitalOffice: {
    lv: 'E-pakalpojumu lietas nepieder nevienai nodaļai, tāpēc digitālā daļa nodaļai netiek rādīta.',
    en: 'E-service cases belong to no office, so no digital share is shown for an office.',
  },
  digitalAllChannels: { lv: 'Digitālā daļa aptver visus kanālus.', en: 'The digital share covers every channel.' },
  digitalShare: { lv: 'Digitālā daļa', en: 'Digital share' },
  interval95: { lv: '95 % intervāls', en: '95 % interval' },
  eServiceCases: { lv: 'E-pakalpojumu lietas', en: 'E-service cases' },
  ratedCases: { lv: 'Novērtētās lietas (n)', en: 'Rated cases (n)' },
  wholeRange: { lv: 'Viss periods', en: 'Whole range' },
} as const;
