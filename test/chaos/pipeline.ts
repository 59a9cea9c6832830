/**
 * One fault scenario's pipeline: ingest, the lander and (optionally) the query service as real processes, on
 * the suite's private Kafka and S3 (see test/support/private-infra.ts), with topics, consumer group, lake
 * prefix and query data directory of the scenario's own. A scenario restarts services through `restart*`,
 * feeds ingest with a SteadyIngest client, and audits the lake with `auditor`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { GetObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { ALL_TOPICS, LakeTables, Topics } from '@servq/contracts';
import { createKafka, ensureTopics, logLevel } from '@servq/kafka';
import { createS3Client } from '@servq/lake';
import { pollUntil } from '@servq/runtime';
import { LakeAuditor } from '../support/lake-audit.ts';
import { isolatedNames, type IsolatedNames } from '../support/names.ts';
import { privateInfra, type PrivateInfra } from '../support/private-infra.ts';
import { freePort, startService, type RunningService } from '../support/services.ts';
import { SteadyIngest } from '../support/steady-ingest.ts';

const TABLE_OF: Record<string, string> = {
  [Topics.visit]: LakeTables.visit,
  [Topics.survey]: LakeTables.survey,
  [Topics.complaint]: LakeTables.complaint,
  [Topics.rejected]: LakeTables.rejected,
  [Topics.alert]: LakeTables.alert,
};
const PARTITIONS = 3;
const SURVEY_KEY = 'servq-dev-survey-key';
export const ANALYST = { authorization: 'Bearer servq-dev-analyst-token' };

export interface PipelineOptions {
  query: boolean;
  /** Extra environment per service. */
  ingestEnv?: Record<string, string>;
  landerEnv?: Record<string, string>;
  queryEnv?: Record<string, string>;
}

export class Pipeline {
  readonly infra: PrivateInfra = privateInfra(process.env);
  readonly names: IsolatedNames;
  readonly ports = { ingest: freePort(), lander: freePort(), query: freePort() };
  readonly s3: S3Client;
  readonly auditor: LakeAuditor;
  readonly queryDataDir = mkdtempSync(`${tmpdir()}/servq-chaos-query-`);
  ingest: RunningService | undefined;
  lander: RunningService | undefined;
  query: RunningService | undefined;
  private readonly clients: SteadyIngest[] = [];

  constructor(
    scenario: string,
    private readonly options: PipelineOptions,
  ) {
    this.names = isolatedNames(`chaos-${scenario}`);
    const shared = this.infra.shared();
    this.s3 = createS3Client(shared.s3);
    this.auditor = new LakeAuditor(this.s3, shared.s3.bucket, `${this.names.lakePrefix}${LakeTables.survey}/`);
  }

  get bucket(): string {
    return this.infra.shared().s3.bucket;
  }

  topic(name: string): string {
    return `${this.names.topicPrefix}${name}`;
  }

  async start(): Promise<void> {
    const kafka = createKafka(this.infra.shared().kafka, { logLevel: logLevel.NOTHING });
    await ensureTopics(
      kafka,
      ALL_TOPICS.map((t) => ({ topic: this.topic(t), numPartitions: PARTITIONS })),
    );
    await this.auditor.open();
    await this.startIngest();
    await this.startLander();
    if (this.options.query) await this.startQuery();
  }

  async stop(): Promise<void> {
    for (const client of this.clients) await client.stop(0);
    for (const service of [this.query, this.lander, this.ingest]) await service?.stop();
    await this.auditor.close();
    this.s3.destroy();
    rmSync(this.queryDataDir, { recursive: true, force: true });
  }

  /** A steady client of ingest: `batchSize` events every `intervalMs`. */
  client(batchSize = 20, intervalMs = 100): SteadyIngest {
    const client = new SteadyIngest({
      url: `http://127.0.0.1:${this.ports.ingest}/v1/events`,
      apiKey: SURVEY_KEY,
      batchSize,
      intervalMs,
      maxPending: 32,
      runId: this.names.runId,
    });
    this.clients.push(client);
    return client;
  }

  async startIngest(): Promise<void> {
    this.ingest = await startService(
      'ingest',
      {
        ...this.infra.env,
        INGEST_PORT: String(this.ports.ingest),
        INGEST_TOPIC_PREFIX: this.names.topicPrefix,
        INGEST_PRODUCE_TIMEOUT_MS: '2000',
        INGEST_RATE_LIMIT_PER_MINUTE: '1000000',
        INGEST_LOG_LEVEL: 'warn',
        ...this.options.ingestEnv,
      },
      `http://127.0.0.1:${this.ports.ingest}/readyz`,
    );
  }

  async startLander(): Promise<void> {
    this.lander = await startService(
      'lander',
      {
        ...this.infra.env,
        LANDER_HTTP_PORT: String(this.ports.lander),
        LANDER_LAKE_PREFIX: this.names.lakePrefix,
        LANDER_GROUP_ID: this.names.groupId,
        LANDER_TOPICS: ALL_TOPICS.map((t) => `${this.topic(t)}=${TABLE_OF[t]}`).join(','),
        LANDER_FLUSH_MAX_AGE_MS: '1000',
        LANDER_FLUSH_MAX_EVENTS: '500',
        LANDER_KAFKA_SESSION_TIMEOUT_MS: '6000',
        LANDER_S3_RETRY_MAX_DELAY_MS: '1000',
        LANDER_COMPACTION_INTERVAL_MS: '0',
        LANDER_LOG_LEVEL: 'warn',
        ...this.options.landerEnv,
      },
      `http://127.0.0.1:${this.ports.lander}/healthz`,
    );
  }

  async startQuery(): Promise<void> {
    this.query = await startService(
      'query',
      {
        ...this.infra.env,
        QUERY_PORT: String(this.ports.query),
        QUERY_LAKE_PREFIX: this.names.lakePrefix,
        QUERY_DATA_DIR: this.queryDataDir,
        QUERY_SYNC_INTERVAL_MS: '500',
        QUERY_SQL_MAX_ROWS: '1000000',
        QUERY_SQL_TIMEOUT_MS: '120000',
        QUERY_DASHBOARD_DIR: '',
        ...this.options.queryEnv,
      },
      `http://127.0.0.1:${this.ports.query}/readyz`,
    );
  }

  /**
   * Waits until every id of `accepted` is in the lake; returns how long that took. Audits every 500 ms, so
   * the figure is that coarse.
   */
  async waitUntilLanded(accepted: ReadonlySet<string>, sent: ReadonlySet<string>, timeoutMs: number): Promise<number> {
    const started = Date.now();
    await pollUntil(async () => (await this.auditor.audit(accepted, sent)).lost === 0, {
      intervalMs: 500,
      timeoutMs,
    });
    return Date.now() - started;
  }

  /**
   * The query service's view, audited id by id: its surveys model (one row per survey, built from the lake
   * deduplicated by event id) read through the analysts' SQL endpoint, against the acknowledged events.
   */
  async queryAudit(client: SteadyIngest, accepted: ReadonlySet<string> = client.accepted): Promise<QueryAudit> {
    const { status, rows } = await this.sql('SELECT survey_id, count(*)::INTEGER AS n FROM surveys GROUP BY 1');
    if (status !== 200) return { status, visible: 0, lost: accepted.size, duplicated: 0 };
    const counts = new Map(rows.map((r) => [String(r.survey_id), Number(r.n)]));
    let visible = 0;
    for (const id of accepted) if (counts.has(client.surveyOf.get(id) ?? '')) visible += 1;
    let duplicated = 0;
    for (const n of counts.values()) duplicated += n - 1;
    return { status, visible, lost: accepted.size - visible, duplicated };
  }

  /** Waits until the query service shows every id of `accepted`; returns how long that took. */
  async waitUntilQueryShows(client: SteadyIngest, accepted: ReadonlySet<string>, timeoutMs: number): Promise<number> {
    const started = Date.now();
    await pollUntil(async () => (await this.queryAudit(client, accepted).catch(() => undefined))?.lost === 0, {
      intervalMs: 500,
      timeoutMs,
    });
    return Date.now() - started;
  }

  /** Kills the lander with SIGKILL (no shutdown of any kind) and waits until the process is gone. */
  async killLander(): Promise<void> {
    await killHard(this.lander);
    this.lander = undefined;
  }

  /** The survey topic's partitions with a flush in progress (a `pending` batch in the landing checkpoint). */
  async pendingFlushes(): Promise<number> {
    const keys = Array.from(
      { length: PARTITIONS },
      (_, p) => `${this.names.lakePrefix}_landing/${this.topic(Topics.survey)}/${p}.json`,
    );
    const states = await Promise.all(
      keys.map(async (key) => {
        try {
          const object = await this.s3.send(new GetObjectCommand({ Bucket: this.bucket, Key: key }));
          const checkpoint = JSON.parse(await object.Body!.transformToString()) as { pending?: unknown };
          return checkpoint.pending ? 1 : 0;
        } catch {
          return 0;
        }
      }),
    );
    return states.reduce<number>((a, b) => a + b, 0);
  }

  /** The analysts' SQL endpoint of the query service: the rows of one SELECT, as JSON. */
  async sql(sql: string, signal?: AbortSignal): Promise<{ status: number; rows: Record<string, unknown>[] }> {
    const res = await fetch(`http://127.0.0.1:${this.ports.query}/v1/sql`, {
      method: 'POST',
      headers: { ...ANALYST, 'content-type': 'application/json' },
      body: JSON.stringify({ sql, format: 'json' }),
      ...(signal ? { signal } : {}),
    });
    const body = (await res.json()) as { rows?: Record<string, unknown>[] };
    return { status: res.status, rows: body.rows ?? [] };
  }
}

export interface QueryAudit {
  /** HTTP status of the SQL request. */
  status: number;
  visible: number;
  lost: number;
  duplicated: number;
}

export async function killHard(service: RunningService | undefined): Promise<void> {
  if (!service || service.process.exitCode !== null || service.process.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => service.process.once('exit', () => resolve()));
  service.process.kill('SIGKILL');
  await exited;
}
