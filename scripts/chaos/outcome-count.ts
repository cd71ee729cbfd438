import { headersToStrings, TOPICS } from '@lib/contracts';
import { DLQ_HEADERS, listDeadLetterTopics } from '@lib/messaging';
import type { Kafka } from 'kafkajs';
import type { MongoClient } from 'mongodb';
import { endOffsets, readFrom, type TopicOffsets } from './topic-reader';

/** Where the counts are read: read-only, as an operator would. */
export interface CountSources {
  mongo: MongoClient;
  kafka: Kafka;
  credentialsDatabase: string;
  recognitionDatabase: string;
  /** The issued topic's ends when the run started. */
  issuedFrom: TopicOffsets;
  /** Each dead-letter topic's ends when the run started: what came after is this run's. */
  deadLettersFrom: Map<string, TopicOffsets>;
}

/** For one learner: the distinct credential ids each place knows, and how many issued events were delivered. */
export interface LearnerOutcome {
  credentials: Set<string>;
  recognitionCopies: Set<string>;
  issuedEvents: Set<string>;
  issuedDeliveries: number;
}

export interface DeadLetterSummary {
  count: number;
  /** `<topic> <kind>: <reason>` with how many, a few distinct ones. */
  reasons: Map<string, number>;
}

export interface Counts {
  learners: Map<string, LearnerOutcome>;
  deadLetters: DeadLetterSummary;
}

/** Counts, for this run's learners, their credentials, recognition's copies, issued events and the dead letters. */
export async function countOutcomes(
  sources: CountSources,
  offeringIds: readonly string[],
  learnerIds: readonly string[],
): Promise<Counts> {
  const learners = new Map<string, LearnerOutcome>(
    learnerIds.map((id) => [
      id,
      { credentials: new Set(), recognitionCopies: new Set(), issuedEvents: new Set(), issuedDeliveries: 0 },
    ]),
  );
  const credentials = await sources.mongo
    .db(sources.credentialsDatabase)
    .collection<{ _id: string; learnerId: string; credentialId: string }>('issued_credentials')
    .find({ offeringId: { $in: [...offeringIds] } }, { projection: { learnerId: 1, credentialId: 1 } })
    .toArray();
  for (const c of credentials) learners.get(c.learnerId)?.credentials.add(c.credentialId);
  const copies = await sources.mongo
    .db(sources.recognitionDatabase)
    .collection<{ _id: string; learnerId: string }>('known_credentials')
    .find({ learnerId: { $in: [...learnerIds] } }, { projection: { learnerId: 1 } })
    .toArray();
  for (const copy of copies) learners.get(copy.learnerId)?.recognitionCopies.add(copy._id);
  const offerings = new Set(offeringIds);
  for (const message of await readFrom(
    sources.kafka,
    TOPICS.credentialsCredentialIssued,
    sources.issuedFrom,
  )) {
    const data = JSON.parse(message.value?.toString() ?? '{}') as Record<string, unknown>;
    if (typeof data.offeringId !== 'string' || !offerings.has(data.offeringId)) continue;
    const outcome = learners.get(String(data.learnerId));
    if (!outcome) continue;
    outcome.issuedEvents.add(String(data.credentialId));
    outcome.issuedDeliveries += 1;
  }
  return { learners, deadLetters: await deadLettersSince(sources.kafka, sources.deadLettersFrom) };
}

/** The ends of every dead-letter topic now, to count from. */
export async function deadLetterEnds(kafka: Kafka): Promise<Map<string, TopicOffsets>> {
  const ends = new Map<string, TopicOffsets>();
  for (const topic of await listDeadLetterTopics(kafka)) ends.set(topic, await endOffsets(kafka, topic));
  return ends;
}

/** Dead letters on every `*.dlq` topic produced since `from`, whatever learner they were about. */
async function deadLettersSince(kafka: Kafka, from: Map<string, TopicOffsets>): Promise<DeadLetterSummary> {
  const summary: DeadLetterSummary = { count: 0, reasons: new Map() };
  const now = await deadLetterEnds(kafka);
  for (const [topic, ends] of now) {
    const start = from.get(topic) ?? new Map<number, bigint>();
    if (![...ends].some(([partition, end]) => end > (start.get(partition) ?? 0n))) continue;
    for (const message of await readFrom(kafka, topic, start)) {
      const headers = headersToStrings(message.headers);
      summary.count += 1;
      const reason = `${topic} ${headers[DLQ_HEADERS.kind]}: ${(headers[DLQ_HEADERS.reason] ?? '').slice(0, 160)}`;
      summary.reasons.set(reason, (summary.reasons.get(reason) ?? 0) + 1);
    }
  }
  return summary;
}
