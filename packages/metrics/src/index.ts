export * from './errors.ts';
export * from './models.ts';
export * from './dimensions.ts';
export * from './measures.ts';
export * from './catalogue.ts';
export * from './comparison.ts';
export * from './compiler.ts';
export * from './stats.ts';
