/**
 * Offset arithmetic of the lander, in one place. Kafka hands offsets over as `bigint`; the lake and the
 * checkpoint keep them as decimal text (`Offset`: no sign, no leading zeros), which is exact for 64-bit values and
 * orders without a BigInt per comparison. Everything that converts or compares offsets goes through here.
 */

/** An offset as the lake and the checkpoint store it. */
export type Offset = string;

/** `a < b`, without a BigInt per call. */
export function offsetBefore(a: Offset, b: Offset): boolean {
  return a.length === b.length ? a < b : a.length < b.length;
}

/** The larger of two offsets; a null one counts as absent. */
export function maxOffset(a: Offset | null, b: Offset | null): Offset | null {
  if (a === null) return b;
  if (b === null) return a;
  return offsetBefore(a, b) ? b : a;
}

/** The offset after `offset`: where reading resumes after it was landed, and what a commit of it says. */
export function offsetAfter(offset: Offset): Offset {
  return (BigInt(offset) + 1n).toString();
}

export function toOffset(offset: bigint): Offset {
  return offset.toString();
}

export function fromOffset(offset: Offset): bigint {
  return BigInt(offset);
}

/** Events between `next` (the first not landed; null: none landed) and `end` (one past the last), never < 0. */
export function lagOf(end: bigint, next: Offset | null): number {
  const lag = end - (next === null ? 0n : BigInt(next));
  return lag > 0n ? Number(lag) : 0;
}

/** An offset as a JS number, for the packed arrays; offsets stay far below 2^53, and a larger one is refused. */
export function exactNumber(offset: bigint, where: string): number {
  const n = Number(offset);
  if (!Number.isSafeInteger(n)) throw new Error(`offset ${offset} of ${where} is not exact as a number`);
  return n;
}
