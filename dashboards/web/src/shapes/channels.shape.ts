/**
 * The channel mix and digital take-up from a /v1/channels answer, shaped for charts and tables: contacts per
 * channel and period (the answer's counts summed over their sources) with each channel's share of the
 * period's contacts, and the digital share per period with its interval. Channels come in the order of
 * /v1/reference (`order`), those with no contacts in the range left out. A period with fewer contacts than the
 * answer's minimum for a split (`contacts.minSample`) gets no shares: a partial week's few
 * Sunday contacts read as "100 % other channels". Pure.
 */
import type { ChannelsAnswer } from '../api.types.ts';

export interface ChannelMix {
  periods: string[];
  /** Channel ids with contacts in the range. */
  channels: string[];
  /** counts[channel][period]. */
  counts: number[][];
  /** Contacts of each period, every channel together. */
  totals: number[];
  /**
   * shares[channel][period]: the channel's part of the period's contacts, 0–1; null for a period without any or
   * with too few (`suppressed`).
   */
  shares: (number | null)[][];
  /** Periods whose contacts are fewer than `minSample`: their split is withheld, their counts kept. */
  suppressed: boolean[];
  minSample: number;
}

export interface DigitalPoint {
  period: string;
  value: number | null;
  low: number | null;
  high: number | null;
  successes: number;
  n: number;
  suppressed: boolean;
}

export function channelMix(answer: ChannelsAnswer, order: readonly string[]): ChannelMix {
  const periods = [
    ...new Set([...answer.contacts.rows.map((r) => r.period), ...answer.digital.periods.map((p) => p.period)]),
  ].sort();
  const seen = new Set(answer.contacts.rows.filter((r) => r.n > 0).map((r) => r.channel));
  // Known channels in the reference's order, then any the reference does not know yet.
  const channels = [...order.filter((c) => seen.has(c)), ...[...seen].filter((c) => !order.includes(c)).sort()];
  const counts = channels.map(() => periods.map(() => 0));
  for (const row of answer.contacts.rows) {
    const c = channels.indexOf(row.channel);
    const p = periods.indexOf(row.period);
    const cell = counts[c];
    if (cell && p >= 0) cell[p] = (cell[p] ?? 0) + row.n;
  }
  const totals = periods.map((_, p) => counts.reduce((sum, row) => sum + (row[p] ?? 0), 0));
  const minSample = answer.contacts.minSample;
  const suppressed = totals.map((total) => total > 0 && total < minSample);
  const shares = counts.map((row) =>
    row.map((n, p) => ((totals[p] ?? 0) > 0 && !suppressed[p] ? n / (totals[p] ?? 1) : null)),
  );
  return { periods, channels, counts, totals, shares, suppressed, minSample };
}

/** The digital share of each period of the mix (null-valued where no rated case was measured). */
export function digitalPoints(answer: ChannelsAnswer, periods: readonly string[]): DigitalPoint[] {
  const byPeriod = new Map(answer.digital.periods.map((p) => [p.period, p]));
  return periods.map((period) => {
    const p = byPeriod.get(period);
    return {
      period,
      value: p?.value ?? null,
      low: p?.interval?.low ?? null,
      high: p?.interval?.high ?? null,
      successes: p?.successes ?? 0,
      n: p?.n ?? 0,
      suppressed: p?.suppressed ?? false,
    };
  });
}
