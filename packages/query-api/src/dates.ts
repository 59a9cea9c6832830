/**
 * How servq writes a calendar date for people — the dashboard, the e-mails and the printed reports alike: day
 * first, Latvian with dots (04.12.2026), British English with slashes (04/12/2026). Addresses, API answers and
 * the lake keep ISO dates (2026-12-04); only what a person reads is written this way.
 */
import type { Lang } from './answers.ts';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const SEPARATOR: Record<Lang, string> = { lv: '.', en: '/' };

/** An ISO date (YYYY-MM-DD) as the language writes it; anything else is returned as it is. */
export function writtenDate(iso: string, lang: Lang): string {
  const match = ISO_DATE.exec(iso);
  if (!match) return iso;
  return [match[3], match[2], match[1]].join(SEPARATOR[lang]);
}
