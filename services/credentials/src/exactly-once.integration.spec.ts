import { randomUUID } from 'node:crypto';
import {
  coursePublishedV1,
  encodeEvent,
  enrolmentCompletedV1,
  enrolmentCreatedV1,
  type EventContract,
  type EventData,
  offeringPublishedV1,
  organisationRegisteredV1,
  resultRatifiedV1,
} from '@lib/contracts';
import { createIdempotentProducer, createKafka, silentLogger } from '@lib/messaging';
import {
  bearer,
  call,
  eventFactories,
  spawnService,
  specRandom,
  testIdentityProvider,
  testStack,
  testTopicPrefix,
  waitFor,
} from '@lib/testing';
import { decodeProtectedHeader, importJWK, type JWK, jwtVerify } from 'jose';
import { MongoClient } from 'mongodb';
import type { Message, Producer } from 'kafkajs';

const LEARNERS = 500;

/** 500 learners' events, each delivered twice and shuffled across topics, with the service killed half way. */
describe('issuing exactly once', () => {
  const random = specRandom('issuing exactly once');
  const prefix = testTopicPrefix();
  const database = `spec_credentials_${randomUUID().slice(0, 8)}`;
  const env = {
    NODE_ENV: 'test',
    MONGODB_URL: testStack().mongoServerUrl,
    MONGODB_DATABASE: database,
    KAFKA_BROKERS: testStack().kafkaBrokers.join(','),
    KAFKA_GROUP_ID: `spec-credentials-${randomUUID().slice(0, 8)}`,
    KAFKA_TOPIC_PREFIX: prefix,
    AUTH_JWKS_FILE: testIdentityProvider().jwksFile,
  };
  let producer: Producer;
  let mongo: MongoClient;

  beforeAll(async () => {
    producer = createIdempotentProducer(
      createKafka({ brokers: testStack().kafkaBrokers, clientId: 'spec-producer', logger: silentLogger }),
    );
    await producer.connect();
    mongo = await MongoClient.connect(testStack().mongoServerUrl);
  });

  afterAll(async () => {
    await producer.disconnect();
    await mongo.close();
  });

  function message<C extends EventContract>(
    contract: C,
    data: EventData<C>,
  ): { topic: string; message: Message } {
    const encoded = encodeEvent(contract, data, { source: '/spec', correlationId: 'exactly-once' });
    return {
      topic: `${prefix}${encoded.topic}`,
      message: { key: encoded.key, value: encoded.value, headers: encoded.headers },
    };
  }

  async function send(messages: { topic: string; message: Message }[]): Promise<void> {
    for (let start = 0; start < messages.length; start += 200) {
      const batch = messages.slice(start, start + 200);
      const topics = [...new Set(batch.map((m) => m.topic))];
      await producer.sendBatch({
        topicMessages: topics.map((topic) => ({
          topic,
          messages: batch.filter((m) => m.topic === topic).map((m) => m.message),
        })),
      });
    }
  }

  const issuedCount = () => mongo.db(database).collection('issued_credentials').countDocuments();

  it('issues exactly 500 credentials, every one verifiable', async () => {
    const awardingBodyId = randomUUID();
    const registrar = bearer('registrar', { org: awardingBodyId });
    const course = eventFactories.coursePublished({ awardingBodyId });
    const offering = eventFactories.offeringPublished({
      awardingBodyId,
      deliveringOrganisationId: awardingBodyId,
      courseId: course.courseId,
    });
    let service = await spawnService('credentials', env);
    await send([
      message(
        organisationRegisteredV1,
        eventFactories.organisationRegistered({
          organisationId: awardingBodyId,
          kind: 'awarding-body',
          name: 'University',
        }),
      ),
      message(coursePublishedV1, course),
      message(offeringPublishedV1, offering),
    ]);
    await waitFor(
      async () => {
        const body = { courseId: course.courseId, criteria: 'Attend and pass.' };
        return (
          (await call(service.url, 'POST', '/api/credentials/achievements', { headers: registrar, body }))
            .status === 201
        );
      },
      { what: 'the course to reach credentials' },
    );

    const scope = {
      offeringId: offering.offeringId,
      courseId: course.courseId,
      awardingBodyId,
      deliveringOrganisationId: awardingBodyId,
    };
    const events = Array.from({ length: LEARNERS }, () => {
      const learnerId = randomUUID();
      const enrolmentId = randomUUID();
      return [
        message(enrolmentCreatedV1, eventFactories.enrolmentCreated({ ...scope, learnerId, enrolmentId })),
        message(
          enrolmentCompletedV1,
          eventFactories.enrolmentCompleted({ ...scope, learnerId, enrolmentId }),
        ),
        message(
          resultRatifiedV1,
          eventFactories.resultRatified({
            offeringId: offering.offeringId,
            courseId: course.courseId,
            learnerId,
          }),
        ),
      ];
    }).flat();
    const deliveries = random.shuffle([...events, ...events]);
    const half = deliveries.length / 2;

    await send(deliveries.slice(0, half));
    await waitFor(async () => (await issuedCount()) >= 20, {
      what: 'issuing to be under way',
      timeoutMs: 120000,
    });
    await service.kill();
    await send(deliveries.slice(half));
    service = await spawnService('credentials', env);

    await waitFor(async () => (await issuedCount()) === LEARNERS, {
      what: `${LEARNERS} credentials`,
      timeoutMs: 420000,
      intervalMs: 1000,
    });
    const issued = await mongo.db(database).collection('issued_credentials').find({}).toArray();
    expect(new Set(issued.map((c) => c.learnerId)).size).toBe(LEARNERS);
    expect(new Set(issued.map((c) => c.credentialId)).size).toBe(LEARNERS);

    const keys = new Map<string, any>();
    for (const { jwt, credentialId } of issued) {
      const { kid } = decodeProtectedHeader(jwt as string);
      if (!keys.has(kid!)) {
        const jwk = (await (
          await fetch(`${service.url}${kid!.replace('http://localhost:3000', '')}`)
        ).json()) as JWK;
        keys.set(kid!, await importJWK(jwk, 'ES256'));
      }
      const { payload } = await jwtVerify(jwt as string, keys.get(kid!));
      expect(payload.jti).toBe(credentialId);
    }
    await service.stop();
  }, 600000);
});
