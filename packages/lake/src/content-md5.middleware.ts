/**
 * S3 requires an integrity header on DeleteObjects. Since 3.729 the SDK always sends a CRC32 checksum there,
 * which S3Proxy's filesystem backend refuses ("NotImplemented"). Content-MD5 is the integrity header every
 * S3 implementation has accepted since the start, AWS included, so requests that carry a small in-memory
 * body and a flexible checksum get Content-MD5 instead. Runs just before signing, so the signature covers it.
 */
import { createHash } from 'node:crypto';
import type { S3Client } from '@aws-sdk/client-s3';
import type { FinalizeRequestMiddleware, MetadataBearer } from '@smithy/types';

interface MutableRequest {
  headers: Record<string, string>;
  body?: unknown;
}

function isMutableRequest(request: unknown): request is MutableRequest {
  return typeof request === 'object' && request !== null && 'headers' in request;
}

const contentMd5Middleware: FinalizeRequestMiddleware<object, MetadataBearer> = (next) => (args) => {
  const request = args.request;
  if (isMutableRequest(request) && (typeof request.body === 'string' || request.body instanceof Uint8Array)) {
    const checksumHeaders = Object.keys(request.headers).filter(
      (h) => h.toLowerCase().startsWith('x-amz-checksum-') || h.toLowerCase() === 'x-amz-sdk-checksum-algorithm',
    );
    if (checksumHeaders.length > 0) {
      for (const header of checksumHeaders) delete request.headers[header];
      request.headers['content-md5'] = createHash('md5').update(request.body).digest('base64');
    }
  }
  return next(args);
};

export function useContentMd5ForChecksums(client: S3Client): void {
  client.middlewareStack.addRelativeTo(contentMd5Middleware, {
    name: 'servqContentMd5',
    relation: 'before',
    toMiddleware: 'httpSigningMiddleware',
  });
}
