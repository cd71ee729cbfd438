import { logLevel } from 'kafkajs';
import { oneLineLogs } from './kafka-client';

describe('KafkaJS log lines', () => {
  function linesFor(entries: { namespace: string; level: logLevel; message: string; error?: string }[]) {
    const lines: string[] = [];
    const log = oneLineLogs({
      log: (line) => lines.push(`log ${line}`),
      error: (line) => lines.push(`error ${line}`),
      warn: (line) => lines.push(`warn ${line}`),
    })(logLevel.WARN);
    for (const { namespace, level, message, error } of entries)
      log({ namespace, level, label: 'ERROR', log: { timestamp: '', message, error } });
    return lines;
  }

  it('leaves out leadership still settling on a connection, and keeps every other error', () => {
    expect(
      linesFor([
        {
          namespace: 'Connection',
          level: logLevel.ERROR,
          message: 'Response ListOffsets(key: 2, version: 3)',
          error: 'This server is not the leader for that topic-partition',
        },
        {
          namespace: 'Connection',
          level: logLevel.ERROR,
          message: 'Response Metadata(key: 3, version: 6)',
          error: 'This server does not host this topic-partition',
        },
        {
          namespace: 'Connection',
          level: logLevel.ERROR,
          message: 'Response Produce(key: 0, version: 7)',
          error: 'The request timed out',
        },
        {
          namespace: 'Consumer',
          level: logLevel.ERROR,
          message: 'Crash',
          error: 'This server is not the leader for that topic-partition',
        },
      ]),
    ).toEqual([
      'error kafkajs Connection Response Produce(key: 0, version: 7): The request timed out',
      'error kafkajs Consumer Crash: This server is not the leader for that topic-partition',
    ]);
  });
});
