/**
 * One vitest configuration for the whole workspace, split into projects so each kind of test is selectable:
 *   unit         pure tests beside the code (`*.test.ts`), no network
 *   integration  `*.integration.test.ts`, against the real Kafka and S3 started by infra/local
 *   e2e          cross-service scenarios in test/
 */
import { defineConfig } from 'vitest/config';

const sources = ['packages/*/src/**', 'services/*/src/**', 'dashboards/*/src/**', 'infra/local/**'];

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: sources.map((s) => `${s}/*.test.ts`),
          exclude: ['**/*.integration.test.ts', '**/node_modules/**'],
        },
      },
      {
        test: {
          name: 'integration',
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
          include: ['test/**/*.test.ts'],
          exclude: ['**/node_modules/**'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
