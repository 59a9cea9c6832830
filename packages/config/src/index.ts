export * from './errors.ts';
export * from './env.ts';
export * from './shared.ts';
