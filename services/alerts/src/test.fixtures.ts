/** What the alerts' unit tests are given of the query API: its catalogue's CSAT, as /v1/metrics serves it. */
import type { MetricInfo } from '@servq/query-api';

export const csat: MetricInfo = {
  id: 'csat',
  label: { lv: 'Klientu apmierinātība (CSAT)', en: 'Customer satisfaction (CSAT)' },
  description: { lv: '', en: '' },
  model: 'surveys',
  measure: { kind: 'share', success: 'satisfaction >= 4', among: 'true' },
  unit: 'share',
  direction: 'higher_is_better',
  target: { default: 0.85, byOffice: {} },
  minSample: 30,
};
