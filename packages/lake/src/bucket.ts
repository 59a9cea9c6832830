/** Bucket-level operations: readiness of the S3 server and creating the lake's bucket. */
import { CreateBucketCommand, HeadBucketCommand, ListBucketsCommand, type S3Client } from '@aws-sdk/client-s3';
import { pollUntil, PollTimeoutError } from '@servq/runtime';

/** Resolves once the server answers an authenticated ListBuckets, or rejects after `timeoutMs`. */
export async function waitForS3(client: S3Client, timeoutMs: number): Promise<void> {
  try {
    await pollUntil(
      async () => {
        try {
          await client.send(new ListBucketsCommand({}));
          return true;
        } catch {
          return false;
        }
      },
      { intervalMs: 250, timeoutMs },
    );
  } catch (error) {
    if (error instanceof PollTimeoutError)
      throw new Error(`S3 did not answer within ${timeoutMs} ms`, { cause: error });
    throw error;
  }
}

/** Creates the bucket if it does not exist; returns whether it was created. */
export async function ensureBucket(client: S3Client, bucket: string): Promise<boolean> {
  try {
    await client.send(new HeadBucketCommand({ Bucket: bucket }));
    return false;
  } catch (error) {
    const status = (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
    if (status !== 404) throw error;
  }
  await client.send(new CreateBucketCommand({ Bucket: bucket }));
  return true;
}
