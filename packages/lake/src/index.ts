export * from './s3.client.ts';
export * from './bucket.ts';
export * from './markers.ts';
