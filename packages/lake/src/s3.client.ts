/**
 * The one place that builds S3 clients. Path-style addressing, and checksums only where S3 requires them:
 * @aws-sdk/client-s3 ≥ 3.729 otherwise adds CRC32 trailers and aws-chunked bodies that S3-compatible servers
 * such as S3Proxy do not all accept.
 */
import { S3Client } from '@aws-sdk/client-s3';
import type { S3Config } from '@servq/config';
import { useContentMd5ForChecksums } from './content-md5.middleware.ts';

export function createS3Client(config: S3Config): S3Client {
  const client = new S3Client({
    endpoint: config.endpoint,
    region: config.region,
    forcePathStyle: config.forcePathStyle,
    credentials: { accessKeyId: config.accessKeyId, secretAccessKey: config.secretAccessKey },
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
    maxAttempts: 3,
  });
  useContentMd5ForChecksums(client);
  return client;
}
