/**
 * kafkajs errors classified by meaning: the broker's error type (kafkajs copies it to `type`) and kafkajs's own
 * `retriable` flag, looked up through the wrappers kafkajs nests (`originalError`, `cause`). Never by text.
 */
import { KafkaAdapterError, type KafkaErrorCode, type KafkaErrorKind } from '../errors.ts';

/** Broker answers meaning the group changed hands: this member's generation is over. */
const GROUP_CHANGED = new Set([
  'REBALANCE_IN_PROGRESS',
  'NOT_COORDINATOR_FOR_GROUP',
  'NOT_COORDINATOR',
  'ILLEGAL_GENERATION',
  'UNKNOWN_MEMBER_ID',
  'FENCED_INSTANCE_ID',
]);

/** kafkajs error classes (by `name`) that say a request may succeed later. */
const TRANSIENT_NAMES = new Set([
  'KafkaJSConnectionError',
  'KafkaJSConnectionClosedError',
  'KafkaJSRequestTimeoutError',
  'KafkaJSBrokerNotFound',
  'KafkaJSNumberOfRetriesExceeded',
  'KafkaJSLockTimeout',
  'KafkaJSStaleTopicMetadataAssignment',
  'KafkaJSTimeout',
]);

interface Nested {
  type?: unknown;
  name?: unknown;
  retriable?: unknown;
  originalError?: unknown;
  cause?: unknown;
}

function* chain(error: unknown): Generator<Nested> {
  let at = error;
  for (let depth = 0; depth < 6 && typeof at === 'object' && at !== null; depth++) {
    const e = at as Nested;
    yield e;
    at = e.originalError ?? e.cause;
  }
}

/** Whether the error, or one it wraps, carries one of the broker's error types. */
export function hasErrorType(error: unknown, types: ReadonlySet<string>): boolean {
  for (const e of chain(error)) if (typeof e.type === 'string' && types.has(e.type)) return true;
  return false;
}

export function kindOf(error: unknown): KafkaErrorKind {
  if (hasErrorType(error, GROUP_CHANGED)) return 'needs-rejoin';
  for (const e of chain(error)) {
    if (e.retriable === true) return 'retryable';
    if (typeof e.name === 'string' && TRANSIENT_NAMES.has(e.name)) return 'retryable';
  }
  return 'fatal';
}

/** Wraps a kafkajs error in the adapter's error, with its kind. */
export function adapterError(code: KafkaErrorCode, what: string, error: unknown): KafkaAdapterError {
  const message = error instanceof Error ? error.message : String(error);
  return new KafkaAdapterError(code, `${what}: ${message}`, kindOf(error), { cause: error });
}
