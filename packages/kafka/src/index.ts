export * from './types.ts';
export * from './client.ts';
export * from './admin.ts';
export * from './errors.ts';
export * from './read.ts';
export { ackedClientOptions, boundedRetry } from './kafkajs/acked.producer.ts';
