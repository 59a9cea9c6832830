/**
 * Starts the reports service: reads the environment and the subscriptions file (a bad file stops it with every
 * problem listed), starts Chromium, listens, and runs the monthly schedule. SIGTERM/SIGINT stop in order: HTTP,
 * the schedule (a send in flight finishes), Chromium, the mail transport — within a deadline.
 */
import { scrubText } from '@servq/contracts';
import { createS3Client, readMarker, writeMarker } from '@servq/lake';
import { createMailer } from '@servq/mail';
import { serviceLogOptions, stopOnSignals } from '@servq/runtime';
import { buildReportsService } from './app.ts';
import { loadConfig } from './config.ts';
import { isReportsError } from './errors.ts';
import { Renderer } from './render.ts';
import { loadSubscriptions } from './subscriptions.ts';

const config = loadConfig(process.env);
const subscriptions = await loadSubscriptions(config.subscriptionsFile).catch((error: unknown) => {
  console.error(isReportsError(error) ? `[reports] ${error.message}` : error);
  process.exit(1);
});

const s3 = createS3Client(config.s3);
const service = await buildReportsService(
  {
    tokens: config.tokens,
    queryUrl: config.render.dashboardUrl,
    queryToken: config.render.token,
    scheduleIntervalMs: config.scheduleIntervalMs,
    markerPrefix: config.markerPrefix,
    logger: serviceLogOptions({ service: 'reports', level: config.logLevel, scrubText }),
  },
  {
    renderer: new Renderer(config.render),
    mailer: createMailer({ ...config.mail, idDomain: 'servq-reports' }),
    markers: {
      has: async (key) => (await readMarker(s3, config.s3.bucket, key)) !== null,
      put: (key, body) => writeMarker(s3, config.s3.bucket, key, body),
    },
    subscribers: subscriptions.subscribers,
    now: () => new Date(),
  },
);

await service.start();
await service.http.listen({ host: config.http.host, port: config.http.port });
service.startSchedule();
service.http.log.info({ subscribers: subscriptions.subscribers.length }, 'reports service listening');

stopOnSignals(
  async () => {
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
