/**
 * The settings every service shares: where Kafka and the S3 lake are. Each component receives only its
 * slice (`KafkaConfig`, `S3Config`). Credentials have no default: local values live in
 * infra/local/dev.env.example.
 */
import { z } from 'zod';
import { envBoolean, envList, parseEnv, type Env } from './env.ts';

const brokerAddress = z.string().regex(/^[^\s:]+:\d{1,5}$/, 'expected host:port');

export const KafkaEnv = z.object({
  KAFKA_BROKERS: envList.default(['127.0.0.1:9092']).pipe(z.array(brokerAddress)),
  KAFKA_CLIENT_ID: z.string().min(1).default('servq'),
  /** The library behind acknowledged producers (see packages/kafka); unset: the package's choice. */
  KAFKA_PRODUCER_LIBRARY: z.enum(['platformatic', 'kafkajs']).optional(),
});

export const S3Env = z.object({
  S3_ENDPOINT: z.url({ message: 'expected a URL such as http://127.0.0.1:9000' }).default('http://127.0.0.1:9000'),
  S3_BUCKET: z
    .string()
    .regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, 'expected an S3 bucket name (3-63 lowercase letters, digits, . or -)')
    .default('servq-lake'),
  S3_REGION: z.string().min(1).default('us-east-1'),
  S3_ACCESS_KEY_ID: z.string({ message: 'required' }).min(1, 'required'),
  S3_SECRET_ACCESS_KEY: z.string({ message: 'required' }).min(1, 'required'),
  S3_FORCE_PATH_STYLE: envBoolean.default(true),
});

export interface KafkaConfig {
  brokers: string[];
  clientId: string;
  /** The library behind acknowledged producers; unset: the Kafka package's default (the faster one measured). */
  producerLibrary?: 'platformatic' | 'kafkajs';
}

export interface S3Config {
  endpoint: string;
  bucket: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
  forcePathStyle: boolean;
}

export interface SharedConfig {
  kafka: KafkaConfig;
  s3: S3Config;
}

export const SharedEnv = KafkaEnv.extend(S3Env.shape);

export function toKafkaConfig(env: z.output<typeof KafkaEnv>): KafkaConfig {
  return {
    brokers: env.KAFKA_BROKERS,
    clientId: env.KAFKA_CLIENT_ID,
    ...(env.KAFKA_PRODUCER_LIBRARY ? { producerLibrary: env.KAFKA_PRODUCER_LIBRARY } : {}),
  };
}

export function toS3Config(env: z.output<typeof S3Env>): S3Config {
  return {
    endpoint: env.S3_ENDPOINT,
    bucket: env.S3_BUCKET,
    region: env.S3_REGION,
    accessKeyId: env.S3_ACCESS_KEY_ID,
    secretAccessKey: env.S3_SECRET_ACCESS_KEY,
    forcePathStyle: env.S3_FORCE_PATH_STYLE,
  };
}

export function loadSharedConfig(env: Env): SharedConfig {
  const parsed = parseEnv(SharedEnv, env);
  return { kafka: toKafkaConfig(parsed), s3: toS3Config(parsed) };
}
