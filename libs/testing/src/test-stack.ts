/** Where the throwaway stack started by `make test` listens; integration specs read it from here. */
export interface TestStack {
  readonly kafkaBrokers: string[];
  readonly mongoServerUrl: string;
  /** The database's launcher script, for specs that start (and stop) a database of their own. */
  readonly databaseLauncher: string;
}

export function testStack(): TestStack {
  const kafka = process.env.TEST_KAFKA_BROKERS;
  const mongo = process.env.TEST_MONGODB_URL;
  const launcher = process.env.TEST_DATABASE_LAUNCHER;
  if (!kafka || !mongo || !launcher) {
    throw new Error('integration specs need the test stack: run them with `make test`');
  }
  return { kafkaBrokers: kafka.split(','), mongoServerUrl: mongo, databaseLauncher: launcher };
}
