/**
 * Words of the filter bar's dates and of the notes that explain an empty or thin chart (groups below the
 * minimum sample, moved working Saturdays), merged into i18n.ts's table.
 */
export const screenStrings = {
  dateInvalid: {
    lv: 'Ierakstiet datumu kā {format}, ne vēlāk par {max}.',
    en: 'Type a date as {format}, not after {max}.',
  },
  earlierNoData: { lv: 'par to periodu nav datu', en: 'no data for that period' },
  earlierTooFew: { lv: 'tajā periodā par maz atbilžu (n = {n})', en: 'too few responses in that period (n = {n})' },
  tooFewToEstimate: {
    lv: 'par maz gadījumu, lai novērtētu (n = {n}, vajag ≥ {min})',
    en: 'too few cases to estimate (n = {n}, minimum {min})',
  },
  tooFewEach: {
    lv: 'par maz gadījumu, lai novērtētu (vajag ≥ {min}) — {list}',
    en: 'too few cases to estimate (minimum {min}) — {list}',
  },
  sampleRange: { lv: 'n = {n} katrā no {count}', en: 'n = {n} in each of {count}' },
  nothingPlotted: { lv: 'Grafikā nav punktu: {detail}.', en: 'Nothing plotted: {detail}.' },
  someNotPlotted: {
    lv: 'Nav attēlots, jo par maz gadījumu, lai novērtētu (vajag ≥ {min}): {list}.',
    en: 'Not plotted, too few cases to estimate (minimum {min}): {list}.',
  },
  heatAllTooFew: {
    lv: 'Grafikā nav punktu: katrā stundā par maz apmeklējumu, lai novērtētu mediānu (lielākais n = {n}, vajag ≥ {min}).',
    en: 'Nothing plotted: every hour has too few visits to estimate a median (largest n = {n}, minimum {min}).',
  },
  complianceBarsNote: {
    lv: 'Daļa (līnija) attēlota tikai periodos, kuros termiņš pienācis vismaz {min} sūdzībām; stabiņi rāda skaitu katrā periodā.',
    en: 'The share (line) is drawn only for periods with at least {min} complaints due; the bars give the counts of every period.',
  },
  complianceCountAxis: { lv: 'Sūdzību skaits', en: 'Number of complaints' },
  complianceNoneDue: {
    lv: '{periods}: vēl nav rādītāja — nevienai tad saņemtajai sūdzībai termiņš vēl nav pienācis.',
    en: '{periods}: no figure yet — no complaint received then has reached its deadline.',
  },
  chartNoData: { lv: 'Šim filtram periodā nav datu.', en: 'No data for these filters in the range.' },
  movedSaturdays: {
    lv: 'Sestdienas rindā — pārceltās darba dienas pēc Ministru kabineta rīkojuma, ar aizstātās dienas darba laiku: {days}.',
    en: 'Saturday row: moved working days by the Cabinet’s order, with the hours of the weekday they replace: {days}.',
  },
  movedSaturday: { lv: '{date} ({weekday} {dayOff} vietā)', en: '{date} (in place of {weekday} {dayOff})' },
};
