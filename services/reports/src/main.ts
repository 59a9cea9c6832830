/**
 * Starts the reports service: reads the environment and the subscriptions file (a bad file stops it with every
 * problem listed), starts Chromium, listens, and runs the monthly schedule and the weekly deadline digest. SIGTERM/SIGINT stop in order: the digest,
 * HTTP, the schedule (a send in flight finishes), Chromium, the mail transport — within a deadline.
 */
import { scrubText } from '@servq/contracts';
import { createS3Client, readMarker, writeMarker } from '@servq/lake';
import { createMailer } from '@servq/mail';
import { serviceLogOptions, stopOnSignals } from '@servq/runtime';
import { buildReportsService } from './app.ts';
import { loadConfig } from './config.ts';
import { DigestScheduler } from './digest.ts';
import { isReportsError } from './errors.ts';
import { Renderer } from './render.ts';
import { querySource } from './query.source.ts';
import { loadSubscriptions } from './subscriptions.ts';

const config = loadConfig(process.env);
const subscriptions = await loadSubscriptions(config.subscriptionsFile).catch((error: unknown) => {
  console.error(isReportsError(error) ? `[reports] ${error.message}` : error);
  process.exit(1);
});

const s3 = createS3Client(config.s3);
const mailer = createMailer({ ...config.mail, idDomain: 'servq-reports' });
const markers = {
  has: async (key: string) => (await readMarker(s3, config.s3.bucket, key)) !== null,
  put: (key: string, body: Record<string, unknown>) => writeMarker(s3, config.s3.bucket, key, body),
};
// One reader of the query API for the report's office names and the digest.
const query = querySource({
  url: config.render.dashboardUrl,
  token: config.render.token,
  timeoutMs: config.digest.queryTimeoutMs,
});
const service = await buildReportsService(
  {
    tokens: config.tokens,
    scheduleIntervalMs: config.scheduleIntervalMs,
    markerPrefix: config.markerPrefix,
    logger: serviceLogOptions({ service: 'reports', level: config.logLevel, scrubText }),
  },
  {
    renderer: new Renderer(config.render),
    mailer,
    query,
    markers,
    subscribers: subscriptions.subscribers,
    now: () => new Date(),
  },
);

await service.start();
await service.http.listen({ host: config.http.host, port: config.http.port });
service.startSchedule();
const digest = new DigestScheduler(
  {
    subscribers: subscriptions.subscribers,
    source: query,
    mailer,
    markers,
    logger: service.http.log,
    dashboardUrl: config.render.dashboardUrl,
  },
  {
    intervalMs: config.scheduleIntervalMs,
    markerPrefix: config.markerPrefix,
    withinWorkingDays: config.digest.withinWorkingDays,
  },
);
digest.start(() => new Date());
service.http.log.info({ subscribers: subscriptions.subscribers.length }, 'reports service listening');

stopOnSignals(
  async () => {
    // The digest first: the service's stop closes the mail transport it shares.
    await digest.stop();
    await service.stop();
    s3.destroy();
  },
  {
    logger: service.http.log,
    deadline: {
      ms: config.shutdownDeadlineMs,
      message: 'shutdown outlasted its deadline; a report not yet marked as sent is sent on the next start',
    },
  },
);
