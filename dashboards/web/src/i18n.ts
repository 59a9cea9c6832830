/**
 * The page's own words in Latvian and English. Metric and dimension labels come from the API's catalogue;
 * names of reference values from the API (/v1/reference, see labels.ts).
 */
import { isSingular } from '@servq/query-api';
import type { Lang } from './api.types.ts';
import { alertsStrings } from './alerts.i18n.ts';
import { channelsStrings } from './channels.i18n.ts';
import { equalStrings } from './equal.i18n.ts';
import { overviewStrings } from './overview.i18n.ts';
import { screenStrings } from './screens.i18n.ts';

const strings = {
  ...overviewStrings,
  ...screenStrings,
  ...channelsStrings,
  ...equalStrings,
  ...alertsStrings,
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
  channel: { lv: 'Kanāls', en: 'Channel' },
  service: { lv: 'Pakalpojums', en: 'Service' },
  allChannels: { lv: 'Visi kanāli', en: 'All channels' },
  allServices: { lv: 'Visi pakalpojumi', en: 'All services' },
  anyLanguage: { lv: 'Visas valodas', en: 'All languages' },
  presets: { lv: 'Periods', en: 'Range' },
  preset_weeks4: { lv: 'Pēdējās 4 nedēļas', en: 'Last 4 weeks' },
  preset_quarter: { lv: 'Ceturksnis', en: 'Quarter' },
  preset_months12: { lv: '12 mēneši', en: '12 months' },
  preset_ytd: { lv: 'Gads līdz šim', en: 'Year to date' },
  skippedFilters: {
    lv: 'Filtrs „{names}” neattiecas uz dažiem šī ekrāna rādītājiem (piem., sūdzībām nav pakalpojuma); tie rādīti bez tā.',
    en: 'The “{names}” filter does not apply to some figures on this screen (e.g. complaints have no service); they are shown without it.',
  },
  skipLink: { lv: 'Pāriet uz saturu', en: 'Skip to content' },
  csvButton: { lv: 'CSV', en: 'CSV' },
  downloadPng: { lv: 'PNG', en: 'PNG' },
  downloadCsvOf: { lv: 'Lejupielādēt „{title}” datus CSV formātā', en: 'Download the data of “{title}” as CSV' },
  downloadPngOf: { lv: 'Lejupielādēt „{title}” attēlu PNG formātā', en: 'Download “{title}” as a PNG image' },
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
  noTarget: { lv: 'Bez mērķa', en: 'No target' },
  partial: { lv: 'nepilns', en: 'partial' },
  partialBarNote: {
    lv: 'Gaišs stabiņš: nepilna nedēļa (diapazons vai dati to aptver tikai daļēji).',
    en: 'Pale bar: a partial week (the range or the data covers only part of it).',
  },
  partialPeriodBarNote: {
    lv: 'Gaišs stabiņš ar raustītu kontūru: nepilns periods (diapazons vai dati to aptver tikai daļēji).',
    en: 'Pale bar with a dashed outline: a partial period (the range or the data covers only part of it).',
  },
  partialNote: {
    lv: 'Iesvītrots fons un tukšs punkts: nepilns periods (diapazons vai dati to aptver tikai daļēji).',
    en: 'Hatched background and hollow point: a partial period (the range or the data covers only part of it).',
  },
  tooFew: { lv: 'par maz atbilžu', en: 'too few responses' },
  tooFewDetail: { lv: 'par maz atbilžu (n={n}, vajag ≥{min})', en: 'too few responses (n={n}, needs ≥{min})' },
  basedOn: { lv: 'n = {n}', en: 'n = {n}' },
  trendTitle: { lv: 'Apmierinātība pa periodiem', en: 'Satisfaction over time' },
  trendNoteOffice: {
    lv: 'Jūsu nodaļa; periodi ar par maz atbildēm nav attēloti.',
    en: 'Your office; periods with too few responses are left out.',
  },
  linesNotDrawn: {
    lv: 'Bez līnijas, jo par maz atbilžu katrā periodā (vajag ≥ {min}): {list}.',
    en: 'No line drawn, too few responses in every period (minimum {min}): {list}.',
  },
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
  sigBetter: { lv: 'nozīmīgi labāk', en: 'significantly better' },
  sigWorse: { lv: 'nozīmīgi sliktāk', en: 'significantly worse' },
  sigDifferent: { lv: 'nozīmīgi atšķiras', en: 'significantly different' },
  suppressedGroup: { lv: 'nav salīdzināts', en: 'not compared' },
  notSignificant: { lv: 'nav nozīmīga', en: 'not significant' },
  notTestable: { lv: '—', en: '—' },
  notAnOffice: { lv: 'nav nodaļa, netiek salīdzināta', en: 'not an office, not compared' },
  change: { lv: 'Izmaiņas pret iepriekšējo periodu', en: 'Change vs previous period' },
  changeGapAll: { lv: 'Izmaiņas pret iepriekšējo periodu: {why}.', en: 'Change vs previous period: {why}.' },
  significantMarker: {
    lv: 'Nozīmīgi labāk vai sliktāk par pārējām grupām rādītāja virzienā (p < {alpha}, Bonferroni korekcija).',
    en: 'Significantly better or worse than the other groups, in the metric’s own direction (p < {alpha}, Bonferroni-corrected).',
  },
  whiskers: {
    lv: 'Punkts — vērtība, līnija — 95% ticamības intervāls, raustīta līnija — mērķis.',
    en: 'Dot: the figure; whiskers: its 95% confidence interval; dashed line: the target.',
  },
  officesIntro: {
    lv: 'Nodaļas blakus — gaidīšana, atbildes laiks un termiņu ievērošana izvēlētajā periodā.',
    en: 'Offices side by side: waiting, response time and deadlines in the chosen period.',
  },
  previousPeriod: { lv: 'Iepriekšējais periods: {from} – {to}.', en: 'Previous period: {from} – {to}.' },
  complaintsPerWeek: { lv: 'Saņemtās sūdzības pa nedēļām', en: 'Complaints received per week' },
  outcomes: { lv: 'Iznākumi', en: 'Outcomes' },
  categories: { lv: 'Kategorijas', en: 'Categories' },
  deadlineCompliance: { lv: 'Termiņu ievērošana', en: 'Deadline compliance' },
  complianceNote: {
    lv: 'Daļa no sūdzībām, kas saņemtas periodā un kurām termiņš jau pienācis; mērķis — 100 %.',
    en: 'Share of the complaints received in the period whose deadline has come; the target is 100 %.',
  },
  complianceCountsBelow: {
    lv: 'Zem tās — šo sūdzību skaits: atbildētas termiņā un pēc termiņa.',
    en: 'Below it, their number: answered within the deadline and past it.',
  },
  backlog: { lv: 'Neatbildētās sūdzības', en: 'Backlog' },
  openNote: {
    lv: 'Atvērto sūdzību, nokavēto sūdzību un vecākās sūdzības vecuma rādītāji attiecas uz periodā ({from} – {to}) saņemtajām sūdzībām, kas pēdējās sinhronizācijas brīdī vēl nav atbildētas. Saraksts un vecuma grafiks zemāk ietver visas atvērtās sūdzības neatkarīgi no perioda.',
    en: 'The open, past-the-deadline and oldest-open tiles count the complaints received in the period ({from} – {to}) that were still unanswered at the last sync. The list and the age chart below count every open complaint, whatever the period.',
  },
  count: { lv: 'Skaits', en: 'Count' },
  share: { lv: 'Daļa', en: 'Share' },
  sqlTitle: { lv: 'SQL vaicājums', en: 'SQL query' },
  sqlHint: {
    lv: 'Viens SELECT pār modelētajām tabulām. Personas dati tajās nav.',
    en: 'One SELECT over the modelled tables. They hold no personal data.',
  },
  /** The editor's shortcut, said as a sentence: a bare "Ctrl+Enter" after the hint read as a stray word. */
  sqlRunKey: { lv: 'Ctrl+Enter izpilda vaicājumu.', en: 'Ctrl+Enter runs the query.' },
  run: { lv: 'Izpildīt', en: 'Run' },
  running: { lv: 'Izpilda…', en: 'Running…' },
  downloadCsv: { lv: 'Lejupielādēt CSV', en: 'Download CSV' },
  rows: { lv: '{n} rindas, {ms} ms', en: '{n} rows, {ms} ms' },
  rowsOne: { lv: '{n} rinda, {ms} ms', en: '{n} row, {ms} ms' },
  truncated: { lv: 'rezultāts saīsināts līdz rindu limitam', en: 'result cut at the row limit' },
  schema: { lv: 'Shēma', en: 'Schema' },
  sqlResults: { lv: 'Vaicājuma rezultāts', en: 'Query result' },
  sqlError: { lv: 'Vaicājums netika izpildīts', en: 'The query was not run' },
  errorTitle: { lv: 'Kļūda', en: 'Error' },
  notReady: {
    lv: 'Dati vēl tiek ielādēti — mēģiniet vēlreiz pēc dažām sekundēm',
    en: 'The data is still being loaded — try again in a few seconds',
  },
  retry: { lv: 'Mēģināt vēlreiz', en: 'Try again' },
  navVisits: { lv: 'Apmeklējumi', en: 'Visits' },
  // Visits screen
  todayTitle: { lv: 'Šodien', en: 'Today' },
  todayAsOf: { lv: '{office} · {date}, līdz {time}', en: '{office} · {date}, up to {time}' },
  todayArrivals: { lv: 'Ieradušies šodien', en: 'Arrivals today' },
  todayWaiting: { lv: 'Gaida tagad', en: 'Waiting now' },
  todayWait: { lv: 'Gaidīšanas mediāna līdz šim', en: 'Median wait so far' },
  usualValue: { lv: 'parasti {value}', en: 'usually {value}' },
  noUsual: { lv: 'nav salīdzinājuma', en: 'no comparison yet' },
  cmp_above: { lv: 'vairāk nekā parasti', en: 'above the usual' },
  cmp_below: { lv: 'mazāk nekā parasti', en: 'below the usual' },
  cmp_same: { lv: 'kā parasti', en: 'as usual' },
  cmp_none: { lv: '', en: '' },
  todayNote: {
    lv: 'Parasti: mediāna {n} iepriekšējās tās pašas nedēļas dienās ({days}), līdz tam pašam laikam. Atjaunojas ik pēc 30 s; atjaunots {at}.',
    en: 'Usual: the median over {n} previous same weekdays ({days}), up to the same time of day. Refreshes every 30 s; updated {at}.',
  },
  todayClosed: { lv: 'Nodaļa šodien ir slēgta.', en: 'The office is closed today.' },
  todayAllClosed: { lv: 'Visas nodaļas šodien ir slēgtas.', en: 'All offices are closed today.' },
  todayNoUsualNote: {
    lv: 'Salīdzinājumam vēl nav iepriekšējo tās pašas nedēļas dienu. Atjaunojas ik pēc 30 s; atjaunots {at}.',
    en: 'No earlier same weekday to compare with yet. Refreshes every 30 s; updated {at}.',
  },
  todayRefreshNote: { lv: 'Atjaunojas ik pēc 30 s; atjaunots {at}.', en: 'Refreshes every 30 s; updated {at}.' },
  todayAllOffices: { lv: 'Visas nodaļas kopā', en: 'All offices together' },
  arrivalsHeat: { lv: 'Ierašanās pa stundām (vidēji dienā)', en: 'Arrivals by hour (mean per day)' },
  waitsHeat: { lv: 'Gaidīšanas mediāna pa stundām', en: 'Median wait by hour' },
  heatNote: {
    lv: 'Ierāmētās šūnas — darba laiks ({hours}). Stunda = reģistrēšanās laiks (Rīgas laiks).',
    en: 'Framed cells: working hours ({hours}). Hour = check-in time (Riga time).',
  },
  medianNote: {
    lv: 'Tukšas šūnas — par maz datu.',
    en: 'Blank cells have too few visits.',
  },
  heatHour: { lv: 'Stunda', en: 'Hour' },
  heatWeekday: { lv: 'Nedēļas diena', en: 'Weekday' },
  arrivalKinds: { lv: 'Ar pierakstu un bez', en: 'Appointments and walk-ins' },
  serviceTimes: { lv: 'Apkalpošanas laiks pa pakalpojumiem', en: 'Service time by service' },
  refusalReasons: { lv: 'Atteikumu iemesli', en: 'Refusal reasons' },
  refusalReasonsNote: {
    lv: 'Joslas: atteikumu skaits pa iemesliem. Tabulā arī katra iemesla atteikumu daļa ar normatīvā akta atsauci.',
    en: 'Bars: refusals by reason. The table adds the share of each reason’s refusals that cite a regulation.',
  },
  refusalsNoShows: { lv: 'Atteikumi un neierašanās', en: 'Refusals and no-shows' },
  waitBands: { lv: 'Apmierinātība pēc gaidīšanas laika', en: 'Satisfaction by wait' },
  waitBand: { lv: 'Gaidīšana', en: 'Wait' },
  waitBandValue: { lv: '{band} min', en: '{band} min' },
  longestWait: {
    lv: 'Garākā gaidīšana, pie kuras apmierinātība vēl sasniedz mērķi ({target}): {band} min.',
    en: 'The longest wait that still keeps satisfaction at target ({target}): {band} min.',
  },
  longestWaitNone: {
    lv: 'Apmierinātība nesasniedz mērķi ({target}) pat pie īsākās gaidīšanas.',
    en: 'Satisfaction misses the target ({target}) even at the shortest wait.',
  },
  longestWaitAll: {
    lv: 'Apmierinātība sasniedz mērķi ({target}) visās gaidīšanas grupās.',
    en: 'Satisfaction meets the target ({target}) at every wait.',
  },
  perDay: { lv: 'vidēji dienā', en: 'mean per day' },
  visitsDays: { lv: '{n} dienas ar datiem', en: '{n} days with data' },
  visitsDaysOne: { lv: '{n} diena ar datiem', en: '{n} day with data' },
  headlines: { lv: 'Galvenie rādītāji', en: 'Headline figures' },
  ownOfficeOnly: {
    lv: 'Nodaļas pilnvara: detalizēti redzama tikai sava nodaļa; citas — sadaļā “Nodaļas”.',
    en: 'Office token: your own office in detail; the others under “Offices”.',
  },
  targetsTitle: { lv: 'Mērķi', en: 'Targets' },
  internalTarget: {
    lv: 'Tas ir ATD iekšējais mērķis ({target}), stingrāks par likumā noteikto atbildes termiņu: {legal}.',
    en: 'This is ATD’s internal target ({target}), stricter than the legal deadline for an answer: {legal}.',
  },
  /** The own office's mark in the Offices charts (an office head's, or the report's office). */
  yourOffice: { lv: 'jūsu nodaļa', en: 'your office' },
  noRows: { lv: 'Šajā periodā nav datu.', en: 'No data in this period.' },
  chart: { lv: 'Diagramma', en: 'Chart' },
  language: { lv: 'Valoda', en: 'Language' },
  unanswered: { lv: 'Vēl nav atbildēts', en: 'Not answered yet' },
  unknown: { lv: 'nav zināms', en: 'unknown' },
  // ——— complaints desk and equal service (#16) ———
  backlogTitle: { lv: 'Neatbildēto sūdzību uzkrājums laikā', en: 'Complaint backlog over time' },
  backlogNote: {
    lv: 'Līnijas: atvērtās sūdzības perioda beigās (saņemtas, vēl nav atbildētas, pārsūtītas vai slēgtas) un no tām — pēc likumā noteiktā termiņa. Stabiņi: periodā saņemtās un atbildētās.',
    en: 'Lines: complaints open at the end of each period (received, not yet answered, forwarded or closed) and those of them past the legal deadline. Bars: received and answered in the period.',
  },
  openSeries: { lv: 'Atvērtas', en: 'Open' },
  overdueSeries: { lv: 'Pēc termiņa', en: 'Past the deadline' },
  inTimeSeries: { lv: 'Termiņā', en: 'Within the deadline' },
  receivedSeries: { lv: 'Saņemtas', en: 'Received' },
  answeredSeries: { lv: 'Atbildētas', en: 'Answered' },
  asOfDay: { lv: 'Stāvoklis dienā', en: 'As of' },
  ageingTitle: {
    lv: 'Atvērtās sūdzības pēc vecuma pret likumā noteikto termiņu',
    en: 'Open complaints by age against the legal deadline',
  },
  ageingNote: {
    lv: 'Visas šobrīd atvērtās sūdzības neatkarīgi no perioda; vecums darba dienās kopš saņemšanas. Termiņš — saņemšanas dienā spēkā esošais: 1 mēnesis līdz 28.02.2026, 10 darba dienas no 01.03.2026. Sārtajā joslā zilā daļa ir sūdzības ar pagarinātu termiņu.',
    en: 'All complaints open now, whatever the range; age in working days since receipt. The deadline is the rule in force on the day of receipt: 1 month before 1 March 2026, 10 working days from then. In the pink zone, the blue part is complaints whose deadline was extended.',
  },
  pastDeadlineZone: {
    lv: 'Vecākas par likumā noteikto termiņu',
    en: 'Older than the legal deadline',
  },
  ageBand: { lv: 'Vecums (darba dienas)', en: 'Age (working days)' },
  dueTitle: { lv: 'Sūdzības ar tuvu vai nokavētu termiņu', en: 'Complaints due soon and overdue' },
  dueWithin: { lv: 'Termiņš', en: 'Due within' },
  workingDaysN: { lv: '{n} darba dienu laikā', en: '{n} working days' },
  // The overdue count comes first and is counted on its own (overdueCount), since {n} here is the window's days.
  dueCounts: {
    lv: '{overdue}, {due} ar termiņu {n} darba dienu laikā',
    en: '{overdue}, {due} due within {n} working days',
  },
  overdueCount: { lv: '{n} nokavētas', en: '{n} overdue' },
  overdueCountOne: { lv: '{n} nokavēta', en: '{n} overdue' },
  dueNote: {
    lv: 'Atvērtās sūdzības pēc lietas numura (bez personas datiem), stāvoklis {date}. Vispirms nokavētās.',
    en: 'Open complaints by case number (no personal data), as of {date}. Overdue first.',
  },
  dueRuleAll: { lv: 'Visām sūdzībām termiņš pēc noteikuma „{rule}”.', en: 'All deadlines follow the rule “{rule}”.' },
  dueRuleMixed: {
    lv: 'Termiņš pēc noteikuma „{rule}”, ja vien rindā nav norādīts cits.',
    en: 'Deadlines follow the rule “{rule}” unless a row names another.',
  },
  caseId: { lv: 'Lieta', en: 'Case' },
  status: { lv: 'Statuss', en: 'Status' },
  dueOn: { lv: 'Termiņš', en: 'Deadline' },
  receivedOn: { lv: 'Saņemta', en: 'Received' },
  rule: { lv: 'Noteikums', en: 'Rule' },
  category: { lv: 'Kategorija', en: 'Category' },
  // Working days in full words, declined as the sentence needs ("par" and "pēc" take the accusative or genitive
  // singular, the dative plural), a count of one in the singular (t() below); the number and its words joined by
  // no-break spaces, as format.ts joins every number and unit in words, so a cell never wraps them apart.
  overdueBy: { lv: 'nokavēta par {n}\u00a0darba\u00a0dienām', en: 'overdue by {n}\u00a0working\u00a0days' },
  overdueByOne: { lv: 'nokavēta par {n}\u00a0darba\u00a0dienu', en: 'overdue by {n}\u00a0working\u00a0day' },
  dueToday: { lv: 'termiņš šodien', en: 'due today' },
  dueIn: { lv: 'termiņš pēc {n}\u00a0darba\u00a0dienām', en: 'due in {n}\u00a0working\u00a0days' },
  dueInOne: { lv: 'termiņš pēc {n}\u00a0darba\u00a0dienas', en: 'due in {n}\u00a0working\u00a0day' },
  extendedMark: { lv: 'pagarināta', en: 'extended' },
  reopenedMark: { lv: 'atkārtoti atvērta', en: 'reopened' },
  noneDue: {
    lv: 'Nav atvērtu sūdzību, kas būtu nokavētas vai kuru termiņš būtu šajā laikā.',
    en: 'No open complaint is overdue or due in this window.',
  },
  truncatedList: { lv: 'Parādītas pirmās {shown} no {total}.', en: 'Showing the first {shown} of {total}.' },
  countOf: { lv: '{k} no {n} atbildētas termiņā', en: '{k} of {n} answered in time' },
} satisfies Record<string, Record<Lang, string>>;

export type StringKey = keyof typeof strings;

/**
 * The key to use for a count `n`: its `…One` twin where the language reads `n` as singular (English 1; Latvian 1,
 * 21, 31 … but not 11), so "1 row" and "1 rinda" are not written "1 rows", "1 rindas".
 */
function countedKey(lang: Lang, key: StringKey, n: string | number | undefined): StringKey {
  if (typeof n !== 'number' || !isSingular(lang, n)) return key;
  const one = `${key}One`;
  return one in strings ? (one as StringKey) : key;
}

/** A page string in the language, with `{name}` placeholders filled in (a numeric `{n}` picks its plural form). */
export function t(lang: Lang, key: StringKey, vars: Record<string, string | number> = {}): string {
  return strings[countedKey(lang, key, vars.n)][lang].replace(/\{(\w+)\}/g, (whole, name: string) =>
    vars[name] === undefined ? whole : String(vars[name]),
  );
}
