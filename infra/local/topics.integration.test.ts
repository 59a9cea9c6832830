import { randomUUID } from 'node:crypto';
import { loadSharedConfig } from '@servq/config';
import { ALL_TOPICS, Topics } from '@servq/contracts';
import { createKafka, logLevel, withAdmin } from '@servq/kafka';
import { afterAll, describe, expect, it } from 'vitest';
import { provisionTopics, retentionMsOf } from './topics.ts';

describe('provisioning topics', () => {
  const kafka = createKafka(loadSharedConfig(process.env).kafka, { logLevel: logLevel.NOTHING });
  const prefix = `it.topics.${randomUUID().slice(0, 8)}.`;

  afterAll(async () => {
    await withAdmin(kafka, (admin) => admin.deleteTopics(ALL_TOPICS.map((t) => `${prefix}${t}`))).catch(
      () => undefined,
    );
  });

  it('regression: raw rejected payloads were kept for as long as the broker default — the rejected topic has a bounded retention, reset on every run', async () => {
    const created = await provisionTopics(kafka, { partitions: 1, rejectedRetentionHours: 48, prefix });
    expect(created.sort()).toEqual(ALL_TOPICS.map((t) => `${prefix}${t}`).sort());
    expect(await retentionMsOf(kafka, `${prefix}${Topics.rejected}`)).toBe(48 * 3_600_000);

    // A second run creates nothing and puts a changed retention back to the configured one.
    expect(await provisionTopics(kafka, { partitions: 1, rejectedRetentionHours: 168, prefix })).toEqual([]);
    expect(await retentionMsOf(kafka, `${prefix}${Topics.rejected}`)).toBe(168 * 3_600_000);
  });
});
