/**
 * Small JSON marker objects beside the lake's tables: "this was done" records that survive restarts (a report
 * sent to a subscriber for a month). Not event data: nothing personal goes in a key or a body.
 */
import { GetObjectCommand, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';

function status(error: unknown): number | undefined {
  return (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
}

/** The marker's JSON body, or null when there is none. */
export async function readMarker(client: S3Client, bucket: string, key: string): Promise<unknown> {
  try {
    const answer = await client.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
    return JSON.parse((await answer.Body?.transformToString('utf8')) ?? 'null') as unknown;
  } catch (error) {
    if (status(error) === 404 || (error as Error).name === 'NoSuchKey') return null;
    throw error;
  }
}

export async function writeMarker(client: S3Client, bucket: string, key: string, body: unknown): Promise<void> {
  await client.send(
    new PutObjectCommand({ Bucket: bucket, Key: key, Body: JSON.stringify(body), ContentType: 'application/json' }),
  );
}
