import { randomUUID } from 'node:crypto';
import {
  coursePublishedV1,
  enrolmentCompletedV1,
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
  type QueryRecorder,
  recordQueries,
  type RunningService,
  startTestService,
  testTopicPrefix,
  uniqueKeysOf,
  unkeyedQueries,
  waitFor,
} from '@lib/testing';
import { getConnectionToken } from '@nestjs/mongoose';
import mongoose, { type Connection } from 'mongoose';
import { assessmentService } from './assessment.definition';

/**
 * Every per-event and per-request path reads and writes by `_id` or a unique key (the development database
 * scans for anything else): the staff list of an offering's results and the exam board's queue read by id lists too.
 */
describe('assessment hot paths', () => {
  const prefix = testTopicPrefix();
  const events = new EventRecorder(prefix);
  const awardingBodyId = randomUUID();
  const partnerId = randomUUID();
  const registrar = bearer('registrar', { org: awardingBodyId });
  const assessor = bearer('assessor', { org: partnerId });
  const course = eventFactories.coursePublished({ awardingBodyId });
  const offeringOf = () =>
    eventFactories.offeringPublished({
      awardingBodyId,
      deliveringOrganisationId: partnerId,
      courseId: course.courseId,
    });
  const offering = offeringOf();
  const publisher = new EventPublisher(prefix, '/spec/enrolment');
  let assessment: RunningService;
  let queries: QueryRecorder;
  let connection: Connection;

  const publish = <C extends EventContract>(contract: C, data: EventData<C>, id?: string) =>
    publisher.publish(contract, data, id);

  const scope = (learnerId: string, offeringId = offering.offeringId) => ({
    enrolmentId: randomUUID(),
    learnerId,
    offeringId,
    courseId: course.courseId,
    awardingBodyId,
    deliveringOrganisationId: partnerId,
  });
  const mark = (learnerId: string, value: number, offeringId = offering.offeringId) =>
    call(assessment.url, 'POST', `/api/assessment/offerings/${offeringId}/results`, {
      headers: assessor,
      body: { learnerId, marks: { Project: value } },
    });
  const markWhenKnown = (learnerId: string, value: number, offeringId = offering.offeringId) =>
    waitFor(
      async () => {
        const answer = await mark(learnerId, value, offeringId);
        return answer.status === 201 ? answer.body : undefined;
      },
      { what: `marks for ${learnerId} to be taken` },
    );
  const enrol = async (learnerId: string, offeringId = offering.offeringId) => {
    await publish(enrolmentCreatedV1, {
      ...eventFactories.enrolmentCreated(),
      ...scope(learnerId, offeringId),
    });
  };
  const unkeyed = () => unkeyedQueries(queries.queries, uniqueKeysOf([connection]));

  beforeAll(async () => {
    await publisher.start();
    assessment = await startTestService('assessment', assessmentService, { topicPrefix: prefix });
    connection = assessment.app.get<Connection>(getConnectionToken());
    await events.start();
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
      { what: 'the course to reach assessment' },
    );
    queries = recordQueries();
  });

  afterAll(async () => {
    queries?.stop();
    await events.stop();
    await assessment.stop();
    await publisher.stop();
  });

  it('reads and writes by key for consumed events, marks, ratification, amendment and the learner’s own results', async () => {
    queries.clear();
    const second = offeringOf();
    await publish(offeringPublishedV1, second);
    const seated = randomUUID();
    const early = randomUUID();
    const promoted = randomUUID();
    const leaving = randomUUID();

    await enrol(seated);
    const result = await markWhenKnown(seated, 70);
    expect((await mark(early, 55)).status).toBe(201);
    await enrol(early);
    await events.waitFor(TOPICS.assessmentResultRecorded, (d) => d.learnerId === early);
    const waiting = scope(promoted);
    await publish(enrolmentCreatedV1, {
      ...eventFactories.enrolmentCreated(),
      ...waiting,
      status: 'waitlisted',
    });
    await publish(waitlistPromotedV1, { ...eventFactories.waitlistPromoted(), ...waiting });
    await markWhenKnown(promoted, 60);
    const withdrawal = scope(leaving);
    await publish(enrolmentCreatedV1, { ...eventFactories.enrolmentCreated(), ...withdrawal });
    await publish(enrolmentWithdrawnV1, { ...eventFactories.enrolmentWithdrawn(), ...withdrawal });
    await publish(enrolmentCompletedV1, { ...eventFactories.enrolmentCompleted(), ...scope(seated) });
    await waitFor(async () => (await mark(leaving, 50)).status === 409, { what: 'the withdrawal to arrive' });
    await enrol(seated, second.offeringId);
    await markWhenKnown(seated, 45, second.offeringId);

    const bulk = await call(
      assessment.url,
      'POST',
      `/api/assessment/offerings/${offering.offeringId}/results/bulk`,
      {
        headers: assessor,
        csv: ['learnerId,Project', `${promoted},65`, `${leaving},50`, `${randomUUID()},40`].join('\n'),
      },
    );
    expect(bulk.body).toMatchObject({ rows: 3, recorded: 2 });
    const resultPath = `/api/assessment/results/${result.resultId}`;
    expect(
      (await call(assessment.url, 'POST', `${resultPath}/ratification`, { headers: registrar })).status,
    ).toBe(200);
    const amended = await call(assessment.url, 'POST', `${resultPath}/amendment`, {
      headers: registrar,
      body: { marks: { Project: 72 }, reason: 'Re-marked on appeal' },
    });
    expect(amended.body).toMatchObject({ version: 2, status: 'ratified' });
    const learner = bearer('learner', { sub: seated });
    expect((await call(assessment.url, 'GET', resultPath, { headers: learner })).body).toMatchObject({
      version: 2,
    });
    expect((await call(assessment.url, 'GET', resultPath, { headers: assessor })).status).toBe(200);
    const own = await call(assessment.url, 'GET', '/api/assessment/learners/me/results', {
      headers: learner,
    });
    expect(own.body).toMatchObject({ total: 1, items: [{ resultId: result.resultId, overallMark: 72 }] });
    const scheme = await call(assessment.url, 'GET', `/api/assessment/schemes/${course.courseId}`, {
      headers: assessor,
    });
    expect(scheme.status).toBe(200);
    const listPath = `/api/assessment/offerings/${offering.offeringId}/results`;
    const page = await call(assessment.url, 'GET', `${listPath}?pageSize=2&page=2`, { headers: assessor });
    // Seated, early, promoted, the unknown learner of the upload, and leaving when marked before the withdrawal.
    expect(page.body.total).toBeGreaterThanOrEqual(4);
    expect(page.body.items[0]).toMatchObject({ learnerId: promoted, version: 2 });
    const some = await call(assessment.url, 'GET', `${listPath}?learnerId=${early},${promoted}`, {
      headers: assessor,
    });
    expect(some.body.items.map((item: { learnerId: string }) => item.learnerId).sort()).toEqual(
      [early, promoted].sort(),
    );
    const queue = await call(assessment.url, 'GET', '/api/assessment/ratification-queue', {
      headers: registrar,
    });
    // Every result of the offering but the seated learner's, ratified and amended.
    expect(queue.body.items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ offeringId: offering.offeringId, provisional: page.body.total - 1 }),
      ]),
    );

    expect(queries.queries.length).toBeGreaterThan(0);
    expect(unkeyed()).toEqual([]);
  });

  it('ratifies a whole offering in a handful of round trips, by the offering’s provisional list', async () => {
    const board = offeringOf();
    await publish(offeringPublishedV1, board);
    const learners = Array.from({ length: 12 }, () => randomUUID());
    for (const learnerId of learners) await enrol(learnerId, board.offeringId);
    const csv = ['learnerId,Project', ...learners.map((learnerId, index) => `${learnerId},${40 + index}`)];
    const bulk = await waitFor(
      async () => {
        const path = `/api/assessment/offerings/${board.offeringId}/results/bulk`;
        const answer = await call(assessment.url, 'POST', path, { headers: assessor, csv: csv.join('\n') });
        return answer.status === 200 ? answer.body : undefined;
      },
      { what: 'the offering to reach assessment' },
    );
    expect(bulk).toMatchObject({ recorded: learners.length });
    for (const learnerId of learners) {
      await events.waitFor(TOPICS.assessmentResultRecorded, (d) => d.learnerId === learnerId);
    }

    queries.clear();
    const calls = countCalls();
    const answer = await call(
      assessment.url,
      'POST',
      `/api/assessment/offerings/${board.offeringId}/ratification`,
      {
        headers: registrar,
      },
    );
    calls.stop();
    expect(answer.body).toEqual({ ratified: learners.length, skipped: [] });
    expect(unkeyed()).toEqual([]);
    expect(calls.made.length).toBeLessThanOrEqual(7);
  });

  it('learns a batch of enrolment events and announces their waiting marks in a few round trips per batch', async () => {
    const batch = offeringOf();
    await publish(offeringPublishedV1, batch);
    const learners = Array.from({ length: 30 }, () => randomUUID());
    const csv = ['learnerId,Project', ...learners.map((learnerId) => `${learnerId},60`)];
    await waitFor(
      async () => {
        const path = `/api/assessment/offerings/${batch.offeringId}/results/bulk`;
        const answer = await call(assessment.url, 'POST', path, { headers: assessor, csv: csv.join('\n') });
        return answer.status === 200 ? answer.body : undefined;
      },
      { what: 'the offering to reach assessment' },
    );

    queries.clear();
    const calls = countCalls();
    await publisher.publishAll(
      enrolmentCreatedV1,
      learners.map((learnerId) => ({
        ...eventFactories.enrolmentCreated(),
        ...scope(learnerId, batch.offeringId),
      })),
    );
    for (const learnerId of learners) {
      await events.waitFor(TOPICS.assessmentResultRecorded, (d) => d.learnerId === learnerId);
    }
    calls.stop();

    expect(unkeyed()).toEqual([]);
    // Six calls per partition batch (36 measured for six); one at a time, each event made seven (210).
    expect(calls.made.length).toBeLessThanOrEqual(learners.length * 2);
  });

  it('keys the records written before the keyed reads, once, at start-up', async () => {
    const withdrawn = randomUUID();
    const marked = randomUUID();
    const resultId = randomUUID();
    const offeringId = offering.offeringId;
    const enrolmentId = randomUUID();
    const raw = (name: string) => connection.db!.collection<{ _id: string } & Record<string, unknown>>(name);
    await raw('enrolment_facts').insertOne({
      _id: `${enrolmentId}:withdrawn`,
      enrolmentId,
      offeringId,
      learnerId: withdrawn,
      fact: 'withdrawn',
      at: new Date(),
    });
    await raw('result_versions').insertOne({
      _id: `${offeringId}:${marked}:1:1`,
      resultId,
      offeringId,
      learnerId: marked,
      courseId: course.courseId,
      attempt: 1,
      version: 1,
      components: [{ name: 'Project', weight: 100, mark: 58 }],
      overallMark: 58,
      grade: 'Pass',
      passed: true,
      recordedBy: 'assessor-0',
      recordedAt: new Date(),
    });
    const queued = async () =>
      (
        await call(assessment.url, 'GET', `/api/assessment/ratification-queue?offeringId=${offeringId}`, {
          headers: registrar,
        })
      ).body.items[0].provisional as number;
    const before = await queued();
    await raw('id_lists').deleteMany({ _id: { $in: ['backfill:keys:v1', 'backfill:keys:v2'] } });

    const { database, consumerGroup } = assessment;
    await assessment.stop();
    assessment = await startTestService('assessment', assessmentService, {
      topicPrefix: prefix,
      database,
      consumerGroup,
    });

    expect((await mark(withdrawn, 50)).body.message).toBe(
      'The learner is withdrawn on this offering, so cannot be assessed.',
    );
    const earlier = await call(assessment.url, 'GET', `/api/assessment/results/${resultId}`, {
      headers: registrar,
    });
    expect(earlier.body).toMatchObject({ resultId, overallMark: 58, status: 'provisional' });
    const listed = await call(
      assessment.url,
      'GET',
      `/api/assessment/offerings/${offeringId}/results?pageSize=200`,
      { headers: registrar },
    );
    expect(listed.body.items.map((item: { resultId: string }) => item.resultId)).toContain(resultId);
    // The version written before the lists is listed as a result and in the queue.
    expect(await queued()).toBe(before + 1);
    expect((await mark(marked, 62)).body).toMatchObject({ resultId, version: 2 });
  });
});

/** Every call mongoose makes (inserts included), beside the query recorder's own hook. */
function countCalls(): { made: string[]; stop(): void } {
  const recorder = mongoose.get('debug') as (collection: string, method: string, ...args: unknown[]) => void;
  const made: string[] = [];
  mongoose.set('debug', (collection: string, method: string, ...args: unknown[]) => {
    made.push(`${collection}.${method}`);
    recorder(collection, method, ...args);
  });
  return { made, stop: () => mongoose.set('debug', recorder) };
}
