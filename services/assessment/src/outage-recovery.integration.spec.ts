import { randomUUID } from 'node:crypto';
import {
  coursePublishedV1,
  deadLetterTopic,
  enrolmentCreatedV1,
  offeringPublishedV1,
  TOPICS,
} from '@lib/contracts';
import { createKafka, silentLogger } from '@lib/messaging';
import {
  bearer,
  call,
  type DatabaseProcess,
  eventFactories,
  EventPublisher,
  EventRecorder,
  type KafkaProcess,
  type RunningService,
  startDatabase,
  startKafka,
  startTestService,
  testStack,
  testTopicPrefix,
  waitFor,
} from '@lib/testing';
import { assessmentService } from './assessment.definition';

/**
 * The database and Kafka go away while assessment consumes and serves, and come back: the service heals by itself
 * (no restart), `/ready` says so, the events that arrived meanwhile are handled, and none is dead-lettered.
 */
describe('assessment through outages of the database and of Kafka', () => {
  const stack = testStack();

  /** A course, an offering and a scheme, learned from events; marks for a learner once their enrolment is known. */
  async function university(assessment: RunningService, publisher: EventPublisher) {
    const awardingBodyId = randomUUID();
    const partnerId = randomUUID();
    const registrar = bearer('registrar', { org: awardingBodyId });
    const assessor = bearer('assessor', { org: partnerId });
    const course = eventFactories.coursePublished({ awardingBodyId });
    const offering = eventFactories.offeringPublished({
      awardingBodyId,
      deliveringOrganisationId: partnerId,
      courseId: course.courseId,
    });
    await publisher.publish(coursePublishedV1, course);
    await publisher.publish(offeringPublishedV1, offering);
    const scheme = {
      courseId: course.courseId,
      components: [{ name: 'Project', weight: 100, passMark: 40 }],
      overallPassMark: 40,
      maxAttempts: 2,
    };
    await waitFor(
      async () =>
        (await call(assessment.url, 'POST', '/api/assessment/schemes', { headers: registrar, body: scheme }))
          .status === 201,
      { what: 'the course to reach assessment' },
    );
    const enrolled = (learnerId: string) =>
      eventFactories.enrolmentCreated({
        learnerId,
        offeringId: offering.offeringId,
        courseId: course.courseId,
        awardingBodyId,
        deliveringOrganisationId: partnerId,
        status: 'enrolled',
      });
    const mark = (learnerId: string) =>
      call(assessment.url, 'POST', `/api/assessment/offerings/${offering.offeringId}/results`, {
        headers: assessor,
        body: { learnerId, marks: { Project: 70 } },
      });
    await waitFor(
      async () =>
        (
          await call(assessment.url, 'GET', `/api/assessment/offerings/${offering.offeringId}/results`, {
            headers: registrar,
          })
        ).status === 200,
      { what: 'the offering to reach assessment' },
    );
    return { enrolled, mark };
  }

  const ready = async (url: string) => call(url, 'GET', '/ready');

  async function messagesIn(brokers: string[], topic: string): Promise<number> {
    const admin = createKafka({ brokers, clientId: 'outage-spec', logger: silentLogger }).admin();
    await admin.connect();
    try {
      if (!(await admin.listTopics()).includes(topic)) return 0;
      const offsets = await admin.fetchTopicOffsets(topic);
      return offsets.reduce((sum, partition) => sum + Number(partition.high), 0);
    } finally {
      await admin.disconnect();
    }
  }

  describe('the database', () => {
    const prefix = testTopicPrefix();
    const publisher = new EventPublisher(prefix, '/spec/enrolment');
    const recorder = new EventRecorder(prefix);
    let database: DatabaseProcess;
    let assessment: RunningService;

    beforeAll(async () => {
      database = await startDatabase(stack.databaseLauncher);
      await publisher.start();
      assessment = await startTestService('assessment', assessmentService, {
        topicPrefix: prefix,
        mongoServerUrl: database.url,
      });
      await recorder.start();
    });

    afterAll(async () => {
      await recorder.stop();
      await assessment?.stop();
      await publisher.stop();
      await database?.remove();
    });

    it('goes not ready while it is away, handles what arrived meanwhile once it is back, and dead-letters nothing', async () => {
      const uni = await university(assessment, publisher);
      const before = randomUUID();
      await publisher.publish(enrolmentCreatedV1, uni.enrolled(before));
      expect((await uni.mark(before)).status).toBe(201);
      await recorder.waitFor(TOPICS.assessmentResultRecorded, (d) => d.learnerId === before);

      await database.stop();
      const down = await waitFor(
        async () => ((await ready(assessment.url)).status === 503 ? true : undefined),
        {
          what: '/ready to say the database is away',
        },
      );
      expect(down).toBe(true);
      expect((await ready(assessment.url)).body.checks).toMatchObject({ database: 'down' });
      const during = Array.from({ length: 10 }, () => randomUUID());
      for (const learnerId of during) await publisher.publish(enrolmentCreatedV1, uni.enrolled(learnerId));
      // Longer than the old five attempts took to dead-letter these events (about 27 s at most).
      const paused = await waitFor(
        async () => {
          const body = (await ready(assessment.url)).body;
          return body.detail?.events?.paused?.length > 0 ? body.detail.events.paused : undefined;
        },
        { what: 'the consumer to pause the partitions it cannot handle', timeoutMs: 30_000 },
      );
      expect(paused[0]).toMatchObject({ topic: `${prefix}${TOPICS.enrolmentEnrolmentCreated}` });
      await new Promise((resolve) => setTimeout(resolve, 30_000));

      await database.start();
      await waitFor(async () => (await ready(assessment.url)).status === 200, {
        what: '/ready to be 200 again',
        timeoutMs: 30_000,
      });
      for (const learnerId of during) {
        await waitFor(async () => (await uni.mark(learnerId)).status === 201, {
          what: 'marks to be taken again',
        });
      }
      for (const learnerId of during) {
        await recorder.waitFor(TOPICS.assessmentResultRecorded, (d) => d.learnerId === learnerId);
      }
      const dlq = deadLetterTopic(`${prefix}${TOPICS.enrolmentEnrolmentCreated}`);
      expect(await messagesIn(stack.kafkaBrokers, dlq)).toBe(0);
    }, 240_000);
  });

  describe('Kafka', () => {
    const prefix = testTopicPrefix();
    let kafka: KafkaProcess;
    let publisher: EventPublisher;
    let recorder: EventRecorder;
    let assessment: RunningService;

    beforeAll(async () => {
      kafka = await startKafka(stack.kafkaLauncher);
      publisher = new EventPublisher(prefix, '/spec/enrolment', kafka.brokers);
      recorder = new EventRecorder(prefix, kafka.brokers);
      await publisher.start();
      assessment = await startTestService('assessment', assessmentService, {
        topicPrefix: prefix,
        env: { KAFKA_BROKERS: kafka.brokers.join(',') },
      });
      await recorder.start();
    });

    afterAll(async () => {
      await recorder?.stop();
      await assessment?.stop();
      await publisher?.stop();
      await kafka?.remove();
    });

    it('goes not ready while it is away, then consumes and publishes again, without a restart', async () => {
      const uni = await university(assessment, publisher);
      const before = randomUUID();
      await publisher.publish(enrolmentCreatedV1, uni.enrolled(before));
      expect((await uni.mark(before)).status).toBe(201);
      await recorder.waitFor(TOPICS.assessmentResultRecorded, (d) => d.learnerId === before);

      await kafka.stop();
      await waitFor(async () => (await ready(assessment.url)).status === 503, {
        what: '/ready to say Kafka is away',
      });
      expect((await ready(assessment.url)).body.checks).toMatchObject({ kafka: 'down', database: 'up' });
      await new Promise((resolve) => setTimeout(resolve, 20_000));

      await kafka.start();
      await waitFor(
        async () => {
          const answer = await ready(assessment.url);
          if (answer.status !== 200) throw new Error(JSON.stringify(answer.body));
          return true;
        },
        { what: '/ready to be 200 again', timeoutMs: 60_000 },
      );
      // The consumer takes the new enrolment and the outbox relay publishes the result it announces.
      const after = randomUUID();
      await publisher.publish(enrolmentCreatedV1, uni.enrolled(after));
      expect((await uni.mark(after)).status).toBe(201);
      await recorder.waitFor(TOPICS.assessmentResultRecorded, (d) => d.learnerId === after);
      const dlq = deadLetterTopic(`${prefix}${TOPICS.enrolmentEnrolmentCreated}`);
      expect(await messagesIn(kafka.brokers, dlq)).toBe(0);
    }, 300_000);
  });
});
