import { join } from 'node:path';
import { Kafka, logLevel } from 'kafkajs';
import { type KafkaProcess, startKafka } from '@lib/testing';

const TOPIC = 'restart-check';
const GROUP = 'restart-check-group';

/**
 * `startKafka` brings the same broker back after a stop and after a kill: messages produced before either, and a
 * consumer group's committed offset, are still there. The launcher is this folder's `kafka.sh`, the one `make test`
 * names in TEST_KAFKA_LAUNCHER.
 */
describe("a Kafka broker of a spec's own, stopped and started again", () => {
  let kafka: KafkaProcess;

  beforeAll(async () => {
    kafka = await startKafka(join(__dirname, 'kafka.sh'));
  }, 120000);

  afterAll(async () => {
    await kafka?.remove();
  }, 120000);

  const client = () =>
    new Kafka({ clientId: 'kafka-process-spec', brokers: kafka.brokers, logLevel: logLevel.NOTHING });

  async function produce(value: string): Promise<void> {
    const producer = client().producer();
    await producer.connect();
    try {
      await producer.send({ topic: TOPIC, acks: -1, messages: [{ value }] });
    } finally {
      await producer.disconnect();
    }
  }

  async function readAll(): Promise<string[]> {
    const admin = client().admin();
    await admin.connect();
    try {
      const [end] = await admin.fetchTopicOffsets(TOPIC);
      const consumer = client().consumer({ groupId: `reader-${Date.now()}` });
      const values: string[] = [];
      await consumer.connect();
      await consumer.subscribe({ topic: TOPIC, fromBeginning: true });
      const done = new Promise<void>((resolve) => {
        void consumer.run({
          eachMessage: ({ message }) => {
            values.push(message.value!.toString());
            if (values.length === Number(end!.high)) resolve();
            return Promise.resolve();
          },
        });
      });
      await done;
      await consumer.disconnect();
      return values;
    } finally {
      await admin.disconnect();
    }
  }

  async function committedOffset(): Promise<string | undefined> {
    const admin = client().admin();
    await admin.connect();
    try {
      const [offsets] = await admin.fetchOffsets({ groupId: GROUP, topics: [TOPIC] });
      return offsets?.partitions[0]?.offset;
    } finally {
      await admin.disconnect();
    }
  }

  it('keeps produced messages and committed offsets across a stop and a kill', async () => {
    const admin = client().admin();
    await admin.connect();
    await admin.createTopics({ topics: [{ topic: TOPIC, numPartitions: 1 }], waitForLeaders: true });
    await admin.setOffsets({ groupId: GROUP, topic: TOPIC, partitions: [{ partition: 0, offset: '1' }] });
    await admin.disconnect();
    await produce('before the stop');

    await kafka.stop();
    await kafka.start();
    await produce('before the kill');
    expect(await committedOffset()).toBe('1');

    await kafka.kill();
    await kafka.start();
    expect(await readAll()).toEqual(['before the stop', 'before the kill']);
    expect(await committedOffset()).toBe('1');
  }, 180000);
});
