import { describe, expect, it } from 'vitest';
import { isConfigError } from './errors.ts';
import { loadSharedConfig } from './shared.ts';

const credentials = { S3_ACCESS_KEY_ID: 'id', S3_SECRET_ACCESS_KEY: 'secret' };

describe('loadSharedConfig', () => {
  it('applies the documented defaults for addresses when only credentials are given', () => {
    const config = loadSharedConfig(credentials);
    expect(config.kafka).toEqual({ brokers: ['127.0.0.1:9092'], clientId: 'servq' });
    expect(config.s3).toMatchObject({
      endpoint: 'http://127.0.0.1:9000',
      bucket: 'servq-lake',
      forcePathStyle: true,
      accessKeyId: 'id',
    });
  });

  it('splits a comma-separated broker list', () => {
    const config = loadSharedConfig({ ...credentials, KAFKA_BROKERS: 'a:9092, b:9093 ,' });
    expect(config.kafka.brokers).toEqual(['a:9092', 'b:9093']);
  });

  it('reports every bad variable at once, by name', () => {
    let caught: unknown;
    try {
      loadSharedConfig({ KAFKA_BROKERS: 'no-port', S3_ENDPOINT: 'not a url', S3_FORCE_PATH_STYLE: 'yes' });
    } catch (error) {
      caught = error;
    }
    expect(isConfigError(caught)).toBe(true);
    if (!isConfigError(caught)) return;
    const variables = caught.problems.map((p) => p.variable.split('.')[0]).sort();
    expect(variables).toEqual(
      ['KAFKA_BROKERS', 'S3_ACCESS_KEY_ID', 'S3_ENDPOINT', 'S3_FORCE_PATH_STYLE', 'S3_SECRET_ACCESS_KEY'].sort(),
    );
    expect(caught.message).toContain('expected host:port');
  });
});
