import { randomUUID } from 'node:crypto';
import { cpus, totalmem } from 'node:os';
import { resolve } from 'node:path';
import { DevIdentityProvider } from '@lib/auth';
import {
  encodeEvent,
  enrolmentCompletedV1,
  enrolmentCreatedV1,
  type EventContract,
  type EventData,
  resultRatifiedV1,
} from '@lib/contracts';
import { createIdempotentProducer, createKafka, silentLogger } from '@lib/messaging';
import { MongoClient } from 'mongodb';

/** The development identity provider `make up` trusts. */
export const devIdentityProvider = (): DevIdentityProvider =>
  new DevIdentityProvider(resolve(process.env.DEV_IDP_DIR ?? '.run/dev-idp'));

/** The fields of the answers the benchmark scripts read. */
export interface Answer {
  id: string;
  enrolled: number;
  waitlisted: number;
  duplicate: number;
  invalid: number;
}

export async function post(
  base: string,
  path: string,
  token: string,
  body: unknown,
  contentType = 'application/json',
): Promise<Answer> {
  const response = await fetch(`${base}${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': contentType },
    body: typeof body === 'string' ? body : JSON.stringify(body),
    // A request lost in a fault (a gateway killed mid-answer) fails instead of waiting for ever.
    signal: AbortSignal.timeout(60000),
  });
  const answer = (await response.json()) as Answer;
  if (!response.ok) throw new Error(`${path}: ${response.status} ${JSON.stringify(answer)}`);
  return answer;
}

/** A fresh awarding body with one course and one open offering it delivers itself (tokens from `idp`). */
export async function benchOffering(base: string, capacity: number, idp = devIdentityProvider()) {
  const tag = randomUUID().slice(0, 8);
  const university = await post(base, '/api/enrolment/organisations', idp.mint({ roles: ['admin'] }), {
    kind: 'awarding-body',
    name: `Bench University ${tag}`,
  });
  const registrar = idp.mint({ roles: ['registrar'], org: university.id });
  const course = await post(base, '/api/enrolment/courses', registrar, {
    code: `BENCH-${tag.toUpperCase()}`,
    title: 'Data in a day',
    description: 'Benchmark course',
    learningOutcomes: ['Analyse a clinical data set'],
    format: 'workshop',
    notionalHours: 50,
    credits: 5,
    level: { framework: 'FHEQ', level: 7, eqfLevel: 7 },
  });
  const offering = await post(base, '/api/enrolment/offerings', registrar, {
    courseId: course.id,
    deliveringOrganisationId: university.id,
    startDate: '2027-01-15',
    endDate: '2027-01-15',
    mode: 'online',
    capacity,
    enrolmentOpensAt: new Date(Date.now() - 60000).toISOString(),
    enrolmentClosesAt: new Date(Date.now() + 86400000).toISOString(),
  });
  await post(base, `/api/enrolment/offerings/${offering.id}/publish`, registrar, {});
  return { tag, registrar, universityId: university.id, courseId: course.id, offeringId: offering.id };
}

export function machine(): string {
  return `machine: ${cpus().length} cores (${cpus()[0]?.model ?? 'unknown'}), ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
}

/** Retries until it succeeds or a minute has passed (a course takes a moment to reach credentials). */
export async function untilOk(what: string, attempt: () => Promise<unknown>): Promise<void> {
  const deadline = Date.now() + 60000;
  for (;;) {
    try {
      await attempt();
      return;
    } catch (error) {
      if (Date.now() > deadline) throw new Error(`${what}: ${(error as Error).message}`);
      await new Promise((done) => setTimeout(done, 250));
    }
  }
}

/** The offering the award events are about. */
export interface BenchOffering {
  tag: string;
  universityId: string;
  courseId: string;
  offeringId: string;
}

/** One learner of the benchmark, with their enrolment. */
interface BenchLearner {
  learnerId: string;
  enrolmentId: string;
  n: number;
}

type SendEvents = <C extends EventContract>(contract: C, data: EventData<C>[]) => Promise<void>;

/**
 * Sends, on Kafka as the other services would, each learner's enrolment, completion and ratified pass on an
 * offering, so that the credentials service issues them credentials. The ratifications go all at once, or at
 * `ratifiedPerSecond`; resolves with when each learner's ratification was sent (ms since the epoch).
 */
export async function sendAwardEvents(
  brokers: string,
  offering: BenchOffering,
  learners: number,
  { ratifiedPerSecond, settleMs = 0 }: { ratifiedPerSecond?: number; settleMs?: number } = {},
): Promise<Map<string, number>> {
  const producer = createIdempotentProducer(
    createKafka({ brokers: brokers.split(','), clientId: 'bench', logger: silentLogger }),
  );
  await producer.connect();
  const send: SendEvents = async (contract, data) => {
    const messages = data.map((d) =>
      encodeEvent(contract, d, { source: '/bench', correlationId: offering.tag }),
    );
    for (let start = 0; start < messages.length; start += 500) {
      await producer.send({ topic: contract.topic, messages: messages.slice(start, start + 500) });
    }
  };
  const people = Array.from({ length: learners }, (_, n) => ({
    learnerId: randomUUID(),
    enrolmentId: randomUUID(),
    n,
  }));
  const now = new Date().toISOString();
  await send(enrolmentCreatedV1, enrolledEvents(offering, people, now));
  await send(enrolmentCompletedV1, completedEvents(offering, people, now));
  // Paced runs measure ratification to credential, so the enrolments are given time to arrive first.
  await new Promise((done) => setTimeout(done, settleMs));
  const sentAt = new Map<string, number>();
  const ratified = ratifiedPassEvents(offering, people, now);
  // Paced: a tenth of a second's worth every 100 ms.
  const chunk = ratifiedPerSecond ? Math.max(1, Math.round(ratifiedPerSecond / 10)) : ratified.length;
  for (let start = 0; start < ratified.length; start += chunk) {
    const tick = Date.now();
    const part = ratified.slice(start, start + chunk);
    await send(resultRatifiedV1, part);
    for (const event of part) sentAt.set(event.learnerId, tick);
    if (ratifiedPerSecond)
      await new Promise((done) => setTimeout(done, Math.max(0, tick + 100 - Date.now())));
  }
  await producer.disconnect();
  return sentAt;
}

/** The offering's facts that every enrolment event repeats. */
function enrolmentScope({ universityId, courseId, offeringId }: BenchOffering) {
  return { offeringId, courseId, awardingBodyId: universityId, deliveringOrganisationId: universityId };
}

function enrolledEvents(
  offering: BenchOffering,
  people: BenchLearner[],
  now: string,
): EventData<typeof enrolmentCreatedV1>[] {
  return people.map(({ learnerId, enrolmentId, n }) => ({
    ...enrolmentScope(offering),
    learnerId,
    enrolmentId,
    status: 'enrolled' as const,
    learner: { givenName: `G${n}`, familyName: 'Bench', email: `bench-${n}-${offering.tag}@nhs.example` },
    enrolledBy: 'bench',
    enrolledAt: now,
  }));
}

function completedEvents(
  offering: BenchOffering,
  people: BenchLearner[],
  now: string,
): EventData<typeof enrolmentCompletedV1>[] {
  return people.map((p) => ({
    ...enrolmentScope(offering),
    enrolmentId: p.enrolmentId,
    learnerId: p.learnerId,
    attendance: 'attended' as const,
    recordedBy: 'bench',
    completedAt: now,
  }));
}

function ratifiedPassEvents(
  { offeringId, courseId }: BenchOffering,
  people: BenchLearner[],
  now: string,
): EventData<typeof resultRatifiedV1>[] {
  return people.map((p) => ({
    resultId: randomUUID(),
    version: 1,
    learnerId: p.learnerId,
    offeringId,
    courseId,
    attempt: 1,
    components: [{ name: 'Project', weight: 100, mark: 68 }],
    overallMark: 68,
    grade: 'Pass',
    passed: true,
    recordedBy: 'bench',
    recordedAt: now,
    status: 'ratified' as const,
    ratifiedBy: 'bench',
    ratifiedAt: now,
  }));
}

/** Where a benchmark finds the running stack: the gateway's URL, Kafka's brokers and the database. */
export interface BenchStack {
  url: string;
  brokers: string;
  mongo: string;
}

/** A credential the benchmark issued, as the credentials service stored it. */
export interface BenchCredential {
  jwt: string;
  credentialId: string;
  learnerId: string;
}

/**
 * Issues `count` credentials on a fresh offering, the ratifications sent on Kafka as assessment would, and waits
 * (five minutes at most) until the credentials service has stored them all.
 */
export async function benchCredentials(stack: BenchStack, count: number): Promise<BenchCredential[]> {
  const offering = await benchOffering(stack.url, count);
  await untilOk('defining the achievement', () =>
    post(stack.url, '/api/credentials/achievements', offering.registrar, {
      courseId: offering.courseId,
      criteria: 'Attend and pass.',
    }),
  );
  await sendAwardEvents(stack.brokers, offering, count);
  const mongo = await MongoClient.connect(stack.mongo);
  try {
    const issued = mongo.db('credit_bridge_credentials').collection<BenchCredential>('issued_credentials');
    const deadline = Date.now() + 5 * 60000;
    for (;;) {
      const found = await issued
        .find({ offeringId: offering.offeringId }, { projection: { jwt: 1, credentialId: 1, learnerId: 1 } })
        .toArray();
      if (found.length >= count) return found;
      if (Date.now() > deadline) throw new Error(`only ${found.length} of ${count} credentials issued`);
      await new Promise((done) => setTimeout(done, 500));
    }
  } finally {
    await mongo.close();
  }
}
