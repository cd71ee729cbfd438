/** Where the throwaway stack started by `make test` listens; integration specs read it from here. */
export interface TestStack {
  readonly kafkaBrokers: string[];
  readonly mongoServerUrl: string;
  /** The database's launcher script, for specs that start (and stop) a database of their own. */
  readonly databaseLauncher: string;
  /** Kafka's launcher script (`deploy/local/kafka/kafka.sh`), for specs that start and stop a broker of their own. */
  readonly kafkaLauncher: string;
}

export function testStack(): TestStack {
  const kafka = process.env.TEST_KAFKA_BROKERS;
  const mongo = process.env.TEST_MONGODB_URL;
  const launcher = process.env.TEST_DATABASE_LAUNCHER;
  const kafkaLauncher = process.env.TEST_KAFKA_LAUNCHER;
  if (!kafka || !mongo || !launcher || !kafkaLauncher) {
    throw new Error('integration specs need the test stack: run them with `make test`');
  }
  return {
    kafkaBrokers: kafka.split(','),
    mongoServerUrl: mongo,
    databaseLauncher: launcher,
    kafkaLauncher,
  };
}
