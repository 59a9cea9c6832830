export * from './mailer.ts';
export * from './html.ts';
