export * from './client.ts';
export * from './admin.ts';
