/**
 * @platformatic/kafka errors classified by meaning: the library marks protocol errors with the broker's error
 * id (`apiId`), `needsRejoin` and `canRetry`, nested as `cause` or inside an AggregateError's `errors`.
 */
import type { KafkaErrorKind } from '../errors.ts';

interface Marked {
  apiId?: unknown;
  needsRejoin?: unknown;
  canRetry?: unknown;
  code?: unknown;
  cause?: unknown;
  errors?: unknown;
}

function* all(error: unknown, depth = 0): Generator<Marked> {
  if (typeof error !== 'object' || error === null || depth > 6) return;
  const e = error as Marked;
  yield e;
  yield* all(e.cause, depth + 1);
  if (Array.isArray(e.errors)) for (const inner of e.errors) yield* all(inner, depth + 1);
}

export function hasApiId(error: unknown, ids: ReadonlySet<string>): boolean {
  for (const e of all(error)) if (typeof e.apiId === 'string' && ids.has(e.apiId)) return true;
  return false;
}

export function kindOf(error: unknown): KafkaErrorKind {
  let retryable = false;
  for (const e of all(error)) {
    if (e.needsRejoin === true) return 'needs-rejoin';
    if (e.canRetry === true || e.code === 'PLT_KFK_NETWORK' || e.code === 'PLT_KFK_TIMEOUT') retryable = true;
  }
  return retryable ? 'retryable' : 'fatal';
}
