/**
 * A decode worker thread: takes packed batches (see fetched.batch.ts), decodes and stages them, and hands the
 * result back, its bytes transferred rather than copied. It holds no state between requests.
 */
import { parentPort } from 'node:worker_threads';
import type { TopicRoute } from './config.ts';
import { decodePacked, transferablesOf, type DecodedBatch, type PackedBatch } from './fetched.batch.ts';

export interface DecodeRequest {
  id: number;
  route: TopicRoute;
  packed: PackedBatch;
}

export type DecodeReply = { id: number; ok: true; decoded: DecodedBatch } | { id: number; ok: false; error: string };

if (!parentPort) throw new Error('decode.worker.ts runs as a worker thread');
const port = parentPort;
port.on('message', (request: DecodeRequest) => {
  let reply: DecodeReply;
  try {
    reply = { id: request.id, ok: true, decoded: decodePacked(request.route, request.packed) };
  } catch (error) {
    // Decoding never throws on a message, so this is a bug: the consumer restarts from its committed offsets.
    reply = {
      id: request.id,
      ok: false,
      error: error instanceof Error ? (error.stack ?? error.message) : String(error),
    };
  }
  port.postMessage(reply, reply.ok ? transferablesOf(reply.decoded) : []);
});
