export { pollUntil, PollTimeoutError, type PollOptions } from './poll.ts';
export { stopOnSignals, type ShutdownLogger, type ShutdownOptions } from './shutdown.ts';
