/**
 * Dead letters from the command line:
 *   npm run -s dlq -- list [topic]      every dead letter (all `*.dlq` topics when none is named)
 *   npm run -s dlq -- replay <topic>    re-publish the dead letters not replayed yet to their original topic
 * <topic> may be the dead-letter topic or the original one. Brokers: KAFKA_BROKERS (default 127.0.0.1:9092).
 */
import { deadLetterTopic, isDeadLetterTopic } from '@lib/contracts';
import { DLQ_HEADERS } from '../dead-letter-headers';
import { listDeadLetterTopics, readDeadLetters, replayDeadLetters, type DeadLetter } from '../dead-letters';
import { createKafka } from '../kafka-client';

const USAGE = 'usage: npm run -s dlq -- list [topic] | replay <topic>';

function describe(letter: DeadLetter): string {
  const h = letter.headers;
  return [
    `${letter.topic}[${letter.partition}]@${letter.offset}${letter.replayed ? ' (replayed)' : ''}`,
    `  from ${h[DLQ_HEADERS.originalTopic]}[${h[DLQ_HEADERS.originalPartition]}]@${h[DLQ_HEADERS.originalOffset]}` +
      ` group ${h[DLQ_HEADERS.consumerGroup]} event ${h.ce_id ?? '(no ce_id)'} key ${letter.key ?? '(none)'}`,
    `  ${h[DLQ_HEADERS.kind]} after ${h[DLQ_HEADERS.attempts]} attempt(s) at ${h[DLQ_HEADERS.failedAt]}: ${h[DLQ_HEADERS.reason]}`,
  ].join('\n');
}

async function main(args: string[]): Promise<void> {
  const [command, topicArg] = args;
  const kafka = createKafka({
    brokers: (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(','),
    clientId: 'credit-bridge-dlq',
  });
  const toDlq = (topic: string): string => (isDeadLetterTopic(topic) ? topic : deadLetterTopic(topic));
  if (command === 'list') {
    const topics = topicArg ? [toDlq(topicArg)] : await listDeadLetterTopics(kafka);
    let count = 0;
    for (const topic of topics) {
      for (const letter of await readDeadLetters(kafka, topic)) {
        console.log(describe(letter));
        count += 1;
      }
    }
    console.log(`${count} dead letter(s) in ${topics.length} topic(s)`);
  } else if (command === 'replay' && topicArg) {
    const replayed = await replayDeadLetters(kafka, toDlq(topicArg));
    for (const letter of replayed)
      console.log(`replayed ${letter.topic}[${letter.partition}]@${letter.offset}`);
    console.log(`${replayed.length} dead letter(s) replayed from ${toDlq(topicArg)}`);
  } else {
    throw new Error(USAGE);
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(`dlq: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
