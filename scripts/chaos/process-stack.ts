import { join } from 'node:path';
import {
  type DatabaseProcess,
  freePort,
  type KafkaProcess,
  type ServiceProcess,
  spawnService,
  startDatabase,
  startKafka,
} from '@lib/testing';
import { LOCAL_SERVICES } from './local-stack-faults';
import { ProcessFaults } from './process-faults';

export interface ProcessStackOptions {
  databaseLauncher: string;
  kafkaLauncher: string;
  /** The JWKS file the services trust (the tokens' identity provider). */
  jwksFile: string;
  /** Each service's output goes to `<logDir>/<name>.log`. */
  logDir: string;
}

/** A whole system of a spec's own: where it answers, and the faults that can be done to it. */
export interface ProcessStack {
  gatewayUrl: string;
  serviceUrls: Record<string, string>;
  brokers: string[];
  mongoUrl: string;
  faults: ProcessFaults;
  /** The database's and Kafka's data folders, kept by `stop()` to look into after a failed run. */
  dataDirs: string[];
  /** Stops every process, keeping the data folders. */
  stop(): Promise<void>;
  /** Stops every process and deletes the database's and Kafka's folders. */
  remove(): Promise<void>;
}

/**
 * Starts a database, a Kafka broker and the five built services (`dist/`), each its own process on free ports, with
 * the services' default database names and consumer groups: what `make up` runs, for a spec that kills parts of it.
 */
export async function startProcessStack(options: ProcessStackOptions): Promise<ProcessStack> {
  const started: (DatabaseProcess | KafkaProcess)[] = [];
  const services = new Map<string, ServiceProcess>();
  const end = async (keep: boolean) => {
    for (const service of [...services.values()].reverse()) await service.kill();
    for (const part of [...started].reverse()) await (keep ? part.stop() : part.remove());
  };
  const remove = () => end(false);
  try {
    const database: DatabaseProcess = await startDatabase(options.databaseLauncher);
    started.push(database);
    const kafka: KafkaProcess = await startKafka(options.kafkaLauncher);
    started.push(kafka);
    const gatewayPort = await freePort();
    const gatewayUrl = `http://127.0.0.1:${gatewayPort}`;
    const common = {
      NODE_ENV: 'test',
      MONGODB_URL: database.url,
      KAFKA_BROKERS: kafka.brokers.join(','),
      AUTH_JWKS_FILE: options.jwksFile,
      PUBLIC_BASE_URL: gatewayUrl,
    };
    for (const name of LOCAL_SERVICES.filter((service) => service !== 'gateway')) {
      const logFile = join(options.logDir, `${name}.log`);
      services.set(name, await spawnService(name, common, { logFile, readyTimeoutMs: 120000 }));
    }
    const upstream = (name: string) => services.get(name)?.url;
    const gatewayEnv = {
      ...common,
      ENROLMENT_URL: upstream('enrolment'),
      ASSESSMENT_URL: upstream('assessment'),
      CREDENTIALS_URL: upstream('credentials'),
      RECOGNITION_URL: upstream('recognition'),
    };
    const logFile = join(options.logDir, 'gateway.log');
    services.set(
      'gateway',
      await spawnService('gateway', gatewayEnv, { port: gatewayPort, logFile, readyTimeoutMs: 120000 }),
    );
    return {
      gatewayUrl,
      serviceUrls: Object.fromEntries([...services].map(([name, service]) => [name, service.url])),
      brokers: kafka.brokers,
      mongoUrl: database.url,
      faults: new ProcessFaults(services, kafka, database),
      dataDirs: [database.dataDir, kafka.dataDir],
      stop: () => end(true),
      remove,
    };
  } catch (error) {
    await remove();
    throw error;
  }
}
