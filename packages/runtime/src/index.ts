export { stopOnSignals, type ShutdownLogger, type ShutdownOptions } from './shutdown.ts';
