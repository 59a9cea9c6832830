/** The Overview's own words (drivers, annotations, print), merged into i18n.ts's table. */
export const overviewStrings = {
  driversTitle: { lv: 'Kas nosaka apmierinātību', en: 'What drives satisfaction' },
  driversNote: {
    lv: 'Svarīgums: katra standarta aspekta vērtējuma korelācija ar kopējo apmierinātību (Pīrsona r, 95 % ticamības intervāls pēc Fišera z). Sniegums: vidējais vērtējums 1–5 (95 % intervāls). Līnijas: aspektu vidējās vērtības. Augšā pa kreisi — svarīgs, bet vāji novērtēts: ar to strādāt vispirms.',
    en: 'Importance: how closely each aspect’s score moves with overall satisfaction (Pearson r, 95 % interval by Fisher’s z). Performance: mean score 1–5 (95 % interval). Lines: the aspects’ averages. Top left — important but scored low: work on it first.',
  },
  driversImportance: { lv: 'Svarīgums (r)', en: 'Importance (r)' },
  driversPerformance: { lv: 'Sniegums (vidēji 1–5)', en: 'Performance (mean 1–5)' },
  driversAspect: { lv: 'Aspekts', en: 'Aspect' },
  driversQuadrant: { lv: 'Secinājums', en: 'Reading' },
  quadrantFix: { lv: 'Prioritāte: svarīgs, vāji novērtēts', en: 'Priority: important, scored low' },
  quadrantKeep: { lv: 'Saglabāt: svarīgs, labi novērtēts', en: 'Keep up: important, scored well' },
  quadrantWatch: { lv: 'Vērot: mazāk svarīgs, vāji novērtēts', en: 'Watch: less important, scored low' },
  quadrantOk: { lv: 'Pietiek: mazāk svarīgs, labi novērtēts', en: 'Enough: less important, scored well' },
  driversSignificant: { lv: 'p', en: 'p' },
  driversNone: {
    lv: 'Par maz atbilžu, lai novērtētu aspektu ietekmi.',
    en: 'Too few responses to measure the aspects’ effect.',
  },
  annotationsTitle: { lv: 'Notikumi', en: 'Events' },
  annotationKind_law: { lv: 'Tiesību akts', en: 'Law' },
  annotationKind_closure: { lv: 'Slēgts', en: 'Closed' },
  annotationKind_service: { lv: 'Pakalpojums', en: 'Service' },
  printReport: { lv: 'Drukāt atskaiti', en: 'Print report' },
  printedAt: { lv: 'Sagatavots', en: 'Prepared' },
} as const;
