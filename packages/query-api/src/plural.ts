/**
 * Whether a language reads a count in the singular: the one rule for every counted word servq writes, on the page
 * (the dashboard's `…One` strings and units in words) and in mail (the reports service's weekly digest). English
 * only 1; Latvian every number ending in 1 but not 11 ("1 darba diena", "21 darba diena", "11 darba dienas"),
 * decimals by their last digit as shown ("4,1 darba diena"), as CLDR's plural rules say through Intl.PluralRules.
 * Here, beside `Lang`, because both the dashboard and the services read this package and neither may import the other.
 */
import type { Lang } from './answers.ts';

const locale = (lang: Lang): string => (lang === 'lv' ? 'lv-LV' : 'en-GB');

/** One rule set per language and shown decimals: a screen asks for thousands of counts. */
const rules = new Map<string, Intl.PluralRules>();

/** `n` as shown with `digits` decimals takes the singular in `lang`. */
export function isSingular(lang: Lang, n: number, digits = 0): boolean {
  const key = `${lang} ${digits}`;
  let rule = rules.get(key);
  if (!rule) {
    rule = new Intl.PluralRules(locale(lang), { minimumFractionDigits: digits, maximumFractionDigits: digits });
    rules.set(key, rule);
  }
  return rule.select(n) === 'one';
}
