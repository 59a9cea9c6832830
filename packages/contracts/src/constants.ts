/**
 * Names shared by every service: Kafka topics, the lake's object prefix and table names. One place, so a
 * rename is one edit and the lander and the query service can never disagree about where data lives.
 */
export const Topics = {
  visit: 'servq.visit.v1',
  survey: 'servq.survey.v1',
  complaint: 'servq.complaint.v1',
  rejected: 'servq.rejected.v1',
  /** Written by the alerts service only (alert.events.ts), never through ingest. */
  alert: 'servq.alert.v1',
} as const;
export type TopicName = (typeof Topics)[keyof typeof Topics];

/** Every topic the pipeline owns, in creation order. */
export const ALL_TOPICS: readonly TopicName[] = [
  Topics.visit,
  Topics.survey,
  Topics.complaint,
  Topics.rejected,
  Topics.alert,
];

/** Objects of the lake live under this prefix in the bucket: `lake/<table>/date=<YYYY-MM-DD>/…`. */
export const LAKE_PREFIX = 'lake/';

export const LakeTables = {
  visit: 'visit_events',
  survey: 'survey_events',
  complaint: 'complaint_events',
  rejected: 'rejected_events',
  alert: 'alert_events',
} as const;
export type LakeTableName = (typeof LakeTables)[keyof typeof LakeTables];

/** The time zone the offices work in; lake dates and reports use it. */
export const OFFICE_TIME_ZONE = 'Europe/Riga';
