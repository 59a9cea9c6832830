/**
 * Entry point: reads the environment, connects the producer, listens (the API, and Prometheus on its own
 * listener), and shuts down in order on SIGTERM or SIGINT: stop accepting requests (in-flight ones finish),
 * then flush and disconnect the producer, then stop serving metrics.
 */
import { ackedClientOptions, createAckedProducer, createKafka, logLevel } from '@servq/kafka';
import { createMetricsListener, stopOnSignals } from '@servq/runtime';
import { buildApp } from './app.ts';
import { loadConfig } from './config.ts';
import { createIngestMetrics } from './metrics.ts';

const config = loadConfig(process.env);
const kafka = createKafka(config.kafka, ackedClientOptions(config.produceTimeoutMs, logLevel.ERROR));
const producer = createAckedProducer(kafka, { sendTimeoutMs: config.produceTimeoutMs });
const admin = kafka.admin();

async function checkKafka(): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('metadata request timed out')), 2000);
  });
  try {
    if ((await Promise.race([admin.brokerCount(), timeout])) === 0) throw new Error('no brokers');
  } finally {
    clearTimeout(timer);
  }
}

await producer.start();
await admin.connect();
const metrics = createIngestMetrics();
const metricsListener = createMetricsListener(config.metricsListener, metrics.registry);
const app = await buildApp(config, { producer, checkKafka, metrics });
await app.listen({ host: config.http.host, port: config.http.port });
app.log.info({ url: (await metricsListener.start()).url }, 'serving Prometheus metrics');

stopOnSignals(
  async () => {
    await app.close();
    await producer.stop();
    await admin.disconnect();
    await metricsListener.stop();
  },
  { logger: app.log },
);
