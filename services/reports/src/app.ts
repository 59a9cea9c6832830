/**
 * The reports service: `GET /v1/reports/monthly?month=YYYY-MM&office=…&lang=lv|en` answers the month's report
 * as a PDF printed from the dashboard (office tokens get their own office's only), and the schedule mails the
 * previous month's report to subscribers. `buildReportsService` wires parts it is given into
 * `{ http, scheduler, start, stop }`; only main.ts reads the environment, listens and exits.
 */
import { OFFICE_IDS, rigaDate } from '@servq/contracts';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { z } from 'zod';
import { authenticate, maySee } from './auth.ts';
import type { TokenEntry } from './config.ts';
import { errorBody, ReportsError, ReportsErrorCode, toReportsError } from './errors.ts';
import { MONTH, monthRange } from './month.ts';
import { offTarget } from './month.summary.ts';
import { officeNames, type QuerySource } from './query.source.ts';
import type { ReportRequest } from './render.ts';
import { Scheduler, type Markers } from './schedule.ts';
import type { Subscriber } from './subscriptions.ts';
import type { Mailer } from '@servq/mail';
import { HEADLINE_METRICS } from '@servq/query-api';

export interface ReportsServiceConfig {
  tokens: readonly TokenEntry[];
  scheduleIntervalMs: number;
  markerPrefix: string;
  logger?: FastifyServerOptions['logger'];
}

export interface ReportsServiceDeps {
  renderer: {
    start(): Promise<void>;
    stop(): Promise<void>;
    render(request: ReportRequest, officeName: string | undefined): Promise<Uint8Array>;
  };
  mailer: Mailer;
  /**
   * The query API, for office names (/v1/reference) and the report e-mail's figures off target (/v1/query,
   * /v1/metrics); the digest reads it through the same reader.
   */
  query: Pick<QuerySource, 'reference' | 'figures' | 'metrics'>;
  markers: Markers;
  subscribers: readonly Subscriber[];
  /** The schedule's clock. */
  now(): Date;
}

export interface ReportsService {
  http: FastifyInstance;
  scheduler: Scheduler;
  /** Starts the browser (not the HTTP listener, not the schedule). */
  start(): Promise<void>;
  /** Runs the schedule on the service's clock: now, then every interval. */
  startSchedule(): void;
  /** Stops the schedule, then the browser, then mail; closes HTTP first. */
  stop(): Promise<void>;
  /** The report as the API answers it, with the office's name in the report's language in its header. */
  render(request: ReportRequest): Promise<Uint8Array>;
}

const MonthlyQuery = z.strictObject({
  month: z.string({ message: 'required: a month YYYY-MM' }).regex(MONTH, 'expected a month YYYY-MM'),
  office: z.enum(OFFICE_IDS, { message: `expected one of ${OFFICE_IDS.join(', ')}` }).optional(),
  lang: z.enum(['lv', 'en'], { message: 'expected "lv" or "en"' }).default('lv'),
});

export async function buildReportsService(
  config: ReportsServiceConfig,
  deps: ReportsServiceDeps,
): Promise<ReportsService> {
  const officeName = officeNames(deps.query);
  const render = async (request: ReportRequest) =>
    deps.renderer.render(request, await officeName(request.office, request.lang));

  const app = Fastify({ logger: config.logger ?? false, bodyLimit: 1024 });
  app.setErrorHandler(async (error, request, reply) => {
    const reportsError = toReportsError(error);
    if (reportsError.statusCode >= 500) request.log.error({ err: error }, 'request failed');
    return reply.status(reportsError.statusCode).send(errorBody(reportsError));
  });
  app.setNotFoundHandler(async (request, reply) => {
    const error = new ReportsError(
      ReportsErrorCode.NotFound,
      `no route ${request.method} ${request.url.split('?')[0]}`,
      {
        details: [{ parameter: 'path', expected: 'GET /v1/reports/monthly?month=YYYY-MM[&office=…][&lang=lv|en]' }],
      },
    );
    return reply.status(404).send(errorBody(error));
  });
  const offTargetOf = async (request: ReportRequest) => {
    const [row, catalogue] = await Promise.all([
      deps.query.figures(HEADLINE_METRICS, monthRange(request.month), request.office),
      deps.query.metrics(),
    ]);
    return offTarget(HEADLINE_METRICS, row, catalogue, request.lang);
  };
  const scheduler = new Scheduler(
    {
      subscribers: deps.subscribers,
      render,
      officeName,
      offTarget: offTargetOf,
      mailer: deps.mailer,
      markers: deps.markers,
      logger: app.log,
    },
    { intervalMs: config.scheduleIntervalMs, markerPrefix: config.markerPrefix },
  );

  app.get('/healthz', () => Promise.resolve({ status: 'ok' }));

  app.get('/v1/reports/monthly', async (request, reply) => {
    const who = authenticate(config.tokens, request.headers.authorization);
    const parsed = MonthlyQuery.safeParse(request.query ?? {});
    if (!parsed.success) {
      throw new ReportsError(ReportsErrorCode.BadParameter, 'invalid parameters', {
        details: parsed.error.issues.map((i) => ({ parameter: i.path.join('.') || '(query)', expected: i.message })),
      });
    }
    const { month, lang } = parsed.data;
    // An office token's report is its own office's, whether or not it names it.
    const office = who.role === 'office' ? (parsed.data.office ?? who.office) : parsed.data.office;
    if (!maySee(who, office)) {
      throw new ReportsError(
        ReportsErrorCode.Forbidden,
        `this token may have the reports of office "${who.office}" only`,
        {
          details: [{ parameter: 'office', expected: who.office ?? '' }],
        },
      );
    }
    if (month > rigaDate(deps.now()).slice(0, 7)) {
      throw new ReportsError(ReportsErrorCode.BadParameter, `month ${month} has not begun`, {
        details: [{ parameter: 'month', expected: 'this month or an earlier one' }],
      });
    }
    const pdf = await render({ month, office, lang });
    return reply
      .type('application/pdf')
      .header('content-disposition', `inline; filename="servq-${month}-${office ?? 'atd'}-${lang}.pdf"`)
      .send(Buffer.from(pdf));
  });
  await app.ready();

  return {
    http: app,
    scheduler,
    render,
    start: () => deps.renderer.start(),
    startSchedule: () => scheduler.start(() => deps.now()),
    async stop() {
      await app.close();
      await scheduler.stop();
      await deps.renderer.stop();
      deps.mailer.close();
    },
  };
}
