export * from './answers.ts';
export * from './reference.ts';
