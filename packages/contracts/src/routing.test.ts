import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { anyEventArb } from './events.arbitraries.ts';
import { messageKeyFor, topicFor } from './routing.ts';

describe('topicFor and messageKeyFor', () => {
  it('sends each family to its topic, keyed by the entity id so its events stay in order', () => {
    fc.assert(
      fc.property(anyEventArb, (event) => {
        const [family] = event.type.split('.');
        const expected = {
          visit: ['servq.visit.v1', 'visit_id'],
          survey: ['servq.survey.v1', 'survey_id'],
          complaint: ['servq.complaint.v1', 'complaint_id'],
          feedback: ['servq.complaint.v1', 'feedback_id'],
        }[family ?? ''];
        expect(expected).toBeDefined();
        if (!expected) return;
        expect(topicFor(event)).toBe(expected[0]);
        expect(messageKeyFor(event)).toBe((event as unknown as Record<string, unknown>)[expected[1] ?? '']);
      }),
    );
  });
});
