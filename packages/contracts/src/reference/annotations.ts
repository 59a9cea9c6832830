/**
 * Dated events that explain a change in the figures, drawn on time charts: changes of law or rule, office
 * closures and similar. Kept as data so adding one is a one-line change (served at GET /v1/annotations).
 * Days are Riga calendar dates; `to` is inclusive and absent for a single day or a change that stays.
 */
import type { IsoDate } from '../dates.ts';

export type AnnotationKind = 'law' | 'closure' | 'service';

export interface Annotation {
  id: string;
  kind: AnnotationKind;
  from: IsoDate;
  to?: IsoDate;
  /** Offices concerned; absent for every office. */
  offices?: readonly string[];
  label: { lv: string; en: string };
  source?: string;
}

export const ANNOTATIONS: readonly Annotation[] = [
  {
    id: 'submissions-law-2026-03',
    kind: 'law',
    from: '2026-03-01',
    label: {
      lv: 'Iesniegumu likuma grozījumi: atbilde 10 darbdienās',
      en: 'Law on Submissions amended: answer within 10 working days',
    },
    source: 'Iesniegumu likums, grozījumi 05.02.2026, spēkā no 01.03.2026',
  },
  {
    id: 'christmas-2025',
    kind: 'closure',
    from: '2025-12-24',
    to: '2025-12-26',
    label: { lv: 'Ziemassvētki: nodaļas slēgtas', en: 'Christmas: offices closed' },
  },
  {
    id: 'new-year-2026',
    kind: 'closure',
    from: '2025-12-31',
    to: '2026-01-01',
    label: { lv: 'Vecgada vakars un Jaunais gads: nodaļas slēgtas', en: 'New Year: offices closed' },
  },
  {
    id: 'midsummer-2026',
    kind: 'closure',
    from: '2026-06-23',
    to: '2026-06-24',
    label: { lv: 'Līgo un Jāņi: nodaļas slēgtas', en: 'Midsummer: offices closed' },
  },
];
