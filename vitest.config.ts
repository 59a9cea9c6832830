/**
 * One vitest configuration for the whole workspace, split into projects so each kind of test is selectable:
 *   unit         pure tests beside the code (`*.test.ts`), no network
 *   integration  `*.integration.test.ts`, against the real Kafka and S3 started by infra/local
 *   e2e          cross-service scenarios in test/
 *   chaos        the fault suite in test/chaos, against a private Kafka and S3 it stops and restarts
 */
import { readFileSync } from 'node:fs';
import { defineConfig } from 'vitest/config';

/** The local development settings (infra/local/dev.env.example) for variables the environment leaves unset. */
function devEnvDefaults(): Record<string, string> {
  const defaults: Record<string, string> = {};
  for (const line of readFileSync(new URL('./infra/local/dev.env.example', import.meta.url), 'utf8').split('\n')) {
    const match = /^([A-Z0-9_]+)=(.*)$/.exec(line.trim());
    if (match?.[1] && match[2] !== undefined && process.env[match[1]] === undefined) defaults[match[1]] = match[2];
  }
  return defaults;
}
const env = devEnvDefaults();

const sources = ['packages/*/src/**', 'services/*/src/**', 'dashboards/*/src/**', 'infra/local/**', 'infra/demo/**'];

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          sequence: { groupOrder: 0 },
          include: [...sources.map((s) => `${s}/*.test.ts`), 'test/structure/*.test.ts'],
          exclude: ['**/*.integration.test.ts', '**/node_modules/**'],
        },
      },
      {
        test: {
          name: 'integration',
          // Projects run one after another: the integration suite restarts the broker, which must not
          // happen under an end-to-end scenario.
          sequence: { groupOrder: 1 },
          env,
          include: sources.map((s) => `${s}/*.integration.test.ts`),
          exclude: ['**/node_modules/**'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
          // Two cores share the broker, the S3 server and the tests: run files one at a time.
          fileParallelism: false,
        },
      },
      {
        test: {
          name: 'e2e',
          sequence: { groupOrder: 2 },
          env,
          include: ['test/**/*.test.ts'],
          exclude: ['**/node_modules/**', 'test/chaos/**', 'test/structure/**'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
      {
        test: {
          // The fault suite (test/chaos): stops and restarts a private broker and S3 server of its own, which
          // its global setup starts on other ports. Short form here; `pnpm test:chaos` runs the long form.
          name: 'chaos',
          sequence: { groupOrder: 3 },
          env,
          include: ['test/chaos/**/*.test.ts'],
          exclude: ['**/node_modules/**'],
          globalSetup: ['test/chaos/global-setup.ts'],
          testTimeout: 300_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
