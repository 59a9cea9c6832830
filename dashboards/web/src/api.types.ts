/**
 * The shapes the query API answers with (services/query: app.ts, query.service.ts, compare.ts). The dashboard
 * talks to the API over HTTP only, so these are restated here rather than imported; a change on either side
 * shows up in the browser test's stub and in the unit tests of the shaping code.
 */

export type Lang = 'lv' | 'en';
export type Localised = Record<Lang, string>;

export type Unit = 'count' | 'share' | 'score_1_5' | 'nps' | 'minutes' | 'working_days' | 'days';
export type Direction = 'higher_is_better' | 'lower_is_better' | 'neutral';
export type Grain = 'day' | 'week' | 'month' | 'quarter';
export type Role = 'management' | 'office' | 'analyst';

export interface Freshness {
  newestEventAt: string | null;
  syncedAt: string | null;
  dataVersion: number;
}

export interface MetricInfo {
  id: string;
  label: Localised;
  description: Localised;
  model: string;
  unit: Unit;
  direction: Direction;
  target: { default: number | null; byOffice: Record<string, number> };
  minSample: number;
}

export interface DimensionInfo {
  id: string;
  label: Localised;
  column: string;
  models: readonly string[];
}

export interface MetricsAnswer {
  freshness: Freshness;
  metrics: MetricInfo[];
  dimensions: DimensionInfo[];
}

export interface Figure {
  value: number | null;
  n: number;
  target: number | null;
  suppressed: boolean;
}

export type QueryCell = string | number | null | Figure;

export interface QueryAnswer {
  freshness: Freshness;
  query: {
    metrics: string[];
    dimensions: string[];
    filters: Record<string, string[]>;
    from: string;
    to: string;
    grain: Grain | null;
  };
  rows: Record<string, QueryCell>[];
}

export interface Interval {
  low: number;
  high: number;
}

export interface GroupFigure {
  group: string | null;
  value: number | null;
  n: number;
  interval: Interval | null;
  suppressed: boolean;
  target: number | null;
  pValue: number | null;
  significant: boolean;
  previous: { value: number | null; n: number; suppressed: boolean };
  change: number | null;
  changePValue: number | null;
  changeSignificant: boolean;
}

export interface MetricComparison {
  id: string;
  unit: Unit;
  direction: Direction;
  minSample: number;
  all: GroupFigure;
  groups: GroupFigure[];
}

export interface CompareAnswer {
  freshness: Freshness;
  by: string;
  from: string;
  to: string;
  previous: { from: string; to: string };
  alpha: number;
  metrics: MetricComparison[];
}

export interface SchemaColumn {
  name: string;
  type: string;
  description: string;
}

export interface SchemaTable {
  id: string;
  description: string;
  key: string;
  anchoredOn: string;
  columns: SchemaColumn[];
}

export interface SchemaAnswer {
  tables: SchemaTable[];
}

export interface SqlAnswer {
  freshness: Freshness;
  columns: string[];
  rows: Record<string, unknown>[];
  truncated: boolean;
  elapsedMs: number;
}

export interface ErrorDetail {
  parameter: string;
  expected: string;
  received?: unknown;
}

export interface ErrorBody {
  error: { code: string; message: string; details: ErrorDetail[] };
}
