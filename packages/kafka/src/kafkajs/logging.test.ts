import { logLevel, type LogEntry } from 'kafkajs';
import { describe, expect, it } from 'vitest';
import type { KafkaLogLevel } from '../types.ts';
import { buildKafkaJs, kafkaLogCreator, kafkaLogLevelOf } from './logging.ts';

function entry(level: logLevel, message: string, extra: Record<string, unknown> = {}): LogEntry {
  return {
    namespace: 'Runner',
    level,
    label: logLevel[level],
    log: { timestamp: '2026-03-01T10:00:00.000Z', logger: 'kafkajs', message, ...extra },
  };
}

function recordingLogger() {
  const lines: { level: KafkaLogLevel; fields: object; message: string }[] = [];
  const at = (level: KafkaLogLevel) => (fields: object, message: string) => lines.push({ level, fields, message });
  return { lines, logger: { error: at('error'), warn: at('warn'), info: at('info'), debug: at('debug') } };
}

describe('kafkajs logs through a service logger', () => {
  it('logs routine rebalance steps that kafkajs reports as errors at info', () => {
    expect(kafkaLogLevelOf(entry(logLevel.ERROR, 'The group is rebalancing, re-joining', { groupId: 'g' }))).toBe(
      'info',
    );
    expect(
      kafkaLogLevelOf(
        entry(logLevel.ERROR, 'Response Heartbeat(key: 12, version: 3)', {
          error: 'The group is rebalancing, so a rejoin is needed',
        }),
      ),
    ).toBe('info');
    expect(
      kafkaLogLevelOf(
        entry(logLevel.ERROR, 'The coordinator is not aware of this member, re-joining the group', { groupId: 'g' }),
      ),
    ).toBe('info');
  });

  it('keeps real failures at their level', () => {
    expect(kafkaLogLevelOf(entry(logLevel.ERROR, 'Crash: KafkaJSNumberOfRetriesExceeded: connect ECONNREFUSED'))).toBe(
      'error',
    );
    expect(kafkaLogLevelOf(entry(logLevel.WARN, 'Connection timeout'))).toBe('warn');
    expect(kafkaLogLevelOf(entry(logLevel.INFO, 'Consumer has joined the group'))).toBe('info');
    expect(kafkaLogLevelOf(entry(logLevel.DEBUG, 'Request Fetch(key: 1, version: 11)'))).toBe('debug');
  });

  it('writes the message as the message and the rest as fields, with the kafkajs namespace', () => {
    const { lines, logger } = recordingLogger();
    kafkaLogCreator(logger)(logLevel.INFO)(
      entry(logLevel.INFO, 'Consumer has joined the group', { groupId: 'g', memberId: 'm' }),
    );
    expect(lines).toEqual([
      {
        level: 'info',
        fields: { kafkajs: 'Runner', groupId: 'g', memberId: 'm' },
        message: 'Consumer has joined the group',
      },
    ]);
  });

  it('sends a client’s own log entries to the logger given to createKafka', () => {
    const { lines, logger } = recordingLogger();
    const kafka = buildKafkaJs({ clientId: 'servq-test', brokers: ['127.0.0.1:1'] }, { logger });
    kafka.logger().namespace('Consumer').error('Crash: something broke', { groupId: 'g' });
    kafka.logger().namespace('Consumer').debug('below the default level', {});
    expect(lines).toEqual([
      { level: 'error', fields: { kafkajs: 'Consumer', groupId: 'g' }, message: 'Crash: something broke' },
    ]);
  });
});
