/**
 * A small marker object in the bucket (outside the lake's prefix) recording which demo was sent and up to when,
 * so `npm start` run again sends only what happened since — a cheap check before generating requests. The
 * events themselves carry deterministic ids, so a lost marker only costs a re-send that ingest and the lake
 * count as duplicates.
 */
import { GetObjectCommand, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { z } from 'zod';

export const DEMO_MARKER_KEY = 'demo/seed-marker.json';
/** Bump when the generator changes what a day looks like: a new version re-sends the whole year. */
export const DEMO_VERSION = 2;

export const DemoMarker = z.object({ version: z.number(), seed: z.number(), sentUntil: z.iso.datetime() });
export type DemoMarker = z.infer<typeof DemoMarker>;

export async function readMarker(s3: S3Client, bucket: string): Promise<DemoMarker | null> {
  try {
    const object = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: DEMO_MARKER_KEY }));
    const parsed = DemoMarker.safeParse(JSON.parse((await object.Body?.transformToString()) ?? ''));
    return parsed.success ? parsed.data : null;
  } catch (error) {
    if ((error as { name?: string }).name === 'NoSuchKey') return null;
    throw error;
  }
}

export async function writeMarker(s3: S3Client, bucket: string, marker: DemoMarker): Promise<void> {
  await s3.send(
    new PutObjectCommand({
      Bucket: bucket,
      Key: DEMO_MARKER_KEY,
      Body: JSON.stringify(marker),
      ContentType: 'application/json',
    }),
  );
}

/** The instant after which events still need sending: everything when the marker is absent or of another demo. */
export function sendAfter(marker: DemoMarker | null, seed: number): string | null {
  return marker && marker.version === DEMO_VERSION && marker.seed === seed ? marker.sentUntil : null;
}
