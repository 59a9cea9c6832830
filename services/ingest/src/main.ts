/**
 * Entry point: reads the environment, connects the producer, listens, and shuts down in order on SIGTERM or
 * SIGINT: stop accepting requests (in-flight ones finish), then flush and disconnect the producer.
 */
import { ackedClientOptions, createAckedProducer, createKafka, logLevel } from '@servq/kafka';
import { stopOnSignals } from '@servq/runtime';
import { buildApp } from './app.ts';
import { loadConfig } from './config.ts';

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
    const cluster = await Promise.race([admin.describeCluster(), timeout]);
    if (cluster.brokers.length === 0) throw new Error('no brokers');
  } finally {
    clearTimeout(timer);
  }
}

await producer.start();
await admin.connect();
const app = await buildApp(config, { producer, checkKafka });
await app.listen({ host: config.http.host, port: config.http.port });

stopOnSignals(
  async () => {
    await app.close();
    await producer.stop();
    await admin.disconnect();
  },
  { logger: app.log },
);
