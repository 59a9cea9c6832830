/** Per-test isolation for end-to-end scenarios: unique topic, consumer-group and lake-prefix names. */
import { randomUUID } from 'node:crypto';

export interface IsolatedNames {
  runId: string;
  topicPrefix: string;
  groupId: string;
  lakePrefix: string;
}

export function isolatedNames(scenario: string): IsolatedNames {
  const runId = randomUUID().slice(0, 8);
  return {
    runId,
    topicPrefix: `e2e.${scenario}.${runId}.`,
    groupId: `e2e-${scenario}-${runId}`,
    lakePrefix: `e2e/${scenario}/${runId}/lake/`,
  };
}
