import { freePort } from '@lib/testing';
import { BadRequestException } from '@nestjs/common';
import {
  KafkaJSConnectionError,
  KafkaJSError,
  KafkaJSNonRetriableError,
  KafkaJSNumberOfRetriesExceeded,
  type KafkaJSProtocolError,
  KafkaJSRequestTimeoutError,
  Kafka,
  logLevel,
} from 'kafkajs';
import {
  MongoBulkWriteError,
  MongoClient,
  MongoClientClosedError,
  type MongoError,
  MongoInvalidArgumentError,
  MongoNetworkError,
  MongoNetworkTimeoutError,
  MongoNotConnectedError,
  MongoServerError,
  MongoServerSelectionError,
  MongoTopologyClosedError,
} from 'mongodb';
import mongoose from 'mongoose';
import { unavailableDependency } from './unavailable';

/** The pool's errors: thrown by the driver, not exported from its index. */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const poolErrors = require('mongodb/lib/cmap/errors') as {
  PoolClearedError: new (pool: { address: string; serverError?: Error }) => MongoError;
  PoolClosedError: new (pool: { address: string }) => MongoError;
  WaitQueueTimeoutError: new (message: string, address: string) => MongoError;
};

/** KafkaJS's errors that its type declarations leave out or declare without their arguments. */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const kafkaErrors = require('kafkajs/src/errors') as {
  KafkaJSConnectionClosedError: new (message: string, broker: { host: string; port: number }) => Error;
  KafkaJSNoBrokerAvailableError: new () => Error;
  KafkaJSBrokerNotFound: new (message: string) => Error;
};

/** KafkaJS builds protocol errors from the broker's error codes with this table. */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const kafkaProtocol = require('kafkajs/src/protocol/error') as {
  createErrorFromCode(code: number): KafkaJSProtocolError;
};

const pool = { address: '127.0.0.1:27017' };
const closed = new MongoNetworkError('connection 4 to 127.0.0.1:27017 closed');

describe('unavailableDependency', () => {
  it.each<[string, unknown]>([
    ['a closed connection', closed],
    ['a network timeout', new MongoNetworkTimeoutError('connection 2 to 127.0.0.1:27017 timed out')],
    ['a cleared pool', new poolErrors.PoolClearedError({ ...pool, serverError: closed })],
    ['a closed pool', new poolErrors.PoolClosedError(pool)],
    [
      'a full wait queue',
      new poolErrors.WaitQueueTimeoutError('Timed out while checking out a connection', ''),
    ],
    ['a closed topology', new MongoTopologyClosedError()],
    ['a closed client', new MongoClientClosedError()],
    [
      'a client not yet connected',
      new MongoNotConnectedError('Client must be connected before running operations'),
    ],
    [
      'a server shutting down',
      new MongoServerError({ ok: 0, code: 91, errmsg: 'The server is in quiesce mode' }),
    ],
    [
      'an interrupted operation',
      new MongoServerError({ ok: 0, code: 11600, errmsg: 'interrupted at shutdown' }),
    ],
    ['a primary stepping down', new MongoServerError({ ok: 0, code: 10107, errmsg: 'not primary' })],
    [
      'a bulk write cut off by a connection reset',
      new MongoBulkWriteError(new MongoNetworkError('read ECONNRESET'), {} as never),
    ],
    [
      'a bulk write that found no server',
      new MongoBulkWriteError(
        new MongoServerSelectionError('connect ECONNREFUSED 127.0.0.1:27017', {} as never),
        {} as never,
      ),
    ],
    [
      'a server error labelled retryable',
      new MongoServerError({ ok: 0, code: 1, errmsg: 'x', errorLabels: ['RetryableWriteError'] }),
    ],
  ])('names the database for %s', (_case, error) => {
    expect(unavailableDependency(error)).toBe('database');
  });

  it.each<[string, unknown]>([
    [
      'a refused connection',
      new KafkaJSConnectionError('Connection error: connect ECONNREFUSED', { code: 'ECONNREFUSED' }),
    ],
    [
      'a closed connection',
      new kafkaErrors.KafkaJSConnectionClosedError('Closed connection', { host: '127.0.0.1', port: 9092 }),
    ],
    ['a request timeout', new KafkaJSRequestTimeoutError('Request Metadata(key: 3, version: 6) timed out')],
    ['no broker', new kafkaErrors.KafkaJSNoBrokerAvailableError()],
    ['an unknown broker', new kafkaErrors.KafkaJSBrokerNotFound('Broker 1 not found in the cached metadata')],
    ['a broker not available', kafkaProtocol.createErrorFromCode(8)],
    ['a leader not available', kafkaProtocol.createErrorFromCode(5)],
    ['a network exception', kafkaProtocol.createErrorFromCode(13)],
    ['a coordinator not available', kafkaProtocol.createErrorFromCode(15)],
    [
      'retries exhausted on a connection error',
      new KafkaJSNumberOfRetriesExceeded(new KafkaJSConnectionError('Connection timeout'), {
        retryCount: 5,
        retryTime: 3000,
      }),
    ],
  ])('names Kafka for %s', (_case, error) => {
    expect(unavailableDependency(error)).toBe('kafka');
  });

  it.each<[string, unknown]>([
    ['a duplicate key', new MongoServerError({ ok: 0, code: 11000, errmsg: 'E11000 duplicate key error' })],
    ['a bad query', new MongoServerError({ ok: 0, code: 2, errmsg: 'unknown operator: $nope' })],
    [
      'a bulk write of duplicates',
      new MongoBulkWriteError(
        { message: 'E11000', code: 11000, writeErrors: [{ index: 0, code: 11000 }] } as never,
        {} as never,
      ),
    ],
    ['a bad argument', new MongoInvalidArgumentError('Argument "filter" must be an object')],
    ['a validation error', new mongoose.Error.ValidationError()],
    ['a cast error', new mongoose.Error.CastError('ObjectId', 'nope', '_id')],
    ['a plain error whose text says "connection closed"', new Error('connection closed')],
    ['a mongoose error of another kind', new mongoose.Error('Operation `x.find()` failed')],
    ['an unknown topic', kafkaProtocol.createErrorFromCode(3)],
    ['a message too large', kafkaProtocol.createErrorFromCode(10)],
    [
      'retries exhausted on an unknown topic',
      new KafkaJSNumberOfRetriesExceeded(kafkaProtocol.createErrorFromCode(3), {
        retryCount: 5,
        retryTime: 3000,
      }),
    ],
    ['a non-retriable KafkaJS error', new KafkaJSNonRetriableError('Invalid message')],
    ['a generic KafkaJS error', new KafkaJSError('Something else')],
    ['a 400', new BadRequestException('no')],
    ['a string', 'connection closed'],
    ['nothing', undefined],
  ])('names nothing for %s', (_case, error) => {
    expect(unavailableDependency(error)).toBeUndefined();
  });

  it('follows causes only a few levels deep', () => {
    let error: unknown = closed;
    for (let depth = 0; depth < 10; depth++) error = new Error('wrapped', { cause: error });
    expect(unavailableDependency(error)).toBeUndefined();
    expect(unavailableDependency(new Error('wrapped', { cause: closed }))).toBe('database');
  });
});

describe('unavailableDependency on what the installed drivers throw with nothing listening', () => {
  let port: number;
  beforeAll(async () => {
    port = await freePort();
  });

  it('names the database for the driver timing out selecting a server', async () => {
    const client = new MongoClient(`mongodb://127.0.0.1:${port}`, { serverSelectionTimeoutMS: 100 });
    const error: unknown = await client
      .db('x')
      .collection('y')
      .findOne({})
      .catch((e: unknown) => e);
    await client.close();
    expect(error).toMatchObject({ name: 'MongoServerSelectionError' });
    expect(unavailableDependency(error)).toBe('database');
  });

  it('names the database for mongoose failing its first connection', async () => {
    const connection = mongoose.createConnection(`mongodb://127.0.0.1:${port}`, {
      serverSelectionTimeoutMS: 100,
    });
    const error: unknown = await connection.asPromise().catch((e: unknown) => e);
    await connection.close();
    expect(error).toMatchObject({ name: 'MongooseServerSelectionError' });
    expect(unavailableDependency(error)).toBe('database');
  });

  it('names the database for mongoose giving up on a command it buffered while disconnected', async () => {
    const connection = mongoose.createConnection();
    const model = connection.model('Probe', new mongoose.Schema({ a: String }, { bufferTimeoutMS: 20 }));
    const read: unknown = await model
      .findOne({})
      .exec()
      .catch((e: unknown) => e);
    const write: unknown = await model.create({ a: 'x' }).catch((e: unknown) => e);
    expect(read).toMatchObject({
      name: 'MongooseError',
      message: expect.stringContaining('buffering timed out'),
    });
    expect(unavailableDependency(read)).toBe('database');
    expect(unavailableDependency(write)).toBe('database');
  });

  it('names Kafka for KafkaJS giving up connecting', async () => {
    const kafka = new Kafka({
      brokers: [`127.0.0.1:${port}`],
      connectionTimeout: 200,
      retry: { retries: 1, initialRetryTime: 10 },
      logLevel: logLevel.NOTHING,
    });
    const producer = kafka.producer();
    const error: unknown = await producer.connect().catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'KafkaJSNumberOfRetriesExceeded' });
    expect(unavailableDependency(error)).toBe('kafka');
  });
});
