/**
 * Issuing throughput on a running stack (`make up`), and the ES256 signing rate of libs/vc alone, in one run:
 *   npm run -s bench:issuing [-- --learners 300]
 * It registers its own awarding body, course, offering and achievement through the gateway, then sends each
 * learner's enrolment, completion and ratified result to Kafka as the other services would, and times how long the
 * credentials service takes to issue them all. It prints numbers; it asserts nothing.
 */
import { randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';
import {
  encodeEvent,
  enrolmentCompletedV1,
  enrolmentCreatedV1,
  type EventContract,
  type EventData,
  resultRatifiedV1,
} from '@lib/contracts';
import { createIdempotentProducer, createKafka, silentLogger } from '@lib/messaging';
import { achievementCredential, generateSigningKey, signCredential } from '@lib/vc';
import { MongoClient } from 'mongodb';
import { benchOffering, machine, post } from './bench-stack';

const { values } = parseArgs({
  options: {
    learners: { type: 'string', default: '300' },
    url: { type: 'string', default: 'http://localhost:3000' },
    brokers: { type: 'string', default: '127.0.0.1:9092' },
    mongo: { type: 'string', default: 'mongodb://127.0.0.1:27017' },
  },
});
const learners = Number(values.learners);

async function untilOk(what: string, attempt: () => Promise<unknown>): Promise<void> {
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

function signingRate(): number {
  const key = generateSigningKey('ES256');
  const credential = achievementCredential({
    id: `urn:uuid:${randomUUID()}`,
    issuer: { id: 'https://example.ac.uk/issuers/1', name: 'University' },
    validFrom: '2026-01-01T00:00:00Z',
    awardedDate: '2026-01-01T00:00:00Z',
    subject: { id: `urn:uuid:${randomUUID()}` },
    achievement: {
      id: 'https://example.ac.uk/achievements/1',
      name: 'App building in a day',
      description: 'd',
      criteria: 'c',
      achievementType: 'Course',
      credits: 5,
      level: { framework: 'FHEQ', level: 7, eqfLevel: 7 },
      humanCode: 'DH-APP-01',
      version: '1',
      resultDescriptions: [{ id: 'urn:uuid:mark', name: 'Mark', resultType: 'Percent' }],
    },
    creditsEarned: 5,
    results: [{ resultDescription: 'urn:uuid:mark', value: '68' }],
  });
  const signing = {
    algorithm: 'ES256' as const,
    kid: 'https://example.ac.uk/keys/1',
    privateKey: key.privateKeyPem,
  };
  const count = 2000;
  const started = process.hrtime.bigint();
  for (let i = 0; i < count; i += 1) signCredential(credential, signing);
  return count / (Number(process.hrtime.bigint() - started) / 1e9);
}

async function main(): Promise<void> {
  const { tag, registrar, universityId, courseId, offeringId } = await benchOffering(values.url, learners);
  await untilOk('defining the achievement', () =>
    post(values.url, '/api/credentials/achievements', registrar, { courseId, criteria: 'Attend and pass.' }),
  );

  const producer = createIdempotentProducer(
    createKafka({ brokers: values.brokers.split(','), clientId: 'bench-issuing', logger: silentLogger }),
  );
  await producer.connect();
  const scope = {
    offeringId: offeringId,
    courseId: courseId,
    awardingBodyId: universityId,
    deliveringOrganisationId: universityId,
  };
  const now = new Date().toISOString();
  const send = async <C extends EventContract>(contract: C, data: EventData<C>[]) => {
    const messages = data.map((d) => encodeEvent(contract, d, { source: '/bench', correlationId: tag }));
    for (let start = 0; start < messages.length; start += 500) {
      await producer.send({ topic: contract.topic, messages: messages.slice(start, start + 500) });
    }
  };
  const people = Array.from({ length: learners }, (_, n) => ({
    learnerId: randomUUID(),
    enrolmentId: randomUUID(),
    n,
  }));
  const started = Date.now();
  await send(
    enrolmentCreatedV1,
    people.map(({ learnerId, enrolmentId, n }) => ({
      ...scope,
      learnerId,
      enrolmentId,
      status: 'enrolled' as const,
      learner: { givenName: `G${n}`, familyName: 'Bench', email: `bench-${n}-${tag}@nhs.example` },
      enrolledBy: 'bench',
      enrolledAt: now,
    })),
  );
  await send(
    enrolmentCompletedV1,
    people.map((p) => ({
      ...scope,
      enrolmentId: p.enrolmentId,
      learnerId: p.learnerId,
      attendance: 'attended' as const,
      recordedBy: 'bench',
      completedAt: now,
    })),
  );
  await send(
    resultRatifiedV1,
    people.map((p) => ({
      resultId: randomUUID(),
      version: 1,
      learnerId: p.learnerId,
      offeringId: offeringId,
      courseId: courseId,
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
    })),
  );
  await producer.disconnect();

  const mongo = await MongoClient.connect(values.mongo);
  const issued = mongo.db('credit_bridge_credentials').collection('issued_credentials');
  let count = 0;
  while (count < learners) {
    await new Promise((done) => setTimeout(done, 500));
    count = await issued.countDocuments({ offeringId: offeringId });
    if (Date.now() - started > 15 * 60000)
      throw new Error(`only ${count} of ${learners} issued after 15 minutes`);
  }
  const seconds = (Date.now() - started) / 1000;
  await mongo.close();

  console.log(machine());
  console.log(
    `issuing: ${learners} credentials from ratified results in ${seconds.toFixed(1)} s = ${(learners / seconds).toFixed(1)} credentials/s (events sent to issued, on the running stack)`,
  );
  console.log(`libs/vc ES256 signing alone: ${signingRate().toFixed(0)} credentials/s`);
}

main().catch((error: unknown) => {
  console.error(`bench: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
