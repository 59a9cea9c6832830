/** The Equal-service screen's words, merged into i18n.ts's table. */
export const equalStrings = {
  equalIntro: {
    lv: 'Standarts prasa apkalpot vienlīdz ātri, labi un pieklājīgi neatkarīgi no valodas. Šeit gaidīšana, apmierinātība un atteikumu daļa pa apkalpošanas valodām, apmierinātība pa apkalpošanas kanāliem, un secinājums par katru nodaļu.',
    en: 'The standard promises equally fast, good and polite service regardless of language. Here wait, satisfaction and refusal share by service language, satisfaction by the channel of the service, and a verdict per office.',
  },
  byLanguageTitle: { lv: 'Pēc apkalpošanas valodas', en: 'By service language' },
  byChannelTitle: { lv: 'Pēc apkalpošanas kanāla', en: 'By channel of the service' },
  byChannelNote: {
    lv: 'Salīdzināts tikai tas, kam ir kanāls: apmierinātība pēc tā, kā pakalpojums saņemts (apmeklējuma aptauja ir klātienes pakalpojums, arī ja atbildēta e-pastā; e-pakalpojumu lietām nav nodaļas). Gaidīšana un atteikumi ir tikai klātienes apmeklējumiem (to “kanāls” ir pieraksta veids, t. i. pieraksts pret rindu — skat. “Apmeklējumi”), tāpēc tie salīdzināti tikai pēc valodas. Aptaujas aizpilda ne visi klienti, un atsaucība kanālos var atšķirties.',
    en: 'Compared only where there is a channel: satisfaction by how the service was delivered (a visit’s survey is an in-person service even when answered by e-mail; e-service cases have no office). Waits and refusals exist only for in-person visits (their “channel” is how the visit was booked, i.e. appointments against walk-ins — see Visits), so they are compared by language only. Not every customer answers a survey, and response rates may differ by channel.',
  },
  verdictTitle: { lv: 'Secinājums par katru nodaļu', en: 'Verdict per office' },
  verdictNote: {
    lv: 'Katras nodaļas valodas (un apkalpošanas kanāli, kur nodaļā tādi ir vairāki) salīdzinātas ar pārējiem tās pašas nodaļas klientiem; nozīmīgs nozīmē p zem 0,05, dalīta ar grupu skaitu (Bonferroni). Secinājumu nosaka klientam sliktākā nozīmīgā atšķirība. ▲ labāk, ▼ sliktāk klientam; ◆ atšķiras rādītājam bez virziena.',
    en: 'Each office’s languages (and channels of service, where the office has more than one) against the rest of that office’s customers; significant means p below 0.05 divided by the number of groups (Bonferroni). The verdict is driven by the significant gap worst for the customer. ▲ better, ▼ worse for the customer; ◆ differs on a metric without a direction.',
  },
  verdict: { lv: 'Secinājums', en: 'Verdict' },
  gaps: { lv: 'Atšķirības', en: 'Gaps' },
  verdictEqual: {
    lv: 'Nav statistiski nozīmīgu atšķirību ({tested} salīdzinājumi)',
    en: 'No statistically significant gap ({tested} comparisons)',
  },
  verdictDriven: { lv: 'Nevienlīdzīgi: {gap}', en: 'Unequal: {gap}' },
  verdictDrivenNeutral: { lv: 'Atšķiras: {gap}', en: 'Differs: {gap}' },
  verdictDrivenBetter: { lv: 'Atšķiras klienta labā: {gap}', en: 'A gap in the customer’s favour: {gap}' },
  verdictTooFew: { lv: 'par maz atbilžu, lai salīdzinātu', en: 'too few responses to compare' },
  verdictWithheld: {
    lv: 'Salīdzināšanai par mazu grupu rādītāju: {count}.',
    en: 'Group figures too small to compare: {count}.',
  },
  verdictOthers: {
    lv: 'Pārējie {count} salīdzinājumi — trokšņa robežās.',
    en: 'The other {count} comparisons are within noise.',
  },
  gapPhrase: { lv: '{metric}: {group} — nozīmīgi {way}', en: '{metric} significantly {way} for “{group}”' },
  way_slower: { lv: 'lēnāk', en: 'slower' },
  way_faster: { lv: 'ātrāk', en: 'faster' },
  way_higher: { lv: 'augstāk', en: 'higher' },
  way_lower: { lv: 'zemāk', en: 'lower' },
  gapFigures: { lv: '{value}, nodaļā kopā {reference}; {p}', en: '{value}, office overall {reference}; {p}' },
};
