/**
 * Where fetched batches are decoded: in worker threads, so that the consume loop's thread only fetches and
 * packs (kafkajs's own decoding already keeps it busy), or — with no workers — in the consume loop's thread.
 * Results may finish out of order across workers; the consumer appends them in arrival order.
 */
import { Worker } from 'node:worker_threads';
import type { TopicRoute } from './config.ts';
import type { DecodeReply, DecodeRequest } from './decode.worker.ts';
import { decodePacked, transferablesOf, type DecodedBatch, type PackedBatch } from './fetched.batch.ts';

export interface Decoder {
  decode(route: TopicRoute, packed: PackedBatch): Promise<DecodedBatch>;
  close(): Promise<void>;
}

class InlineDecoder implements Decoder {
  decode(route: TopicRoute, packed: PackedBatch): Promise<DecodedBatch> {
    return Promise.resolve(decodePacked(route, packed));
  }

  close(): Promise<void> {
    return Promise.resolve();
  }
}

interface Pending {
  resolve: (decoded: DecodedBatch) => void;
  reject: (error: Error) => void;
}

/**
 * The worker's source is TypeScript, like the rest of the service, which runs under tsx; tsx's loader does not
 * reach worker threads on Node 20, so the worker starts from a one-line script that imports it through tsx's API.
 */
function workerScript(): string {
  const tsxApi = import.meta.resolve('tsx/esm/api');
  const entry = new URL('./decode.worker.ts', import.meta.url).href;
  return `import(${JSON.stringify(tsxApi)}).then(({ tsImport }) => tsImport(${JSON.stringify(entry)}, ${JSON.stringify(import.meta.url)}));`;
}

class DecodeWorker {
  readonly pending = new Map<number, Pending>();
  private readonly worker: Worker;
  private failed: Error | undefined;

  constructor(script: string, onGone: (worker: DecodeWorker) => void) {
    this.worker = new Worker(script, { eval: true });
    this.worker.on('message', (reply: DecodeReply) => {
      const waiting = this.pending.get(reply.id);
      this.pending.delete(reply.id);
      if (reply.ok) waiting?.resolve(reply.decoded);
      else waiting?.reject(new Error(`decode worker failed: ${reply.error}`));
    });
    const fail = (error: Error) => {
      this.failed ??= error;
      for (const waiting of this.pending.values()) waiting.reject(error);
      this.pending.clear();
      onGone(this);
    };
    this.worker.on('error', fail);
    this.worker.on('exit', (code) => fail(new Error(`decode worker exited with code ${code}`)));
    // An idle worker must not keep the process alive on its own.
    this.worker.unref();
  }

  decode(request: DecodeRequest): Promise<DecodedBatch> {
    if (this.failed) return Promise.reject(this.failed);
    return new Promise((resolve, reject) => {
      this.pending.set(request.id, { resolve, reject });
      this.worker.postMessage(request, transferablesOf(request.packed));
    });
  }

  async close(): Promise<void> {
    this.failed ??= new Error('decoder closed');
    await this.worker.terminate();
  }
}

class WorkerDecoder implements Decoder {
  private readonly script = workerScript();
  private readonly workers: DecodeWorker[] = [];
  private nextId = 0;
  private closed = false;

  constructor(private readonly size: number) {}

  /** The least busy worker; a worker that died is replaced on the next request. */
  private pick(): DecodeWorker {
    while (this.workers.length < this.size) {
      this.workers.push(
        new DecodeWorker(this.script, (gone) => {
          const at = this.workers.indexOf(gone);
          if (at >= 0) this.workers.splice(at, 1);
        }),
      );
    }
    let best = this.workers[0] as DecodeWorker;
    for (const worker of this.workers) if (worker.pending.size < best.pending.size) best = worker;
    return best;
  }

  decode(route: TopicRoute, packed: PackedBatch): Promise<DecodedBatch> {
    if (this.closed) return Promise.reject(new Error('decoder closed'));
    return this.pick().decode({ id: this.nextId++, route, packed });
  }

  async close(): Promise<void> {
    this.closed = true;
    await Promise.all(this.workers.splice(0).map((w) => w.close()));
  }
}

/** `workers` threads decode; 0 decodes in the calling thread. */
export function createDecoder(workers: number): Decoder {
  return workers > 0 ? new WorkerDecoder(workers) : new InlineDecoder();
}
