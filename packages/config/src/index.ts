export * from './errors.ts';
export * from './env.ts';
export * from './metrics-listener.ts';
export * from './shared.ts';
export * from './tokens.ts';
