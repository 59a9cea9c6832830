import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.ts';
import { buildIngestService } from './service.ts';

describe('buildIngestService against the real Kafka', () => {
  it('is ready once started and takes no requests after stop', async () => {
    const config = loadConfig({ ...process.env, INGEST_PORT: '0', INGEST_METRICS_ADDR: '127.0.0.1:0' });
    const service = await buildIngestService(config, { logger: false });
    await service.start();
    try {
      const ready = await service.http.inject('/readyz');
      expect(ready.statusCode).toBe(200);
    } finally {
      await service.stop();
    }
    // Stopped: the app no longer takes requests.
    await expect(service.http.inject('/healthz')).rejects.toThrow();
  }, 60_000);
});
