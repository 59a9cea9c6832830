/**
 * The fault suite's private Kafka and S3 (test/support/private-infra.ts): started fresh before the suite's
 * files (any leftover of an earlier run, ours by pid file and data directory, is stopped and its data
 * removed) and stopped after them. The shared development instances are never involved.
 */
import { rm } from 'node:fs/promises';
import { privateInfra } from '../support/private-infra.ts';

export default async function setup(): Promise<() => Promise<void>> {
  const infra = privateInfra(process.env);
  await infra.down();
  await rm(infra.dataDir, { recursive: true, force: true });
  await infra.up();
  return async () => {
    await infra.down();
    await rm(infra.dataDir, { recursive: true, force: true });
  };
}
