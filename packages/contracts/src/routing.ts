/**
 * Where each event goes in Kafka: its topic, and the message key that keeps one entity's events in order on one
 * partition (a visit's check-in before its call, a complaint's receipt before its answer).
 */
import { Topics, type TopicName } from './constants.ts';
import type { AlertEvent } from './alert.events.ts';
import { familyOf, type ServqEvent } from './events.ts';

export function topicFor(event: Pick<ServqEvent, 'type'>): TopicName {
  return Topics[familyOf(event.type)];
}

/** The id of the entity the event belongs to: visit, survey, complaint or feedback. */
export function messageKeyFor(event: ServqEvent): string {
  if (event.type === 'survey.submitted') return event.survey_id;
  if (event.type === 'feedback.received') return event.feedback_id;
  if ('complaint_id' in event) return event.complaint_id;
  return event.visit_id;
}

/** An alert's events share its key, so one condition's raised, delivered and resolved stay in order. */
export function alertMessageKey(event: Pick<AlertEvent, 'alert_id'>): string {
  return event.alert_id;
}
