/**
 * The Markdown table of a `pnpm bench` report (test/bench/run.ts): every figure beside its baseline from the
 * same run. Reads the sections' JSON loosely — a section that failed or was not run shows as such.
 */
import { dashboard } from './dashboard.markdown.ts';
import { at, fmt, num, ratio, table } from './markdown.format.ts';

type Report = {
  startedAt: string;
  mode: string;
  sections: string[];
  sizes: string[];
  machine: Record<string, unknown>;
  notes?: string;
  results: Record<string, unknown>;
};

function failed(section: unknown): string | undefined {
  if (section === undefined) return 'not run';
  const error = at(section, 'error');
  return typeof error === 'string' ? `failed: ${error}` : undefined;
}

function ingest(r: unknown): string {
  const rows = (at(r, 'results') as unknown[] | undefined) ?? [];
  // HTTP through the default producer library (earlier reports had one library: http_events_per_s), driven by the
  // benchmark's first client (earlier reports had one client: fetch).
  const byBatch = (size: number) => {
    const row = rows.find((r) => at(r, 'batch_size') === size);
    return { ...(row as object), http: at(row, 'http_events_per_s_platformatic') ?? at(row, 'http_events_per_s') };
  };
  const client = (size: number) => {
    const name = at(byBatch(size), 'client');
    return `, ${typeof name === 'string' ? name : 'fetch'} client`;
  };
  const java = at(r, 'java_producer_performance');
  const half = at(r, 'latency_at_half_rate');
  return table(
    ['figure', 'servq', 'baseline', 'servq / baseline'],
    [
      ...[100, 1000].flatMap((size) => [
        [
          `events/s, HTTP batches of ${size.toLocaleString('en-GB')}${client(size)} vs the bare acked producer of packages/kafka through kafkajs (issue 4's baseline), same batches`,
          fmt(at(byBatch(size), 'http')),
          fmt(at(byBatch(size), 'raw_producer_events_per_s')),
          ratio(at(byBatch(size), 'http'), at(byBatch(size), 'raw_producer_events_per_s')),
        ],
        [
          `events/s, HTTP batches of ${size.toLocaleString('en-GB')}${client(size)} vs the same bare producer through platformatic (ingest's library, the fastest client), same batches`,
          fmt(at(byBatch(size), 'http')),
          fmt(at(byBatch(size), 'raw_platformatic_events_per_s')),
          ratio(at(byBatch(size), 'http'), at(byBatch(size), 'raw_platformatic_events_per_s')),
        ],
        [
          `events/s, HTTP batches of ${size.toLocaleString('en-GB')}${client(size)} vs Kafka's Java ProducerPerformance`,
          fmt(at(byBatch(size), 'http')),
          fmt(at(java, 'eventsPerSecond')),
          ratio(at(byBatch(size), 'http'), at(java, 'eventsPerSecond')),
        ],
        [
          `ingest's CPU µs per event, HTTP batches of ${size.toLocaleString('en-GB')}${client(size)}, platformatic vs kafkajs producer library`,
          fmt(at(byBatch(size), 'service_cpu_us_per_event_platformatic'), ' µs'),
          fmt(at(byBatch(size), 'service_cpu_us_per_event_kafkajs'), ' µs'),
          ratio(
            at(byBatch(size), 'service_cpu_us_per_event_platformatic'),
            at(byBatch(size), 'service_cpu_us_per_event_kafkajs'),
          ),
        ],
      ]),
      [
        `p99 acknowledgement latency at half rate (${fmt(at(half, 'offered_events_per_s'))} events/s, batches of 100) vs ProducerPerformance at the same rate`,
        fmt(at(half, 'http_batches_of_100.p99Ms'), ' ms'),
        fmt(at(half, 'java_producer_performance.p99Ms'), ' ms'),
        ratio(at(half, 'http_batches_of_100.p99Ms'), at(half, 'java_producer_performance.p99Ms')),
      ],
      [
        'p50 acknowledgement latency at half rate',
        fmt(at(half, 'http_batches_of_100.p50Ms'), ' ms'),
        fmt(at(half, 'java_producer_performance.p50Ms'), ' ms'),
        ratio(at(half, 'http_batches_of_100.p50Ms'), at(half, 'java_producer_performance.p50Ms')),
      ],
    ],
  );
}

function clients(r: unknown): string {
  const produce = (at(r, 'produce') as unknown[] | undefined) ?? [];
  const runs = fmt(at(r, 'runs'));
  return table(
    ['figure', '@platformatic/kafka', 'baseline (kafkajs)', 'platformatic / kafkajs'],
    [
      ...produce.map((row) => [
        `msg/s, acked producer (idempotent, acks=all), batches of ${fmt(at(row, 'batch'))} × ${fmt(at(row, 'concurrency'))} sends at a time, ${fmt(at(row, 'total'))} messages (median of ${runs})`,
        fmt(at(row, 'platformaticMsgPerS')),
        fmt(at(row, 'kafkajsMsgPerS')),
        ratio(at(row, 'platformaticMsgPerS'), at(row, 'kafkajsMsgPerS')),
      ]),
      [
        `msg/s, consuming ${fmt(at(r, 'consume.messages'))} messages from the beginning (platformatic: a bare stream; kafkajs: the partition consumer the lander uses; median of ${runs})`,
        fmt(at(r, 'consume.platformaticMsgPerS')),
        fmt(at(r, 'consume.kafkajsMsgPerS')),
        ratio(at(r, 'consume.platformaticMsgPerS'), at(r, 'consume.kafkajsMsgPerS')),
      ],
    ],
  );
}

function landing(r: unknown): string {
  return table(
    ['figure', 'servq (lander)', 'baseline (consume + JSON.parse)', 'servq / baseline'],
    [
      [
        `events/s topic → Parquet in S3 (${fmt(at(r, 'events'))} events, median of ${fmt(at(r, 'repeats'))})`,
        fmt(at(r, 'landing.eventsPerSecond')),
        fmt(at(r, 'baseline.eventsPerSecond')),
        ratio(at(r, 'landing.eventsPerSecond'), at(r, 'baseline.eventsPerSecond')),
      ],
      [
        'events/s, steady (10 % → 90 % landed)',
        fmt(at(r, 'landing.steadyEventsPerSecond')),
        fmt(at(r, 'baseline.eventsPerSecond')),
        ratio(at(r, 'landing.steadyEventsPerSecond'), at(r, 'baseline.eventsPerSecond')),
      ],
      [
        'CPU µs per event (lander: all threads, start-up included)',
        fmt(at(r, 'landing.cpuSecondsPerMillion'), ' µs'),
        fmt(at(r, 'baseline.cpuSecondsPerMillion'), ' µs'),
        ratio(at(r, 'landing.cpuSecondsPerMillion'), at(r, 'baseline.cpuSecondsPerMillion')),
      ],
      [
        'bytes per event: Parquet (zstd) vs NDJSON',
        fmt(at(r, 'size.parquetBytesPerEvent'), ' B'),
        fmt(at(r, 'size.ndjsonBytesPerEvent'), ' B'),
        ratio(at(r, 'size.parquetBytesPerEvent'), at(r, 'size.ndjsonBytesPerEvent')),
      ],
    ],
  );
}

function freshness(r: unknown): string {
  return table(
    ['figure', 'servq', 'baseline (flush age + sync interval)', 'servq / baseline'],
    ['p50', 'p95'].map((p) => [
      `${p} acknowledgement → visible in /v1/query (${fmt(at(r, 'samples'))} events, one at a time)`,
      fmt(at(r, `${p}Seconds`), ' s', 2),
      fmt(at(r, 'baseline.seconds'), ' s'),
      ratio(at(r, `${p}Seconds`), at(r, 'baseline.seconds')),
    ]),
  );
}

/** One row per request: API p50/p95 against DuckDB's p50/p95 on the same data, overhead and ratio at p50. */
function latencyRows(rows: unknown[], name: (row: unknown) => string): string[][] {
  return rows.map((row) => [
    name(row),
    `${fmt(at(row, 'api.p50'))} / ${fmt(at(row, 'api.p95'))}`,
    `${fmt(at(row, 'direct.p50'))} / ${fmt(at(row, 'direct.p95'))}`,
    fmt(num(at(row, 'api.p50')) !== undefined ? Number(at(row, 'api.p50')) - Number(at(row, 'direct.p50')) : undefined),
    ratio(at(row, 'api.p50'), at(row, 'direct.p50')),
  ]);
}
const LATENCY_HEADER = [
  'request',
  'API p50 / p95 ms',
  'DuckDB direct p50 / p95 ms',
  'overhead ms (p50)',
  'ratio (p50)',
];

function query(r: unknown): string {
  const dashboard = (at(r, 'dashboard') as unknown[] | undefined) ?? [];
  const metrics = (at(r, 'latency.perMetric') as unknown[] | undefined) ?? [];
  return [
    `Lake of ${fmt(at(r, 'lake.events'))} events. The dashboard's requests as it sends them (default filters: six months by month):`,
    '',
    table(
      LATENCY_HEADER,
      latencyRows(dashboard, (row) => String(at(row, 'request'))),
    ),
    '',
    'Every catalogue metric, by office and month over the year:',
    '',
    table(
      ['metric', ...LATENCY_HEADER.slice(1)],
      latencyRows(metrics, (row) => `\`${String(at(row, 'metric'))}\``),
    ),
  ].join('\n');
}

function scale(r: unknown): string {
  const sizes = Object.entries((r ?? {}) as Record<string, unknown>);
  const requests = ((at(sizes[0]?.[1], 'dashboard') as unknown[] | undefined) ?? []).map((d) =>
    String(at(d, 'request')),
  );
  const cell = (size: unknown, request: string) => {
    const row = ((at(size, 'dashboard') as unknown[] | undefined) ?? []).find((d) => at(d, 'request') === request);
    return `${fmt(at(row, 'api.p50'))} vs ${fmt(at(row, 'direct.p50'))}`;
  };
  return [
    table(
      [
        'lake',
        'events',
        'Parquet MiB',
        'cold sync (spawn → ready)',
        'its CPU (all threads)',
        'load (1 min) at ready',
        'first /v1/sql answer after ready',
        'peak RSS',
        'RSS at end (steady)',
      ],
      sizes.map(([label, size]) => [
        label,
        failed(size) ?? fmt(at(size, 'lake.events')),
        fmt(at(size, 'lake.mib')),
        fmt(
          num(at(size, 'coldSync.readyAfterSpawnMs')) === undefined
            ? undefined
            : Number(at(size, 'coldSync.readyAfterSpawnMs')) / 1000,
          ' s',
        ),
        fmt(at(size, 'coldSync.cpuSeconds'), ' s'),
        fmt(at(size, 'coldSync.loadAverage.1m')),
        fmt(
          num(at(size, 'firstSqlAnswerMs')) === undefined ? undefined : Number(at(size, 'firstSqlAnswerMs')) / 1000,
          ' s',
        ),
        fmt(at(size, 'peakRssAtEndMiB'), ' MiB'),
        fmt(at(size, 'rssAtEndMiB'), ' MiB'),
      ]),
    ),
    '',
    'API p50 vs DuckDB direct p50, ms:',
    '',
    table(
      ['request', ...sizes.map(([label]) => label)],
      requests.map((request) => [request, ...sizes.map(([, size]) => cell(size, request))]),
    ),
  ].join('\n');
}

function memory(results: Record<string, unknown>): string {
  const rows: string[][] = [
    [
      'ingest',
      'ingest bench (HTTP at full speed)',
      fmt(
        at(results.ingest, 'service_peak_rss_mib.platformatic') ?? at(results.ingest, 'service_peak_rss_mib'),
        ' MiB',
      ),
    ],
    ['lander', 'landing bench', fmt(at(results.landing, 'landing.peakRssMiB'), ' MiB')],
    ...Object.entries((results.scale ?? {}) as Record<string, unknown>).map(([label, size]) => [
      'query',
      `lake of ${label} events`,
      fmt(at(size, 'peakRssAtEndMiB'), ' MiB'),
    ]),
    ...['ingest', 'lander', 'query'].map((service) => [
      service,
      'freshness bench (one event at a time)',
      fmt(at(results.freshness, `peakRssMiB.${service}`), ' MiB'),
    ]),
  ];
  return table(['service', 'during', 'peak RSS (VmHWM)'], rows);
}

export function markdownReport(report: Report): string {
  const m = report.machine;
  const load = (key: string) => ((m[key] as number[] | undefined) ?? []).join(' / ');
  const section = (title: string, name: string, body: (r: unknown) => string) => {
    // A partial run (`--only`) reports its own sections only.
    if (!report.sections.includes(name)) return null;
    const result = report.results[name];
    return [`## ${title}`, '', failed(result) ?? body(result), ''].join('\n');
  };
  return [
    `# servq benchmark, ${report.startedAt.slice(0, 10)} (${report.mode} run)`,
    '',
    `Machine: ${String(m.cpuModel)}, ${String(m.cores)} cores, ${String(m.memoryGiB)} GiB memory, Node ${String(m.node)}, ` +
      `Linux ${String(m.kernel)}; load average (1/5/15 min) ${load('loadAverageAtStart')} at the start, ` +
      `${load('loadAverageAtEnd')} at the end. Started ${report.startedAt}. Baselines were measured in the same run ` +
      'on the same broker and S3 server. Generated by `pnpm bench` (test/bench/run.ts); the figures in full are in ' +
      `the JSON file of the same name.`,
    '',
    ...(report.notes ? [`Notes: ${report.notes}`, ''] : []),
    section('Ingest', 'ingest', ingest),
    section('Kafka clients (packages/kafka)', 'clients', clients),
    section('Landing', 'landing', landing),
    section('Freshness', 'freshness', freshness),
    section('Query', 'query', query),
    section('Dashboard in Chromium (demo year)', 'dashboard', dashboard),
    section(`Scale curve (${report.sizes.join(', ')})`, 'scale', scale),
    '## Memory',
    '',
    memory(report.results),
    '',
  ]
    .filter((part) => part !== null)
    .join('\n');
}
