/**
 * The page's own words in Latvian and English. Metric and dimension labels come from the API's catalogue;
 * offices, languages, complaint categories and outcomes from the reference data restated in labels.ts.
 */
import type { Lang } from './api.types.ts';

const strings = {
  appTitle: { lv: 'Klientu apkalpošanas standarts', en: 'Customer service standard' },
  appSubtitle: { lv: 'Autotransporta direkcija', en: 'Road Transport Directorate' },
  signInTitle: { lv: 'Pieslēgties', en: 'Sign in' },
  signInIntro: {
    lv: 'Ielīmējiet savu piekļuves pilnvaru (token). Tā tiek glabāta tikai šajā pārlūka cilnē.',
    en: 'Paste your access token. It is kept in this browser tab only.',
  },
  token: { lv: 'Pilnvara', en: 'Token' },
  signIn: { lv: 'Pieslēgties', en: 'Sign in' },
  signOut: { lv: 'Atslēgties', en: 'Sign out' },
  signingIn: { lv: 'Pārbauda…', en: 'Checking…' },
  unauthorized: { lv: 'Pilnvara netika pieņemta (401)', en: 'The token was not accepted (401)' },
  forbidden: { lv: 'Šai lomai nav piekļuves (403)', en: 'This role has no access here (403)' },
  sessionExpired: {
    lv: 'Pilnvara vairs netiek pieņemta. Pieslēdzieties vēlreiz.',
    en: 'The token is no longer accepted. Please sign in again.',
  },
  role_management: { lv: 'Vadība', en: 'Management' },
  role_office: { lv: 'Nodaļa', en: 'Office' },
  role_analyst: { lv: 'Analītiķis', en: 'Analyst' },
  navOverview: { lv: 'Pārskats', en: 'Overview' },
  navOffices: { lv: 'Nodaļas', en: 'Offices' },
  navEqual: { lv: 'Vienlīdzīga apkalpošana', en: 'Equal service' },
  navComplaints: { lv: 'Sūdzības', en: 'Complaints' },
  navSql: { lv: 'SQL', en: 'SQL' },
  from: { lv: 'No', en: 'From' },
  to: { lv: 'Līdz', en: 'To' },
  grain: { lv: 'Solis', en: 'Grain' },
  grain_day: { lv: 'diena', en: 'day' },
  grain_week: { lv: 'nedēļa', en: 'week' },
  grain_month: { lv: 'mēnesis', en: 'month' },
  grain_quarter: { lv: 'ceturksnis', en: 'quarter' },
  office: { lv: 'Nodaļa', en: 'Office' },
  allOffices: { lv: 'Visas nodaļas', en: 'All offices' },
  allLanguages: { lv: 'Visas valodas', en: 'All languages' },
  all: { lv: 'Kopā', en: 'All' },
  newestEvent: { lv: 'Jaunākais notikums', en: 'Newest event' },
  syncedAt: { lv: 'Sinhronizēts', en: 'Synced' },
  noData: { lv: 'nav datu', en: 'no data' },
  stale: { lv: 'dati var būt novecojuši', en: 'data may be stale' },
  loading: { lv: 'Ielādē…', en: 'Loading…' },
  target: { lv: 'Mērķis', en: 'Target' },
  targetMet: { lv: 'mērķis sasniegts', en: 'target met' },
  targetMissed: { lv: 'mērķis nav sasniegts', en: 'target missed' },
  noTarget: { lv: 'bez mērķa', en: 'no target' },
  partial: { lv: 'nepilns', en: 'partial' },
  partialNote: {
    lv: 'Tukšs punkts un raustīta līnija: nepilns periods (diapazons vai dati to aptver tikai daļēji).',
    en: 'Hollow point and dashed line: a partial period (the range or the data covers only part of it).',
  },
  tooFew: { lv: 'par maz atbilžu', en: 'too few responses' },
  tooFewDetail: { lv: 'par maz atbilžu (n={n}, vajag ≥{min})', en: 'too few responses (n={n}, needs ≥{min})' },
  basedOn: { lv: 'n = {n}', en: 'n = {n}' },
  trendTitle: { lv: 'Apmierinātība pa periodiem', en: 'Satisfaction over time' },
  trendNote: {
    lv: 'Biezā līnija — visas nodaļas kopā; periodi ar par maz atbildēm nav attēloti.',
    en: 'The thick line is all offices together; periods with too few responses are left out.',
  },
  dataTable: { lv: 'Datu tabula', en: 'Data table' },
  period: { lv: 'Periods', en: 'Period' },
  group: { lv: 'Grupa', en: 'Group' },
  value: { lv: 'Vērtība', en: 'Value' },
  interval: { lv: '95% ticamības intervāls', en: '95% confidence interval' },
  sample: { lv: 'Izlase (n)', en: 'Sample (n)' },
  vsRest: { lv: 'Atšķirība no pārējām', en: 'Difference from the rest' },
  significant: { lv: 'statistiski nozīmīga', en: 'statistically significant' },
  notSignificant: { lv: 'nav nozīmīga', en: 'not significant' },
  notTestable: { lv: '—', en: '—' },
  change: { lv: 'Izmaiņas pret iepriekšējo periodu', en: 'Change vs previous period' },
  significantMarker: {
    lv: 'Atšķirība no pārējām grupām ir statistiski nozīmīga (p < {alpha}, Bonferroni korekcija).',
    en: 'The difference from the other groups is statistically significant (p < {alpha}, Bonferroni-corrected).',
  },
  whiskers: {
    lv: 'Punkts — vērtība, līnija — 95% ticamības intervāls, raustīta līnija — mērķis.',
    en: 'Dot: the figure; whiskers: its 95% confidence interval; dashed line: the target.',
  },
  officesIntro: {
    lv: 'Nodaļas blakus — gaidīšana, atbildes laiks un termiņu ievērošana izvēlētajā periodā.',
    en: 'Offices side by side: waiting, response time and deadlines in the chosen period.',
  },
  equalIntro: {
    lv: 'Standarts prasa apkalpot vienlīdz ātri, labi un pieklājīgi neatkarīgi no valodas. Šeit tas pats salīdzinājums pa apkalpošanas valodām.',
    en: 'The standard promises equally fast, good and polite service regardless of language. The same comparison, by service language.',
  },
  previousPeriod: { lv: 'iepriekšējais periods {from} – {to}', en: 'previous period {from} – {to}' },
  complaintsPerWeek: { lv: 'Saņemtās sūdzības pa nedēļām', en: 'Complaints received per week' },
  outcomes: { lv: 'Iznākumi', en: 'Outcomes' },
  categories: { lv: 'Kategorijas', en: 'Categories' },
  deadlineCompliance: { lv: 'Termiņu ievērošana', en: 'Deadline compliance' },
  complianceNote: {
    lv: 'Daļa no sūdzībām, kas saņemtas periodā un kurām termiņš jau pienācis; mērķis — 100 %.',
    en: 'Share of the complaints received in the period whose deadline has come; the target is 100 %.',
  },
  backlog: { lv: 'Neatbildētās sūdzības', en: 'Backlog' },
  openNote: {
    lv: 'Periodā saņemtās sūdzības, kas pēdējās sinhronizācijas brīdī vēl nav atbildētas.',
    en: 'Complaints received in the period that were still unanswered at the last sync.',
  },
  count: { lv: 'Skaits', en: 'Count' },
  share: { lv: 'Daļa', en: 'Share' },
  sqlTitle: { lv: 'SQL vaicājums', en: 'SQL query' },
  sqlHint: {
    lv: 'Viens SELECT pār modelētajām tabulām. Personas dati tajās nav.',
    en: 'One SELECT over the modelled tables. They hold no personal data.',
  },
  run: { lv: 'Izpildīt', en: 'Run' },
  running: { lv: 'Izpilda…', en: 'Running…' },
  downloadCsv: { lv: 'Lejupielādēt CSV', en: 'Download CSV' },
  rows: { lv: '{n} rindas, {ms} ms', en: '{n} rows, {ms} ms' },
  truncated: { lv: 'rezultāts saīsināts līdz rindu limitam', en: 'result cut at the row limit' },
  schema: { lv: 'Shēma', en: 'Schema' },
  sqlError: { lv: 'Vaicājums netika izpildīts', en: 'The query was not run' },
  errorTitle: { lv: 'Kļūda', en: 'Error' },
  notReady: {
    lv: 'Dati vēl tiek ielādēti — mēģiniet vēlreiz pēc dažām sekundēm',
    en: 'The data is still being loaded — try again in a few seconds',
  },
  retry: { lv: 'Mēģināt vēlreiz', en: 'Try again' },
  headlines: { lv: 'Galvenie rādītāji', en: 'Headline figures' },
  ownOfficeOnly: {
    lv: 'Nodaļas pilnvara: detalizēti redzama tikai sava nodaļa; citas — sadaļā “Nodaļas”.',
    en: 'Office token: your own office in detail; the others under “Offices”.',
  },
  noRows: { lv: 'Šajā periodā nav datu.', en: 'No data in this period.' },
  chart: { lv: 'Diagramma', en: 'Chart' },
  language: { lv: 'Valoda', en: 'Language' },
  unanswered: { lv: 'vēl nav atbildēts', en: 'not answered yet' },
  unknown: { lv: 'nav zināms', en: 'unknown' },
} satisfies Record<string, Record<Lang, string>>;

export type StringKey = keyof typeof strings;

/** A page string in the language, with `{name}` placeholders filled in. */
export function t(lang: Lang, key: StringKey, vars: Record<string, string | number> = {}): string {
  return strings[key][lang].replace(/\{(\w+)\}/g, (whole, name: string) =>
    vars[name] === undefined ? whole : String(vars[name]),
  );
}
