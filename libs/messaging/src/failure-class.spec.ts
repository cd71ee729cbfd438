import {
  KafkaJSConnectionError,
  KafkaJSNonRetriableError,
  KafkaJSNumberOfRetriesExceeded,
  KafkaJSRequestTimeoutError,
} from 'kafkajs';
import { MongoNetworkError, MongoNotConnectedError, MongoServerError } from 'mongodb';
import { z } from 'zod';
import { PermanentEventError, TransientEventError } from './errors';
import { type FailureClass, failureClassOf } from './failure-class';

const serverError = (code: number) => new MongoServerError({ message: `server error ${code}`, code });
const socketError = (code: string) => Object.assign(new Error(`connect ${code} 127.0.0.1:27017`), { code });

describe('failureClassOf', () => {
  it.each<[string, unknown, FailureClass]>([
    [
      'a handler that says retrying cannot help',
      new PermanentEventError('contradicts the record'),
      'permanent',
    ],
    ['a handler that says it will work later', new TransientEventError('the registry is away'), 'transient'],
    [
      'the database network failing',
      new MongoNetworkError('connection 3 to 127.0.0.1:27017 closed'),
      'transient',
    ],
    ['the database not connected', new MongoNotConnectedError('not connected'), 'transient'],
    ['a duplicate key (a race a retry resolves)', serverError(11000), 'transient'],
    ['the database shutting down', serverError(91), 'transient'],
    ['a refused connection', socketError('ECONNREFUSED'), 'transient'],
    ['Kafka unreachable', new KafkaJSConnectionError('Connection error: connect ECONNREFUSED'), 'transient'],
    ['Kafka timing out', new KafkaJSRequestTimeoutError('Request Produce(key: 0) timed out'), 'transient'],
    [
      'KafkaJS giving up after its own retries',
      new KafkaJSNumberOfRetriesExceeded(new KafkaJSConnectionError('Connection error'), {
        retryCount: 5,
        retryTime: 1,
      }),
      'transient',
    ],
    [
      'a database error wrapped as a cause',
      new Error('saving failed', { cause: serverError(189) }),
      'transient',
    ],
    ['a validation error in the handler', new z.ZodError([]), 'unknown'],
    ['a bug', new TypeError("Cannot read properties of undefined (reading 'id')"), 'unknown'],
    ['a database error that is not about reaching it', serverError(2), 'unknown'],
    ['a Kafka error that is not retriable', new KafkaJSNonRetriableError('bad request'), 'unknown'],
    ['something thrown that is not an error', 'a string', 'unknown'],
  ])('classes %s as %s', (_, error, expected) => {
    expect(failureClassOf(error)).toBe(expected);
  });

  it('finds a permanent error before a transient cause', () => {
    const error = new PermanentEventError('never', { cause: new MongoNetworkError('closed') });
    expect(failureClassOf(error)).toBe('permanent');
  });
});
