import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { randomUUID } from 'node:crypto';
import { deadLetterTopic, defineEvent, encodeEvent, type EventEnvelope } from '@lib/contracts';
import { testStack, uniqueName, waitFor } from '@lib/testing';
import { sleep } from './retry';
import { type OutboxIntent, recordOutboxIntents } from '@lib/persistence';
import type { Kafka, Producer } from 'kafkajs';
import { type Db, MongoClient } from 'mongodb';
import { z } from 'zod';
import { DLQ_HEADERS } from './dead-letter-headers';
import { type DeadLetter, readDeadLetters } from './dead-letters';
import { PermanentEventError, TransientEventError } from './errors';
import { EventConsumer } from './event-consumer';
import { silentLogger } from './logger';
import { createIdempotentProducer, createKafka } from './kafka-client';
import { outboxEvent, withOutbox } from './outbox';
import { OutboxRelay } from './outbox-relay';
import { ensureTopics } from './topic-admin';

const stack = testStack();
const runCli = promisify(execFile);
const DLQ_CLI = join(__dirname, '..', '..', '..', 'dist', 'libs', 'messaging', 'src', 'cli', 'dlq.js');

type Probe = { probeId: string; key: string; poison?: boolean };

describe('messaging through real Kafka and the real database', () => {
  let kafka: Kafka;
  let producer: Producer;
  let mongo: MongoClient;
  let db: Db;
  const closers: (() => Promise<void>)[] = [];

  beforeAll(async () => {
    // KafkaJS reports the broker's transient start-up states as errors; the assertions say what matters here.
    kafka = createKafka({ brokers: stack.kafkaBrokers, clientId: 'messaging-spec', logger: silentLogger });
    producer = createIdempotentProducer(kafka);
    await producer.connect();
    mongo = await MongoClient.connect(stack.mongoServerUrl);
    db = mongo.db(uniqueName('messaging').replace(/-/g, '_'));
  });

  afterEach(async () => {
    while (closers.length > 0) await closers.pop()!();
  });

  afterAll(async () => {
    await producer.disconnect();
    await mongo.close();
  });

  /** A contract on a topic of this spec's own, and a consumer whose handler records what it handled. */
  async function probeTopic(
    options: {
      brokenFor?: (probe: Probe) => boolean;
      randomDelayMs?: number;
      /** An error of a given class for the handler to throw (none: handle the event). */
      errorFor?: (probe: Probe) => Error | undefined;
      /** Handle whole batches; the first batch call fails after handling half of its events. */
      batches?: boolean;
    } = {},
  ) {
    const contract = defineEvent({
      topic: `test.${uniqueName('probe')}.happened.v1`,
      keyField: 'key',
      description: 'a probe event of the messaging spec',
      schema: z.object({ probeId: z.uuid(), key: z.string(), poison: z.boolean().optional() }),
    });
    await ensureTopics(kafka, [contract.topic], { partitions: 3 });
    const handled: Probe[] = [];
    const state = { broken: options.brokenFor ?? (() => false), batchCalls: 0 };
    const handleBatch = async (envelopes: EventEnvelope<Probe>[]) => {
      state.batchCalls += 1;
      const half = state.batchCalls === 1 ? Math.floor(envelopes.length / 2) : Infinity;
      for (const [n, { data }] of envelopes.entries()) {
        await sleep(1);
        if (n === half) throw new Error('the database went away in the middle of the batch');
        if (state.broken(data)) throw new Error(`handler cannot handle ${data.probeId}`);
        handled.push(data);
      }
    };
    // What the consumer counts, by topic: [topic, what, count or kind].
    const counted: [string, string, number | string][] = [];
    const consumer = new EventConsumer({
      metrics: {
        consumed: (topic, count) => counted.push([topic, 'consumed', count]),
        retried: (topic, count) => counted.push([topic, 'retried', count]),
        deadLettered: (topic, kind) => counted.push([topic, 'dead-lettered', kind]),
      },
      kafka,
      groupId: uniqueName('group'),
      db,
      producer,
      logger: process.env.SPEC_LOG ? console : undefined,
      retry: { attemptsInPlace: 2, unknownErrorAttempts: 3, initialDelayMs: 20, maxDelayMs: 50 },
      handlers: [
        {
          contract,
          handle: async ({ data }: EventEnvelope<Probe>) => {
            if (options.randomDelayMs) await sleep(Math.random() * options.randomDelayMs);
            if (state.broken(data)) throw new Error(`handler cannot handle ${data.probeId}`);
            const error = options.errorFor?.(data);
            if (error) throw error;
            handled.push(data);
          },
          ...(options.batches ? { handleBatch } : {}),
        },
      ],
    });
    await consumer.start();
    closers.push(() => consumer.stop());
    const send = (data: Probe, id: string = randomUUID()) =>
      producer.send({
        topic: contract.topic,
        messages: [encodeEvent(contract, data, { source: '/spec', correlationId: 'c', id })],
      });
    const handledCount = (probeId: string) => handled.filter((probe) => probe.probeId === probeId).length;
    return { contract, consumer, handled, handledCount, send, state, counted };
  }

  function relay(collectionName: string, extra: Partial<ConstructorParameters<typeof OutboxRelay>[0]> = {}) {
    const outboxRelay = new OutboxRelay({
      collections: [db.collection(collectionName)],
      pending: db.collection<OutboxIntent>(`${collectionName}_pending`),
      producer,
      pollIntervalMs: 50,
      ...extra,
    });
    outboxRelay.start();
    closers.push(() => outboxRelay.stop());
    return outboxRelay;
  }

  async function messagesIn(topic: string): Promise<number> {
    const admin = kafka.admin();
    await admin.connect();
    const offsets = await admin.fetchTopicOffsets(topic);
    await admin.disconnect();
    return offsets.reduce((sum, partition) => sum + Number(partition.high), 0);
  }

  it('delivers an event written through the outbox, and a second delivery of it changes nothing', async () => {
    const probe = await probeTopic();
    const collection = uniqueName('things');
    relay(collection);
    const data = { probeId: randomUUID(), key: 'learner-1' };
    const inserted = {
      _id: randomUUID(),
      name: 'a fact',
      ...withOutbox('/spec', outboxEvent(probe.contract, data)),
    };
    // As insertOnce writes: the intent first, then the record.
    await recordOutboxIntents(db.collection<OutboxIntent>(`${collection}_pending`), collection, [inserted]);
    await db.collection(collection).insertOne(inserted as never);

    await waitFor(() => probe.handledCount(data.probeId) === 1, { what: 'the outbox event to be handled' });
    await waitFor(
      async () =>
        (await db.collection(collection).findOne({ _id: inserted._id as never }))?.outboxPending === false,
      {
        what: 'the outbox entry to be marked sent',
      },
    );

    await probe.send(data, inserted.outbox[0]!.id);
    const after = { probeId: randomUUID(), key: 'learner-1' };
    await probe.send(after);
    await waitFor(() => probe.handledCount(after.probeId) === 1, { what: 'the event after the duplicate' });
    expect(probe.handledCount(data.probeId)).toBe(1);
    expect(await messagesIn(probe.contract.topic)).toBe(3);
  });

  it('sends a backlog larger than one produce request allows, in several requests', async () => {
    const probe = await probeTopic();
    const collection = uniqueName('things');
    // 30 events of about 100 KB: three times Kafka's default 1 MiB request limit.
    const documents = Array.from({ length: 30 }, () => {
      const outbox = withOutbox('/spec', outboxEvent(probe.contract, { probeId: randomUUID(), key: 'big' }));
      const [entry] = outbox.outbox;
      const value = JSON.stringify({ ...JSON.parse(entry!.value), padding: 'x'.repeat(100_000) });
      return { _id: randomUUID(), ...outbox, outbox: [{ ...entry!, value }] };
    });
    await recordOutboxIntents(db.collection<OutboxIntent>(`${collection}_pending`), collection, documents);
    await db.collection(collection).insertMany(documents as never[]);
    relay(collection);
    await waitFor(() => probe.handled.length === 30, { what: 'all 30 large events handled' });
  });

  it('drops an intent whose record was never written (the insert failed) once it is older than the wait', async () => {
    const collection = uniqueName('things');
    const pending = db.collection<OutboxIntent>(`${collection}_pending`);
    const never = { _id: randomUUID(), outboxPending: true, outboxCreatedAt: new Date() };
    await recordOutboxIntents(pending, collection, [never]);
    relay(collection, { abandonAfterMs: 500 });
    await waitFor(async () => (await pending.countDocuments({})) === 0, {
      what: 'the abandoned intent dropped',
    });
  });

  // The record is written without an intent, as by a version before intents: the relay's start-up sweep finds it.
  it('sends again after a relay crashed between sending and marking, and the consumer still handles it once', async () => {
    const probe = await probeTopic();
    const collection = uniqueName('things');
    const data = { probeId: randomUUID(), key: 'learner-2' };
    const id: string = randomUUID();
    await db
      .collection(collection)
      .insertOne({ _id: id, ...withOutbox('/spec', outboxEvent(probe.contract, data)) } as never);

    let crashes = 0;
    const crashing = relay(collection, {
      pollIntervalMs: 60000,
      afterSend: () => {
        crashes += 1;
        return Promise.reject(new Error('simulated crash before marking'));
      },
    });
    await waitFor(() => crashes === 1 && probe.handledCount(data.probeId) === 1, { what: 'the first send' });
    await crashing.stop();
    expect((await db.collection(collection).findOne({ _id: id as never }))?.outboxPending).toBe(true);

    relay(collection);
    await waitFor(
      async () => (await db.collection(collection).findOne({ _id: id as never }))?.outboxPending === false,
      {
        what: 'the restarted relay to mark the entry sent',
      },
    );
    const after = { probeId: randomUUID(), key: 'learner-2' };
    await probe.send(after);
    await waitFor(() => probe.handledCount(after.probeId) === 1, { what: 'the event after the resend' });
    expect(await messagesIn(probe.contract.topic)).toBe(3);
    expect(probe.handledCount(data.probeId)).toBe(1);
  });

  it('handles a batch with one key in order and different keys side by side, each event once', async () => {
    const probe = await probeTopic({ randomDelayMs: 20 });
    const ordered = Array.from({ length: 30 }, () => ({ probeId: randomUUID(), key: 'one-learner' }));
    const others = Array.from({ length: 30 }, (_, index) => ({
      probeId: randomUUID(),
      key: `learner-${index}`,
    }));
    await producer.send({
      topic: probe.contract.topic,
      messages: [...ordered, ...others].map((data) =>
        encodeEvent(probe.contract, data, { source: '/spec', correlationId: 'c' }),
      ),
    });
    await waitFor(() => probe.handled.length >= 60, { what: 'all 60 events handled' });
    expect(probe.handled.filter((data) => data.key === 'one-learner').map((data) => data.probeId)).toEqual(
      ordered.map((data) => data.probeId),
    );
    expect(new Set(probe.handled.map((data) => data.probeId)).size).toBe(60);
  });

  it('retries a batch that failed in the middle, then handles it event by event so only the poison is dead-lettered', async () => {
    const probe = await probeTopic({ batches: true, brokenFor: (p) => p.poison === true });
    const good = Array.from({ length: 20 }, () => ({ probeId: randomUUID(), key: 'one-cohort' }));
    const poison = { probeId: randomUUID(), key: 'one-cohort', poison: true };
    await producer.send({
      topic: probe.contract.topic,
      messages: [...good.slice(0, 10), poison, ...good.slice(10)].map((data) =>
        encodeEvent(probe.contract, data, { source: '/spec', correlationId: 'c' }),
      ),
    });

    const letters = await waitFor(
      async () => {
        const found = await readDeadLetters(kafka, deadLetterTopic(probe.contract.topic));
        return found.length === 1 ? found : undefined;
      },
      { what: 'the poison dead-lettered' },
    );
    expect(letters[0]!.headers[DLQ_HEADERS.reason]).toBe(`handler cannot handle ${poison.probeId}`);
    // Handlers are idempotent (their writes are keyed), so an event handled again changes nothing; none is lost.
    expect(new Set(probe.handled.map((data) => data.probeId))).toEqual(
      new Set(good.map((data) => data.probeId)),
    );
    expect(probe.state.batchCalls).toBeGreaterThan(1);
    expect(probe.handledCount(poison.probeId)).toBe(0);
  });

  it('dead-letters a malformed message and a poison message with the reason, then processes what follows', async () => {
    const probe = await probeTopic({ brokenFor: (p) => p.poison === true });
    const key = 'learner-3';
    const good = encodeEvent(
      probe.contract,
      { probeId: randomUUID(), key },
      { source: '/spec', correlationId: 'c' },
    );
    await producer.send({ topic: probe.contract.topic, messages: [{ ...good, value: '{"probeId": 42' }] });
    const poison = { probeId: randomUUID(), key, poison: true };
    await probe.send(poison);
    const after = { probeId: randomUUID(), key };
    await probe.send(after);

    await waitFor(() => probe.handledCount(after.probeId) === 1, { what: 'the message after the bad ones' });
    const letters = await waitFor(
      async () => {
        const found = await readDeadLetters(kafka, deadLetterTopic(probe.contract.topic));
        return found.length === 2 ? found : undefined;
      },
      { what: 'two dead letters' },
    );
    const byKind = Object.fromEntries(
      letters.map((letter) => [letter.headers[DLQ_HEADERS.kind] ?? '', letter]),
    ) as Record<string, DeadLetter>;
    expect(byKind.invalid?.headers).toMatchObject({
      [DLQ_HEADERS.reason]: 'value is not JSON',
      [DLQ_HEADERS.originalTopic]: probe.contract.topic,
      [DLQ_HEADERS.originalOffset]: '0',
    });
    expect(byKind.poison?.headers).toMatchObject({
      [DLQ_HEADERS.reason]: `handler cannot handle ${poison.probeId}`,
      [DLQ_HEADERS.attempts]: '3',
      [DLQ_HEADERS.originalOffset]: '1',
      [DLQ_HEADERS.originalPartition]: byKind.invalid!.headers[DLQ_HEADERS.originalPartition],
    });
    expect(probe.handledCount(poison.probeId)).toBe(0);
    const counts = (what: string) =>
      probe.counted.filter(([topic, kind]) => topic === probe.contract.topic && kind === what);
    expect(
      counts('dead-lettered')
        .map(([, , kind]) => kind)
        .sort(),
    ).toEqual(['invalid', 'poison']);
    // Three attempts, the last of which gives up: two tries again.
    expect(counts('retried').reduce((sum, [, , count]) => sum + Number(count), 0)).toBe(2);
    expect(counts('consumed').reduce((sum, [, , count]) => sum + Number(count), 0)).toBeGreaterThanOrEqual(1);
  });

  it('dead-letters an event its handler rejects as permanent at once, and handles what follows on its key', async () => {
    const probe = await probeTopic({
      errorFor: (p) =>
        p.poison ? new PermanentEventError(`${p.probeId} contradicts the record`) : undefined,
    });
    const rejected = { probeId: randomUUID(), key: 'learner-5', poison: true };
    const after = { probeId: randomUUID(), key: 'learner-5' };
    await probe.send(rejected);
    await probe.send(after);

    await waitFor(() => probe.handledCount(after.probeId) === 1, {
      what: 'the event after the rejected one',
    });
    const letters = await readDeadLetters(kafka, deadLetterTopic(probe.contract.topic));
    expect(letters.map((letter) => letter.headers)).toEqual([
      expect.objectContaining({
        [DLQ_HEADERS.kind]: 'rejected',
        [DLQ_HEADERS.attempts]: '1',
        [DLQ_HEADERS.reason]: `${rejected.probeId} contradicts the record`,
      }),
    ]);
  });

  it('retries a transient failure for as long as it lasts (60 s), pausing only its partition, and never dead-letters it', async () => {
    const failingUntil = Date.now() + 60_000;
    const probe = await probeTopic({
      errorFor: (p) =>
        p.poison && Date.now() < failingUntil ? new TransientEventError('the database is away') : undefined,
    });
    const dlq = deadLetterTopic(probe.contract.topic);
    await ensureTopics(kafka, [dlq], { partitions: 3 });
    const stuck = { probeId: randomUUID(), key: 'learner-6', poison: true };
    const message = (data: Probe, partition: number) => ({
      partition,
      ...encodeEvent(probe.contract, data, { source: '/spec', correlationId: 'c' }),
    });
    await producer.send({ topic: probe.contract.topic, messages: [message(stuck, 0)] });
    await waitFor(() => probe.consumer.status().paused.some((p) => p.partition === 0), {
      what: 'partition 0 paused',
    });

    // Another partition moves on while partition 0 waits; far more attempts than the unknown-error bound (3).
    const elsewhere = { probeId: randomUUID(), key: 'learner-7' };
    await producer.send({ topic: probe.contract.topic, messages: [message(elsewhere, 1)] });
    await waitFor(() => probe.handledCount(elsewhere.probeId) === 1, { what: 'the event on partition 1' });
    expect(probe.handledCount(stuck.probeId)).toBe(0);
    expect(probe.consumer.status().paused).toEqual([
      expect.objectContaining({
        partition: 0,
        offset: '0',
        reason: expect.stringContaining('database is away'),
      }),
    ]);

    await waitFor(() => probe.handledCount(stuck.probeId) === 1, {
      what: 'the event once the failure is over',
      timeoutMs: 90_000,
    });
    expect(Date.now()).toBeGreaterThanOrEqual(failingUntil);
    await waitFor(() => probe.consumer.status().paused.length === 0, { what: 'the partition moving again' });
    expect(await messagesIn(dlq)).toBe(0);
  }, 150_000);

  it('replays a dead letter with the dlq command, and it is processed once the handler is fixed', async () => {
    if (!existsSync(DLQ_CLI))
      throw new Error(`${DLQ_CLI} is missing: run \`npm run build\` (make test does)`);
    const probe = await probeTopic({ brokenFor: () => true });
    const stuck = { probeId: randomUUID(), key: 'learner-4' };
    await probe.send(stuck);
    await waitFor(
      async () => (await readDeadLetters(kafka, deadLetterTopic(probe.contract.topic))).length === 1,
      {
        what: 'the dead letter',
      },
    );

    probe.state.broken = () => false;
    const env = { ...process.env, KAFKA_BROKERS: stack.kafkaBrokers.join(',') };
    const replay = await runCli('node', [DLQ_CLI, 'replay', probe.contract.topic], { env });
    expect(replay.stdout).toContain(
      `1 dead letter(s) replayed from ${deadLetterTopic(probe.contract.topic)}`,
    );
    await waitFor(() => probe.handledCount(stuck.probeId) === 1, {
      what: 'the replayed event to be handled',
    });

    const list = await runCli('node', [DLQ_CLI, 'list', probe.contract.topic], { env });
    expect(list.stdout).toContain('(replayed)');
    expect(list.stdout).toContain(`handler cannot handle ${stuck.probeId}`);
    const again = await runCli('node', [DLQ_CLI, 'replay', probe.contract.topic], { env });
    expect(again.stdout).toContain('0 dead letter(s) replayed');
  });
});
