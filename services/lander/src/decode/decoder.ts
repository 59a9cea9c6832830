/**
 * Where fetched batches are decoded: in the consume loop's thread, as a promise so that the consumer's queue
 * (and a test's failing decoder) look the same either way.
 *
 * Until issue 14 a pool of worker threads decoded them (about 400 lines and a run-time `tsx` loader). Measured
 * after the Kafka seam, in the same runs on this machine, it no longer earned its keep: end to end +9 % and
 * +18 % events/s, in the steady state −8 % and −19 %, with 12–21 % more CPU per event and about 170 MiB more
 * RSS (bench/results/lander.json, README). The rule was to keep it only for ≥ 15 %; it went.
 */
import type { TopicRoute } from '../config.ts';
import { decodePacked, type DecodedBatch, type PackedBatch } from '../consume/fetched.batch.ts';

export interface Decoder {
  decode(route: TopicRoute, packed: PackedBatch): Promise<DecodedBatch>;
  close(): Promise<void>;
}

export function createDecoder(): Decoder {
  return {
    // A bug in decoding rejects the promise rather than throwing into the consume loop.
    decode: (route, packed) => new Promise((resolve) => resolve(decodePacked(route, packed))),
    close: () => Promise.resolve(),
  };
}
