import { randomUUID } from 'node:crypto';
import {
  coursePublishedV1,
  enrolmentCreatedV1,
  enrolmentWithdrawnV1,
  type EventContract,
  type EventData,
  offeringPublishedV1,
  TOPICS,
  waitlistPromotedV1,
} from '@lib/contracts';
import {
  bearer,
  call,
  eventFactories,
  EventPublisher,
  EventRecorder,
  type RunningService,
  startTestService,
  testTopicPrefix,
  waitFor,
} from '@lib/testing';
import { assessmentService } from './assessment.definition';

/** Assessment reaches the same results whatever the order, repetition or interruption of the events it learns from. */
describe('assessment under reordered, repeated and interrupted events', () => {
  const prefix = testTopicPrefix();
  const recorder = new EventRecorder(prefix);
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
  const publisher = new EventPublisher(prefix, '/spec/enrolment');
  let assessment: RunningService;

  const publish = <C extends EventContract>(contract: C, data: EventData<C>, id?: string) =>
    publisher.publish(contract, data, id);

  const enrolled = (learnerId: string, status: 'enrolled' | 'waitlisted' = 'enrolled') =>
    eventFactories.enrolmentCreated({
      learnerId,
      offeringId: offering.offeringId,
      courseId: course.courseId,
      awardingBodyId,
      deliveringOrganisationId: partnerId,
      status,
    });
  const mark = (learnerId: string, value: number) =>
    call(assessment.url, 'POST', `/api/assessment/offerings/${offering.offeringId}/results`, {
      headers: assessor,
      body: { learnerId, marks: { Project: value } },
    });
  const resultsOf = async (learnerId: string): Promise<any[]> => {
    const path = `/api/assessment/offerings/${offering.offeringId}/results?pageSize=200`;
    const page = (await call(assessment.url, 'GET', path, { headers: registrar })).body;
    return page.items.filter((result: any) => result.learnerId === learnerId);
  };

  beforeAll(async () => {
    await publisher.start();
    assessment = await startTestService('assessment', assessmentService, { topicPrefix: prefix });
    await recorder.start();
    await publish(coursePublishedV1, course);
    await publish(coursePublishedV1, course);
    await publish(offeringPublishedV1, offering);
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
      {
        what: 'the course to reach assessment',
      },
    );
    await waitFor(
      async () =>
        (
          await call(assessment.url, 'GET', `/api/assessment/offerings/${offering.offeringId}/results`, {
            headers: registrar,
          })
        ).status === 200,
      {
        what: 'the offering to reach assessment',
      },
    );
  });

  afterAll(async () => {
    await recorder.stop();
    await assessment.stop();
    await publisher.stop();
  });

  it('gives the same result for marks recorded after the enrolment event and before it, with repeated events', async () => {
    const inOrder = randomUUID();
    const markFirst = randomUUID();

    await publish(enrolmentCreatedV1, enrolled(inOrder));
    const first = await waitFor(async () => ((await mark(inOrder, 64)).status === 201 ? true : undefined), {
      what: 'the enrolment to arrive',
    });
    expect(first).toBe(true);

    const early = await mark(markFirst, 64);
    expect(early.status).toBe(201);
    expect(early.body.versions[0]).toMatchObject({ announced: false, status: 'provisional' });
    const repeated = enrolled(markFirst);
    const eventId = randomUUID();
    await publish(enrolmentCreatedV1, repeated, eventId);
    await publish(enrolmentCreatedV1, repeated, eventId);
    await publish(enrolmentCreatedV1, repeated);

    for (const learnerId of [inOrder, markFirst]) {
      await recorder.waitFor(TOPICS.assessmentResultRecorded, (d) => d.learnerId === learnerId);
      const [result] = await resultsOf(learnerId);
      await call(assessment.url, 'POST', `/api/assessment/results/${result.resultId}/ratification`, {
        headers: registrar,
      });
      await recorder.waitFor(TOPICS.assessmentResultRatified, (d) => d.learnerId === learnerId);
    }
    const [a] = await resultsOf(inOrder);
    const [b] = await resultsOf(markFirst);
    const comparable = (result: any) => ({
      attempt: result.attempt,
      version: result.version,
      overallMark: result.overallMark,
      grade: result.grade,
      passed: result.passed,
      status: result.status,
      versions: result.versions.map((v: any) => ({
        version: v.version,
        announced: v.announced,
        status: v.status,
        overallMark: v.overallMark,
      })),
    });
    expect(comparable(b)).toEqual(comparable(a));
    expect(comparable(a)).toMatchObject({
      attempt: 1,
      version: 1,
      overallMark: 64,
      grade: 'Pass',
      passed: true,
      status: 'ratified',
    });
    expect(recorder.find(TOPICS.assessmentResultRecorded, (d) => d.learnerId === markFirst)).toHaveLength(1);
    expect(recorder.find(TOPICS.assessmentResultRatified, (d) => d.learnerId === markFirst)).toHaveLength(1);
  });

  it('ends in the same state when the service restarts in the middle of a burst of events', async () => {
    const seated = randomUUID();
    const promoted = randomUUID();
    const withdrawn = randomUUID();
    const early = randomUUID();
    expect((await mark(early, 30)).status).toBe(201);

    await publish(enrolmentCreatedV1, enrolled(seated));
    const waiting = enrolled(promoted, 'waitlisted');
    await publish(enrolmentCreatedV1, waiting);
    await publish(waitlistPromotedV1, { ...eventFactories.waitlistPromoted(), ...pick(waiting) });
    const leaving = enrolled(withdrawn);
    await publish(enrolmentCreatedV1, leaving);
    await publish(enrolmentWithdrawnV1, { ...eventFactories.enrolmentWithdrawn(), ...pick(leaving) });
    await publish(enrolmentCreatedV1, enrolled(early));

    const { database, consumerGroup } = assessment;
    await assessment.stop();
    assessment = await startTestService('assessment', assessmentService, {
      topicPrefix: prefix,
      database,
      consumerGroup,
    });

    await waitFor(async () => ((await mark(seated, 70)).status === 201 ? true : undefined), {
      what: 'the seated learner to be known',
    });
    await waitFor(async () => ((await mark(promoted, 80)).status === 201 ? true : undefined), {
      what: 'the promotion to be known',
    });
    const refused = await waitFor(
      async () => {
        const answer = await mark(withdrawn, 50);
        return answer.status === 409 ? answer : undefined;
      },
      { what: 'the withdrawal to be known' },
    );
    expect(refused.body.message).toBe('The learner is withdrawn on this offering, so cannot be assessed.');
    await recorder.waitFor(TOPICS.assessmentResultRecorded, (d) => d.learnerId === early);
    expect(recorder.find(TOPICS.assessmentResultRecorded, (d) => d.learnerId === early)).toHaveLength(1);
    expect((await resultsOf(early))[0]).toMatchObject({
      overallMark: 30,
      passed: false,
      grade: 'Fail',
      versions: [{ announced: true }],
    });
    // Marks tried while the learner was still enrolled stand; once the withdrawal is known, none are taken.
    expect((await mark(withdrawn, 60)).status).toBe(409);
  });
});

function pick(event: ReturnType<typeof eventFactories.enrolmentCreated>) {
  const { enrolmentId, learnerId, offeringId, courseId, deliveringOrganisationId, awardingBodyId } = event;
  return { enrolmentId, learnerId, offeringId, courseId, deliveringOrganisationId, awardingBodyId };
}
