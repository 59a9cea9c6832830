export {
  censorLogLine,
  redactSecrets,
  REDACTED,
  serializeRequest,
  serviceLogOptions,
  type ServiceLogOptions,
} from './log.options.ts';
export {
  createMetricsListener,
  type MetricsListener,
  type MetricsListenerOptions,
  type MetricsSource,
} from './metrics.listener.ts';
export { pollUntil, PollTimeoutError, type PollOptions } from './poll.ts';
export { stopOnSignals, type ShutdownLogger, type ShutdownOptions } from './shutdown.ts';
