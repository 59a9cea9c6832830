/**
 * Channel mix and digital take-up (GET /v1/channels). Contacts are the catalogue's own counts — office visits,
 * complaints, feedback and rated e-service cases — each under the channel it came through (a visit is an office
 * visit in person, whatever channel booked it), summed per period. Digital take-up is the catalogue's
 * `digital_share`, per period and over the range, its interval from the share measure's own statistics, and a
 * Cochran–Armitage test of a trend across the periods. Pure: SQL text and the answer from its rows.
 */
import {
  Dimensions,
  isDimensionId,
  measureOf,
  measureSql,
  periodFromKeySql,
  periodKeySql,
  proportionTrend,
  resolveDimension,
  SqlParams,
  validateRange,
  whereSql,
  type Catalogue,
  type Grain,
  type MetricDefinition,
} from '@servq/metrics';
import type { ChannelsAnswer, Freshness, ShareFigure } from '@servq/query-api';
import { Grains } from '@servq/metrics';
import { z } from 'zod';
import { toNumber } from './routes/metric.query.ts';
import { shownFilters, type Filters } from './routes/params.ts';

const isoDate = z.iso.date({ message: 'expected a date YYYY-MM-DD (Europe/Riga)' });
export const ChannelsParams = z.object({
  from: isoDate.describe('first day, inclusive (YYYY-MM-DD, Europe/Riga)'),
  to: isoDate.describe('last day, inclusive (YYYY-MM-DD, Europe/Riga)'),
  grain: z
    .enum(Grains, { message: `expected one of ${Grains.join(', ')}` })
    .default('month')
    .describe('period to group by: day, week, month (default) or quarter'),
});
export type ChannelsParams = z.infer<typeof ChannelsParams>;

/** The counts that make up contacts; `channel` fixes the channel of a count whose rows are all one channel. */
export const CONTACT_METRICS: readonly { metric: string; channel?: string }[] = [
  { metric: 'visits', channel: 'in_person' },
  { metric: 'complaints_received' },
  { metric: 'feedback_received' },
  { metric: 'e_service_cases_rated' },
];
export const DIGITAL_METRIC = 'digital_share';
/**
 * Contacts a period needs, every channel together, before its split across channels is worth showing: each
 * channel's part is a share of them, so a share's rule of thumb applies (30, as for the catalogue's shares); below
 * it a partial week's few Sunday contacts would read as "100 % other channels".
 */
export const CONTACT_MIX_MIN_SAMPLE = 30;
const ALPHA = 0.05;

export interface ChannelsRequest extends ChannelsParams {
  filters: Filters;
}

export interface ChannelsSql {
  contacts: { sql: string; params: string[] } | null;
  digital: { sql: string; params: string[] } | null;
  metrics: string[];
  contactFilters: Filters;
  skipped: { metric: string; filter: string }[];
  digitalFilters: Filters;
  unavailable: 'office' | null;
}

function metricOf(catalogue: Catalogue, id: string): MetricDefinition {
  const metric = catalogue.get(id);
  if (!metric) throw new Error(`the catalogue lacks ${id}, which /v1/channels reads`);
  return metric;
}

export function channelsSql(catalogue: Catalogue, request: ChannelsRequest): ChannelsSql {
  validateRange(request.from, request.to);
  // An unknown filter is a 400 naming it, even though each count takes only the filters its model has.
  for (const id of Object.keys(request.filters)) if (!isDimensionId(id)) resolveDimension(id, `filter.${id}`, []);
  const key = periodKeySql(request.grain);
  const params = new SqlParams();
  const parts: string[] = [];
  const metrics: string[] = [];
  const skipped: { metric: string; filter: string }[] = [];
  for (const contact of CONTACT_METRICS) {
    const metric = metricOf(catalogue, contact.metric);
    const filters: Filters = {};
    let left = false;
    for (const [id, values] of Object.entries(request.filters)) {
      if (values.length === 0) continue;
      if (id === 'channel' && contact.channel !== undefined) {
        // A count of one channel: in the mix when that channel is asked for, out of it otherwise.
        if (!values.includes(contact.channel)) left = true;
        continue;
      }
      const models: readonly string[] = isDimensionId(id) ? Dimensions[id].models : [];
      if (models.includes(metric.model)) filters[id] = values;
      else {
        skipped.push({ metric: metric.id, filter: id });
        left = true;
      }
    }
    if (left) continue;
    metrics.push(metric.id);
    const where = whereSql({ from: request.from, to: request.to, filters }, [metric.model], params);
    const channel = contact.channel === undefined ? 'channel' : `'${contact.channel}'`;
    parts.push(
      `SELECT ${key} AS pk, ${channel} AS channel, '${metric.id}' AS metric, ${measureSql(metric.measure)} AS n\n` +
        `  FROM ${metric.model} WHERE ${where.join(' AND ')} GROUP BY ALL`,
    );
  }
  const contacts =
    parts.length === 0
      ? null
      : {
          sql:
            `SELECT ${periodFromKeySql(request.grain, 'pk')} AS period, channel, metric, n FROM (\n  ` +
            `${parts.join('\n  UNION ALL\n  ')}\n) WHERE n > 0 ORDER BY pk, channel, metric`,
          params: params.values,
        };

  // A share across channels cannot be narrowed to one channel; e-service cases belong to no office.
  const { channel: _channel, ...digitalFilters } = request.filters;
  void _channel;
  const unavailable = (digitalFilters.office ?? []).length > 0 ? ('office' as const) : null;
  let digital: ChannelsSql['digital'] = null;
  if (unavailable === null) {
    const share = metricOf(catalogue, DIGITAL_METRIC);
    const digitalParams = new SqlParams();
    const where = whereSql(
      { from: request.from, to: request.to, filters: digitalFilters },
      [share.model],
      digitalParams,
    );
    digital = {
      sql:
        `SELECT ${periodFromKeySql(request.grain, 'pk')} AS period, a, n FROM (\n` +
        `  SELECT ${key} AS pk, ${measureOf(share.measure).summarySql(share.measure)}\n` +
        `  FROM ${share.model} WHERE ${where.join(' AND ')} GROUP BY pk\n) WHERE n > 0 ORDER BY pk`,
      params: digitalParams.values,
    };
  }
  return {
    contacts,
    digital,
    metrics,
    contactFilters: request.filters,
    skipped,
    digitalFilters,
    unavailable,
  };
}

/** A period's position on its grain's scale, so a period without surveys still counts in a trend's spacing. */
export function periodIndex(period: string, grain: Grain): number {
  const [year = 0, month = 1] = period.split('-').map(Number);
  const days = Math.round(Date.parse(`${period.slice(0, 10)}T00:00:00Z`) / 86_400_000);
  switch (grain) {
    case 'day':
      return days;
    case 'week':
      return Math.floor(days / 7);
    case 'month':
      return year * 12 + month - 1;
    case 'quarter':
      return year * 4 + Math.floor((month - 1) / 3);
  }
}

function shareFigure(metric: MetricDefinition, successes: number, n: number): ShareFigure {
  const summary = measureOf(metric.measure).summarise(metric.measure, { v: null, a: successes, b: 0, n });
  const suppressed = n < metric.minSample;
  return {
    value: suppressed ? null : summary.value,
    successes,
    n,
    interval: suppressed ? null : summary.interval,
    suppressed,
  };
}

const dateText = (value: unknown): string => String(value).slice(0, 10);

export function channelsAnswer(
  catalogue: Catalogue,
  request: ChannelsParams,
  compiled: ChannelsSql,
  rows: { contacts: Record<string, unknown>[]; digital: Record<string, unknown>[] },
  freshness: Freshness,
): ChannelsAnswer {
  const share = metricOf(catalogue, DIGITAL_METRIC);
  const periods = rows.digital.map((row) => ({
    period: dateText(row.period),
    ...shareFigure(share, toNumber(row.a) ?? 0, toNumber(row.n) ?? 0),
  }));
  const total = periods.reduce((s, p) => ({ a: s.a + p.successes, n: s.n + p.n }), { a: 0, n: 0 });
  const first = periods[0] ? periodIndex(periods[0].period, request.grain) : 0;
  const scale: { successes: number; n: number }[] = [];
  for (const p of periods) scale[periodIndex(p.period, request.grain) - first] = { successes: p.successes, n: p.n };
  const trend = proportionTrend(Array.from(scale, (g) => g ?? { successes: 0, n: 0 }));
  return {
    freshness,
    from: request.from,
    to: request.to,
    grain: request.grain,
    contacts: {
      metrics: compiled.metrics,
      filters: shownFilters(compiled.contactFilters),
      skipped: compiled.skipped,
      rows: rows.contacts.map((row) => ({
        period: dateText(row.period),
        channel: String(row.channel),
        metric: String(row.metric),
        n: toNumber(row.n) ?? 0,
      })),
      minSample: CONTACT_MIX_MIN_SAMPLE,
    },
    digital: {
      metric: share.id,
      filters: shownFilters(compiled.digitalFilters),
      minSample: share.minSample,
      unavailable: compiled.unavailable,
      periods,
      all: shareFigure(share, total.a, total.n),
      trend: trend && {
        perPeriod: trend.slope,
        pValue: trend.p,
        significant: trend.p !== null && trend.p < ALPHA,
      },
    },
  };
}
