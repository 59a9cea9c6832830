/** Builds demo events with the shared envelope and an id that is a hash of the seed, the entity and the type. */
import type { ChannelId } from '@servq/contracts';
import { stableUuid } from './random.ts';

export type DemoEvent = Record<string, unknown> & { event_id: string; type: string; occurred_at: string };

export interface EventFactory {
  seed: number;
  /** `key` tells apart two events of one type on one entity (a complaint answered again after reopening). */
  event(type: string, at: Date, channel: ChannelId, fields: Record<string, unknown>, key?: string): DemoEvent;
}

export const DEMO_SOURCE = 'servq-demo';

export function eventFactory(seed: number): EventFactory {
  return {
    seed,
    event(type, at, channel, fields, key = '') {
      const entity = [fields.visit_id, fields.survey_id, fields.complaint_id, fields.feedback_id].find(
        (id): id is string => typeof id === 'string',
      );
      return {
        event_id: stableUuid(seed, `${entity ?? ''}:${type}${key}`),
        type,
        schema_version: 1,
        occurred_at: at.toISOString(),
        source: DEMO_SOURCE,
        channel,
        ...fields,
      };
    },
  };
}
