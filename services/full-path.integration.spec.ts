import { TOPICS } from '@lib/contracts';
import {
  bearer,
  call,
  EventRecorder,
  type RunningService,
  startTestService,
  testTopicPrefix,
  waitFor,
} from '@lib/testing';
import { assessmentService } from './assessment/src/assessment.definition';
import { enrolmentService } from './enrolment/src/enrolment.definition';
import { recordWhenKnown, setSchemeWhenKnown } from './spec-support/assessment';
import { learner, ok, setUpUniversity } from './spec-support/university';

const scheme = (courseId: string) => ({
  courseId,
  components: [
    { name: 'App', weight: 60, passMark: 40 },
    { name: 'Demo', weight: 40, passMark: 40 },
  ],
  overallPassMark: 50,
  gradeBands: [
    { grade: 'Merit', minMark: 60 },
    { grade: 'Distinction', minMark: 70 },
  ],
  maxAttempts: 2,
});

/** The whole path from organisation to ratified result, through HTTP, with every event seen on Kafka. */
describe('enrolment and assessment, end to end through HTTP and Kafka', () => {
  const prefix = testTopicPrefix();
  const recorder = new EventRecorder(prefix);
  let enrolment: RunningService;
  let assessment: RunningService;

  beforeAll(async () => {
    enrolment = await startTestService('enrolment', enrolmentService, { topicPrefix: prefix });
    assessment = await startTestService('assessment', assessmentService, { topicPrefix: prefix });
    await recorder.start();
  });

  afterAll(async () => {
    await recorder.stop();
    await assessment.stop();
    await enrolment.stop();
  });

  it('publishes each step as a valid event, keyed as its contract says, and ends in ratified results', async () => {
    const uni = await setUpUniversity(enrolment.url, 2);
    const enrolled: any[] = [];
    for (const n of [1, 2, 3]) {
      enrolled.push(
        await ok(
          call(enrolment.url, 'POST', `/api/enrolment/offerings/${uni.offeringId}/enrolments`, {
            headers: uni.partner,
            body: { learner: learner(n) },
          }),
        ),
      );
    }
    expect(enrolled.map((e) => e.status)).toEqual(['enrolled', 'enrolled', 'waitlisted']);
    await ok(
      call(enrolment.url, 'POST', `/api/enrolment/enrolments/${enrolled[0].id}/completion`, {
        headers: uni.partner,
        body: { attendance: 'attended' },
      }),
    );

    const [organisation] = await recorder.waitFor(
      TOPICS.enrolmentOrganisationRegistered,
      (d) => d.organisationId === uni.awardingBodyId,
    );
    expect(organisation!.key).toBe(uni.awardingBodyId);
    const [course] = await recorder.waitFor(
      TOPICS.enrolmentCoursePublished,
      (d) => d.courseId === uni.courseId,
    );
    expect(course!.envelope.data).toMatchObject({
      awardingBodyId: uni.awardingBodyId,
      credits: { value: 5, scheme: 'UK' },
      level: { framework: 'FHEQ', level: 7 },
    });
    const [grant] = await recorder.waitFor(
      TOPICS.enrolmentAuthorisationGranted,
      (d) => d.courseId === uni.courseId,
    );
    expect(grant!.envelope.data).toMatchObject({
      partnerId: uni.partnerId,
      awardingBodyId: uni.awardingBodyId,
    });
    const [offering] = await recorder.waitFor(
      TOPICS.enrolmentOfferingPublished,
      (d) => d.offeringId === uni.offeringId,
    );
    expect(offering!.key).toBe(uni.offeringId);
    const created = await recorder.waitFor(
      TOPICS.enrolmentEnrolmentCreated,
      (d) => d.offeringId === uni.offeringId,
      3,
    );
    expect(created.map((e) => [e.key, e.envelope.data.status])).toEqual(
      expect.arrayContaining([
        [enrolled[0].learnerId, 'enrolled'],
        [enrolled[1].learnerId, 'enrolled'],
        [enrolled[2].learnerId, 'waitlisted'],
      ]),
    );
    const [completed] = await recorder.waitFor(
      TOPICS.enrolmentEnrolmentCompleted,
      (d) => d.enrolmentId === enrolled[0].id,
    );
    expect(completed!.envelope.data).toMatchObject({
      attendance: 'attended',
      learnerId: enrolled[0].learnerId,
    });

    // The course reaches assessment through Kafka: wait for it rather than for a fixed time.
    await waitFor(
      async () =>
        (
          await call(assessment.url, 'POST', '/api/assessment/schemes', {
            headers: uni.registrar,
            body: scheme(uni.courseId),
          })
        ).status === 201,
      { what: 'the course to reach assessment and the scheme to be set' },
    );
    const recorded = await recordWhenKnown(
      assessment.url,
      uni.assessor,
      uni.offeringId,
      enrolled[0].learnerId,
      {
        App: 72,
        Demo: 65,
      },
    );
    expect(recorded).toMatchObject({
      overallMark: 69.2,
      grade: 'Merit',
      passed: true,
      status: 'provisional',
      attempt: 1,
      version: 1,
    });
    const ratified = await ok(
      call(assessment.url, 'POST', `/api/assessment/results/${recorded.resultId}/ratification`, {
        headers: uni.registrar,
      }),
    );
    expect(ratified.status).toBe('ratified');

    const [resultRecorded] = await recorder.waitFor(
      TOPICS.assessmentResultRecorded,
      (d) => d.resultId === recorded.resultId,
    );
    expect(resultRecorded!.key).toBe(enrolled[0].learnerId);
    expect(resultRecorded!.envelope.data).toMatchObject({
      status: 'provisional',
      overallMark: 69.2,
      grade: 'Merit',
      passed: true,
      attempt: 1,
      version: 1,
      courseId: uni.courseId,
    });
    const [resultRatified] = await recorder.waitFor(
      TOPICS.assessmentResultRatified,
      (d) => d.resultId === recorded.resultId,
    );
    expect(resultRatified!.envelope.data).toMatchObject({
      status: 'ratified',
      components: [
        { name: 'App', weight: 60, mark: 72 },
        { name: 'Demo', weight: 40, mark: 65 },
      ],
    });

    const mine = await ok(
      call(assessment.url, 'GET', '/api/assessment/learners/me/results', {
        headers: bearer('learner', { sub: enrolled[0].learnerId }),
      }),
    );
    expect(mine.items).toEqual([
      expect.objectContaining({ resultId: recorded.resultId, status: 'ratified', grade: 'Merit' }),
    ]);
    expect(recorder.events.filter((event) => !event.valid)).toEqual([]);
  });

  it('records marks from CSV with a result per row', async () => {
    const uni = await setUpUniversity(enrolment.url, 2);
    const enrol = (n: number) =>
      ok(
        call(enrolment.url, 'POST', `/api/enrolment/offerings/${uni.offeringId}/enrolments`, {
          headers: uni.partner,
          body: { learner: learner(n) },
        }),
      );
    const marked = await enrol(1);
    const passed = await enrol(2);
    await setSchemeWhenKnown(assessment.url, uni.registrar, scheme(uni.courseId));
    const earlier = await recordWhenKnown(assessment.url, uni.assessor, uni.offeringId, passed.learnerId, {
      App: 60,
      Demo: 60,
    });
    await ok(
      call(assessment.url, 'POST', `/api/assessment/results/${earlier.resultId}/ratification`, {
        headers: uni.registrar,
      }),
    );

    const csv = [
      'learnerId,App,Demo',
      `${marked.learnerId},80,75`,
      `${passed.learnerId},50,50`,
      `${marked.learnerId},101,50`,
      'nobody,50,50',
    ].join('\n');
    const report = await ok(
      call(assessment.url, 'POST', `/api/assessment/offerings/${uni.offeringId}/results/bulk`, {
        headers: uni.assessor,
        csv,
      }),
    );
    expect(report).toMatchObject({ rows: 4, recorded: 1 });
    expect(report.results.map((row: any) => [row.line, row.result, row.grade ?? row.reason])).toEqual([
      [2, 'recorded', 'Distinction'],
      [3, 'refused', 'The learner has a ratified pass; the exam board can amend it.'],
      [4, 'invalid', 'App: a mark from 0 to 100 is needed'],
      [5, 'invalid', 'learnerId: must be a uuid'],
    ]);
  });
});
