/**
 * Readiness and provisioning for the local infrastructure, called by infra.sh after it starts a process:
 *   provision.ts kafka   wait until the broker answers metadata requests, then create the servq topics
 *   provision.ts s3      wait until S3 answers authenticated requests, then create the lake bucket
 * Reads the same environment as the services (infra.sh exports the example env file's values).
 */
import { envPositiveInt, loadSharedConfig, parseEnv } from '@servq/config';
import { createKafka, logLevel, waitForKafka } from '@servq/kafka';
import { createS3Client, ensureBucket, waitForS3 } from '@servq/lake';
import { z } from 'zod';
import { DEFAULT_REJECTED_RETENTION_HOURS, provisionTopics } from './topics.ts';

const READY_TIMEOUT_MS = 90_000;

const ProvisionEnv = z.object({
  SERVQ_TOPIC_PARTITIONS: envPositiveInt.default(6),
  SERVQ_REJECTED_RETENTION_HOURS: envPositiveInt.default(DEFAULT_REJECTED_RETENTION_HOURS),
});

async function provisionKafka(): Promise<void> {
  const { kafka: config } = loadSharedConfig(process.env);
  const env = parseEnv(ProvisionEnv, process.env);
  const kafka = createKafka(config, { logLevel: logLevel.NOTHING, retry: { retries: 0 } });
  await waitForKafka(kafka, READY_TIMEOUT_MS);
  const created = await provisionTopics(kafka, {
    partitions: env.SERVQ_TOPIC_PARTITIONS,
    rejectedRetentionHours: env.SERVQ_REJECTED_RETENTION_HOURS,
  });
  console.log(
    `[infra] kafka: ready on ${config.brokers.join(',')}; topics ${created.length ? `created: ${created.join(', ')}` : 'already present'}; ` +
      `rejected events kept ${env.SERVQ_REJECTED_RETENTION_HOURS} h`,
  );
}

async function provisionS3(): Promise<void> {
  const { s3: config } = loadSharedConfig(process.env);
  const client = createS3Client(config);
  try {
    await waitForS3(client, READY_TIMEOUT_MS);
    const created = await ensureBucket(client, config.bucket);
    console.log(
      `[infra] s3: ready on ${config.endpoint}; bucket ${config.bucket} ${created ? 'created' : 'already present'}`,
    );
  } finally {
    client.destroy();
  }
}

const component = process.argv[2];
const steps: Record<string, () => Promise<void>> = { kafka: provisionKafka, s3: provisionS3 };
const step = component ? steps[component] : undefined;
if (!step) {
  console.error('usage: provision.ts kafka|s3');
  process.exit(2);
}
step().catch((error: unknown) => {
  console.error(`[infra] ${component}: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
