/**
 * The shapes the query API answers with: its published bodies (`@servq/query-api`), which the query service's
 * tests hold its real answers to. Only types cross over; the dashboard still talks to the API over HTTP.
 */
export type {
  CompareAnswer,
  DimensionInfo,
  Direction,
  ErrorBody,
  ErrorDetail,
  Figure,
  Freshness,
  GroupFigure,
  Grain,
  Interval,
  Lang,
  Localised,
  MetricComparison,
  MetricInfo,
  MetricsAnswer,
  QueryAnswer,
  QueryCell,
  ReferenceAnswer,
  ReferenceValue,
  Role,
  SchemaAnswer,
  SchemaColumn,
  SchemaTable,
  SqlAnswer,
  TodayAnswer,
  Unit,
} from '@servq/query-api';
