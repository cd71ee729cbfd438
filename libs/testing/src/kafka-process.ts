import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Kafka, logLevel } from 'kafkajs';
import { freePort } from './free-port';
import { RestartableProcess, startedInFolder } from './restartable-process';

/**
 * A Kafka broker of a spec's own, for specs that take Kafka away. `start()` after `stop()` or `kill()` brings the
 * same broker back on the same ports with the same data folder: topics, messages and committed offsets survive.
 */
export interface KafkaProcess {
  readonly brokers: string[];
  readonly dataDir: string;
  /** Starts it again and waits until it answers a metadata request; does nothing while it runs. */
  start(): Promise<void>;
  /** SIGTERM: a controlled shutdown (a few seconds). Resolves once the process has exited. */
  stop(): Promise<void>;
  /** SIGKILL: nothing runs on the way out. Resolves once the process has exited. */
  kill(): Promise<void>;
  /** Stops it and deletes its folder; for afterAll/finally. */
  remove(): Promise<void>;
}

/**
 * Starts a single-node KRaft broker through `deploy/local/kafka/kafka.sh` (the launcher `make test` passes in
 * TEST_KAFKA_LAUNCHER) on free broker and controller ports and a fresh folder, and waits until it answers.
 */
export async function startKafka(launcher: string): Promise<KafkaProcess> {
  const brokerPort = await freePort();
  let controllerPort = await freePort();
  while (controllerPort === brokerPort) controllerPort = await freePort();
  const folder = mkdtempSync(join(tmpdir(), 'credit-bridge-kafka-'));
  const dataDir = join(folder, 'data');
  mkdirSync(dataDir);
  const properties = join(folder, 'server.properties');
  writeFileSync(properties, serverProperties(brokerPort, controllerPort, dataDir));
  const brokers = [`127.0.0.1:${brokerPort}`];
  const server = new RestartableProcess(`Kafka on port ${brokerPort}`, launcher, [properties], () =>
    answersMetadata(brokers),
  );
  return { brokers, dataDir, ...(await startedInFolder(server, folder)) };
}

/** The same settings as the local stack's broker (`deploy/local/infra.sh`), on the given ports and folder. */
function serverProperties(brokerPort: number, controllerPort: number, dataDir: string): string {
  return [
    'process.roles=broker,controller',
    'node.id=1',
    `controller.quorum.voters=1@127.0.0.1:${controllerPort}`,
    `listeners=PLAINTEXT://127.0.0.1:${brokerPort},CONTROLLER://127.0.0.1:${controllerPort}`,
    `advertised.listeners=PLAINTEXT://127.0.0.1:${brokerPort}`,
    'inter.broker.listener.name=PLAINTEXT',
    'controller.listener.names=CONTROLLER',
    'listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT',
    `log.dirs=${dataDir}`,
    'num.partitions=6',
    'default.replication.factor=1',
    'min.insync.replicas=1',
    'offsets.topic.replication.factor=1',
    'offsets.topic.num.partitions=1',
    'transaction.state.log.replication.factor=1',
    'transaction.state.log.min.isr=1',
    'transaction.state.log.num.partitions=1',
    'group.initial.rebalance.delay.ms=0',
    'auto.create.topics.enable=false',
    'num.network.threads=2',
    'num.io.threads=2',
    'background.threads=2',
    'log.cleaner.dedupe.buffer.size=33554432',
    '',
  ].join('\n');
}

async function answersMetadata(brokers: string[]): Promise<boolean> {
  const admin = new Kafka({
    clientId: 'credit-bridge-kafka-process',
    brokers,
    logLevel: logLevel.NOTHING,
    connectionTimeout: 1000,
    retry: { retries: 0 },
  }).admin();
  try {
    await admin.connect();
    return (await admin.describeCluster()).brokers.length > 0;
  } finally {
    await admin.disconnect().catch(() => undefined);
  }
}
