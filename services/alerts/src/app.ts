/**
 * The alerts service's HTTP app: health and readiness, open alerts, their history, and acknowledging one; a
 * small page at `/` shows the same to people (alerts.page.ts).
 * `buildApp` returns a ready app that is not listening; `main.ts` listens. Every error leaves through one handler
 * in one JSON shape.
 */
import type { AlertEvent, AlertRuleKind } from '@servq/contracts';
import type { AlertAckAnswer, AlertKind, AlertsAnswer, MetricInfo, OpenAlertView } from '@servq/query-api';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { z } from 'zod';
import type { AlertBook, OpenAlert } from './alert.book.ts';
import { registerAlertsPage } from './alerts.page.ts';
import { authenticate, maySee } from './auth.ts';
import type { TokenEntry } from './config.ts';
import { AlertsError, AlertsErrorCode, errorBody, toAlertsError } from './errors.ts';

export interface AppConfig {
  tokens: readonly TokenEntry[];
  logger?: FastifyServerOptions['logger'];
}

export interface AppDeps {
  book: AlertBook;
  /** Writes events to the alert topic and applies them (EventLog.append). */
  append(events: AlertEvent[]): Promise<void>;
  /** Pending deliveries with their attempts so far. */
  pending(): { key: string; alertId: string; channel: string; attempts: number }[];
  /** True once the book has been rebuilt from the topic. */
  ready(): boolean;
  /** The query API's data version the rules were last evaluated on (null before the first round). */
  evaluatedDataVersion(): number | null;
  /** A metric's catalogue entry (label, unit) as last read from the query API, for the page's words. */
  metricInfo(id: string | undefined): MetricInfo | undefined;
}

const HistoryQuery = z.strictObject({
  limit: z.coerce.number({ message: 'expected a number' }).int().min(1).max(5000, 'expected at most 5000').default(200),
});

// The published rule kinds (@servq/query-api) and the events' own must stay the same list, both ways.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const sameKinds: Same<AlertKind, AlertRuleKind> = true;
void sameKinds;

function view(alert: OpenAlert, pending: ReturnType<AppDeps['pending']>): OpenAlertView {
  const n = alert.latest;
  return {
    alert_id: alert.alertId,
    rule_id: n.rule_id,
    rule_kind: n.rule_kind,
    office_id: n.office_id ?? null,
    no_office: n.no_office === true,
    group: n.alert_group ?? null,
    severity: n.severity,
    metric_id: n.metric_id ?? null,
    value: n.value,
    interval:
      n.interval_low === undefined || n.interval_low === null
        ? null
        : { low: n.interval_low, high: n.interval_high ?? null },
    target: n.target ?? null,
    baseline: n.baseline ?? null,
    n: n.n ?? null,
    p_value: n.p_value ?? null,
    period: { from: n.period_from, to: n.period_to },
    reason: n.reason,
    link: n.link,
    raised_at: alert.raised.occurred_at,
    last_notified_at: n.occurred_at,
    acknowledged_by: alert.acknowledged?.acknowledged_by ?? null,
    acknowledged_at: alert.acknowledged?.occurred_at ?? null,
    /** The figures as of the newest evaluation that still found the condition (the notification's otherwise). */
    current: alert.current
      ? { value: alert.current.value, period: { from: alert.current.periodFrom, to: alert.current.periodTo } }
      : null,
    pending_deliveries: pending
      .filter((p) => p.alertId === alert.alertId)
      .map((p) => ({ channel: p.channel, attempts: p.attempts })),
  };
}

export async function buildApp(config: AppConfig, deps: AppDeps): Promise<FastifyInstance> {
  const app = Fastify({ logger: config.logger ?? false, bodyLimit: 16 * 1024 });

  app.setErrorHandler(async (error, request, reply) => {
    const alertsError = toAlertsError(error);
    if (alertsError.code === AlertsErrorCode.Internal) request.log.error({ err: error }, 'request failed');
    return reply.status(alertsError.statusCode).send(errorBody(alertsError));
  });
  app.setNotFoundHandler(async (request, reply) => {
    const error = new AlertsError(AlertsErrorCode.NotFound, `no route ${request.method} ${request.url.split('?')[0]}`, {
      details: [
        {
          parameter: 'path',
          expected: 'GET /v1/alerts, GET /v1/alerts/history, GET /v1/alerts/:id/history, POST /v1/alerts/:id/ack',
        },
      ],
    });
    return reply.status(404).send(errorBody(error));
  });

  const requireReady = () => {
    if (!deps.ready())
      throw new AlertsError(AlertsErrorCode.NotReady, 'the alert history is still being read', { retryable: true });
  };

  registerAlertsPage(app, {
    tokens: config.tokens,
    book: deps.book,
    metricInfo: (id) => deps.metricInfo(id),
    requireReady,
  });
  app.get('/healthz', () => Promise.resolve({ status: 'ok' }));
  app.get('/readyz', () => {
    requireReady();
    return Promise.resolve({ status: 'ready', evaluated_data_version: deps.evaluatedDataVersion() });
  });

  app.get('/v1/alerts', (request) => {
    const who = authenticate(config.tokens, request.headers.authorization);
    requireReady();
    const pending = deps.pending();
    const alerts = deps.book
      .open()
      .filter((a) => maySee(who, a.raised.office_id))
      .map((a) => view(a, pending))
      .sort((a, b) => b.last_notified_at.localeCompare(a.last_notified_at));
    return Promise.resolve({ alerts } satisfies AlertsAnswer);
  });

  app.get('/v1/alerts/history', (request) => {
    const who = authenticate(config.tokens, request.headers.authorization);
    requireReady();
    const parsed = HistoryQuery.safeParse(request.query ?? {});
    if (!parsed.success) {
      throw new AlertsError(AlertsErrorCode.BadParameter, 'invalid parameters', {
        details: parsed.error.issues.map((i) => ({ parameter: i.path.join('.') || '(query)', expected: i.message })),
      });
    }
    const events = deps.book.history().filter((e) => maySee(who, e.office_id));
    return Promise.resolve({ events: events.slice(-parsed.data.limit).reverse() });
  });

  app.get<{ Params: { id: string } }>('/v1/alerts/:id/history', (request) => {
    const who = authenticate(config.tokens, request.headers.authorization);
    requireReady();
    const events = deps.book.history(request.params.id).filter((e) => maySee(who, e.office_id));
    if (events.length === 0) throw unknownAlert(request.params.id);
    return Promise.resolve({ alert_id: request.params.id, events });
  });

  app.post<{ Params: { id: string } }>('/v1/alerts/:id/ack', async (request) => {
    const who = authenticate(config.tokens, request.headers.authorization);
    requireReady();
    const open = deps.book.openAlert(request.params.id);
    if (!open || !maySee(who, open.raised.office_id)) throw unknownAlert(request.params.id);
    // Acknowledging twice keeps the first acknowledgement (who saw it first).
    if (!open.acknowledged) {
      const event = deps.book.acknowledge(open.alertId, who.id, new Date());
      if (event) await deps.append([event]);
    }
    const now = deps.book.openAlert(request.params.id);
    return {
      alert_id: request.params.id,
      acknowledged_by: now?.acknowledged?.acknowledged_by ?? null,
      acknowledged_at: now?.acknowledged?.occurred_at ?? null,
    } satisfies AlertAckAnswer;
  });

  await app.ready();
  return app;
}

function unknownAlert(id: string): AlertsError {
  return new AlertsError(AlertsErrorCode.NotFound, `no open alert "${id}" you may see`, {
    details: [{ parameter: 'id', expected: 'the alert_id of an open alert from GET /v1/alerts' }],
  });
}
