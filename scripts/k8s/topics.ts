/**
 * Writes the Strimzi KafkaTopic resources of every contract topic (`npm run -s k8s:topics`), or prints them with
 * `--stdout` (`--prefix staging.` for a KAFKA_TOPIC_PREFIX; `--partitions N` for a KAFKA_TOPIC_PARTITIONS).
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { DEFAULT_LAYOUT, KAFKA_TOPICS_FILE, renderKafkaTopics } from './kafka-topics';

const { values } = parseArgs({
  options: {
    stdout: { type: 'boolean', default: false },
    prefix: { type: 'string', default: DEFAULT_LAYOUT.prefix },
    partitions: { type: 'string', default: String(DEFAULT_LAYOUT.partitions) },
  },
});
const partitions = Number(values.partitions);
if (!Number.isInteger(partitions) || partitions < 1) {
  console.error('--partitions must be a whole number from 1');
  process.exit(2);
}
const text = renderKafkaTopics({ ...DEFAULT_LAYOUT, prefix: values.prefix, partitions });
if (values.stdout) {
  process.stdout.write(text);
} else {
  const file = resolve(__dirname, '../../..', KAFKA_TOPICS_FILE);
  writeFileSync(file, text);
  console.log(
    `Wrote ${text.split('\nkind: KafkaTopic').length - 1} KafkaTopic resources to ${KAFKA_TOPICS_FILE}`,
  );
}
