/**
 * Starts the alerts service: reads the environment and the rules file (the only places it reads either; a bad
 * file stops it with every problem listed), rebuilds its state from the alert topic, then evaluates rules as
 * the lake's data version moves and delivers what fires. SIGTERM/SIGINT stop in order: HTTP, evaluation,
 * deliveries in flight, the Kafka producer, the mail transport — within a deadline.
 */
import { scrubText } from '@servq/contracts';
import { ackedClientOptions, createKafka, logLevel } from '@servq/kafka';
import { serviceLogOptions, stopOnSignals } from '@servq/runtime';
import { AlertBook } from './alert.book.ts';
import { buildApp } from './app.ts';
import { loadConfig } from './config.ts';
import { isAlertsError } from './errors.ts';
import { EventLog } from './event.log.ts';
import { Evaluator } from './evaluator.ts';
import { Outbox } from './outbox.ts';
import { QueryClient } from './query.client.ts';
import { loadRules } from './rules.ts';
import { createMailSender, createWebhookSender } from './senders.ts';

const SEND_TIMEOUT_MS = 10_000;
const DELIVERY_MAX_AGE_MS = 7 * 86_400_000;

const config = loadConfig(process.env);
const rules = await loadRules(config.rulesFile).catch((error: unknown) => {
  // The one place a bad rules file is told: every problem, then exit before anything starts.
  console.error(isAlertsError(error) ? `[alerts] ${error.message}` : error);
  process.exit(1);
});

const book = new AlertBook();
const kafka = createKafka(config.kafka, ackedClientOptions(SEND_TIMEOUT_MS, logLevel.ERROR));
const log = new EventLog(kafka, book, { topic: config.topic, sendTimeoutMs: SEND_TIMEOUT_MS, partitions: 3 });
let ready = false;
const senders = {
  email: createMailSender({ ...config.mail, timeoutMs: config.delivery.timeoutMs }),
  webhook: createWebhookSender({ secret: config.webhook.secret, timeoutMs: config.delivery.timeoutMs }),
};
const app = await buildApp(
  { tokens: config.tokens, logger: serviceLogOptions({ service: 'alerts', level: config.logLevel, scrubText }) },
  {
    book,
    append: (events) => log.append(events),
    // Called only once ready, after every part below exists.
    pending: () => outbox.status(),
    ready: () => ready,
    evaluatedDataVersion: () => evaluator.lastVersion,
    metricInfo: (id) => evaluator.metricInfo(id),
  },
);
const query = new QueryClient({ ...config.query, timeoutMs: 30_000 });
const evaluator = new Evaluator(
  { rules, query, book, log, logger: app.log, onEvents: () => outbox.kick() },
  { ...config.schedule, dashboardUrl: config.dashboardUrl, maxDataLagMs: config.maxDataLagHours * 3_600_000 },
);
const outbox = new Outbox(
  {
    book,
    log,
    senders,
    subscribers: () => rules.subscribers,
    metricInfo: (id) => evaluator.metricInfo(id),
    catalogueLoaded: () => evaluator.catalogueLoaded(),
    logger: app.log,
  },
  { ...config.delivery, maxAgeMs: DELIVERY_MAX_AGE_MS, intervalMs: 500 },
);

await app.listen({ host: config.http.host, port: config.http.port });
await log.start();
const replayed = await log.replay(app.log);
ready = true;
app.log.info(
  { replayed, open: book.open().length, rules: rules.rules.length, subscribers: rules.subscribers.length },
  'alert history rebuilt from the topic',
);
outbox.start();
evaluator.start();

stopOnSignals(
  async () => {
    await app.close();
    await evaluator.stop();
    await outbox.stop();
    await log.stop();
    senders.email.close();
  },
  {
    logger: app.log,
    deadline: {
      ms: config.shutdownDeadlineMs,
      message:
        'shutdown outlasted its deadline; unrecorded deliveries stay pending in the alert topic and are sent on the next start',
    },
  },
);
