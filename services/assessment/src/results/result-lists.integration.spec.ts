import { randomUUID } from 'node:crypto';
import {
  coursePublishedV1,
  enrolmentCreatedV1,
  type EventContract,
  type EventData,
  offeringPublishedV1,
} from '@lib/contracts';
import {
  bearer,
  call,
  eventFactories,
  EventPublisher,
  type RunningService,
  startTestService,
  testTopicPrefix,
  waitFor,
} from '@lib/testing';
import { getConnectionToken } from '@nestjs/mongoose';
import type { Connection } from 'mongoose';
import { assessmentService } from '../assessment.definition';

/** The staff list of an offering's results page by page, its learner filter, and the exam board's queue. */
describe('assessment result lists', () => {
  const prefix = testTopicPrefix();
  const awardingBodyId = randomUUID();
  const partnerId = randomUUID();
  const registrar = bearer('registrar', { org: awardingBodyId });
  const otherRegistrar = bearer('registrar', { org: randomUUID() });
  const assessor = bearer('assessor', { org: partnerId });
  const course = eventFactories.coursePublished({ awardingBodyId });
  const offeringOf = () =>
    eventFactories.offeringPublished({
      awardingBodyId,
      deliveringOrganisationId: partnerId,
      courseId: course.courseId,
    });
  const offering = offeringOf();
  const second = offeringOf();
  const publisher = new EventPublisher(prefix, '/spec/enrolment');
  const learners = Array.from({ length: 7 }, () => randomUUID());
  let assessment: RunningService;

  const publish = <C extends EventContract>(contract: C, data: EventData<C>) =>
    publisher.publish(contract, data);
  const get = (path: string, headers = registrar) =>
    call(assessment.url, 'GET', `/api/assessment${path}`, { headers });
  const results = (offeringId: string, query: string, headers = registrar) =>
    get(`/offerings/${offeringId}/results?${query}`, headers);
  const queue = (query = '', headers = registrar) => get(`/ratification-queue?${query}`, headers);
  const bulk = (offeringId: string, rows: string[]) =>
    waitFor(
      async () => {
        const answer = await call(
          assessment.url,
          'POST',
          `/api/assessment/offerings/${offeringId}/results/bulk`,
          {
            headers: assessor,
            csv: ['learnerId,Project', ...rows].join('\n'),
          },
        );
        return answer.status === 200 ? answer.body : undefined;
      },
      { what: 'the offering to reach assessment' },
    );
  const enrol = (learnerId: string, offeringId: string) =>
    publish(enrolmentCreatedV1, {
      ...eventFactories.enrolmentCreated(),
      enrolmentId: randomUUID(),
      learnerId,
      offeringId,
      courseId: course.courseId,
      awardingBodyId,
      deliveringOrganisationId: partnerId,
    });

  beforeAll(async () => {
    await publisher.start();
    assessment = await startTestService('assessment', assessmentService, { topicPrefix: prefix });
    await publish(coursePublishedV1, course);
    await publish(offeringPublishedV1, offering);
    await publish(offeringPublishedV1, second);
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
    for (const learnerId of learners) await enrol(learnerId, offering.offeringId);
    await enrol(learners[0]!, second.offeringId);
    await bulk(
      offering.offeringId,
      learners.map((learnerId, index) => `${learnerId},${50 + index}`),
    );
    // A re-mark makes a second version of the first learner's result, not a second result.
    await bulk(offering.offeringId, [`${learners[0]},70`]);
    await bulk(second.offeringId, [`${learners[0]},45`]);
    await waitFor(
      async () => {
        const answer = await queue();
        return answer.body.items?.[0]?.provisional === learners.length || undefined;
      },
      { what: 'every result to be announced' },
    );
  }, 120_000);

  afterAll(async () => {
    await assessment.stop();
    await publisher.stop();
  });

  it('pages the staff list in the order first recorded, each result once with every version', async () => {
    const first = await results(offering.offeringId, 'page=1&pageSize=3', assessor);
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ page: 1, pageSize: 3, total: learners.length });
    expect(first.body.items.map((r: any) => r.learnerId)).toEqual(learners.slice(0, 3));
    expect(first.body.items[0]).toMatchObject({ version: 2, overallMark: 70, status: 'provisional' });
    expect(first.body.items[0].versions).toHaveLength(2);
    const last = await results(offering.offeringId, 'page=3&pageSize=3');
    expect(last.body.items.map((r: any) => r.learnerId)).toEqual(learners.slice(6));
    expect((await results(offering.offeringId, 'page=4&pageSize=3')).body).toMatchObject({
      items: [],
      total: 7,
    });
  });

  it('gives only the named learners’ results with the learnerId filter', async () => {
    const named = [learners[5]!, learners[1]!, randomUUID()];
    const answer = await results(offering.offeringId, `learnerId=${named.join(',')}`, assessor);
    expect(answer.status).toBe(200);
    expect(answer.body.items.map((r: any) => r.learnerId).sort()).toEqual([learners[1], learners[5]].sort());
    expect(answer.body.total).toBe(2);
  });

  it('refuses bad paging and learner filters with 400 and the field, and strangers with 404', async () => {
    const cases: [string, string][] = [
      ['learnerId=not-a-uuid', 'learnerId.0'],
      [`pageSize=2&learnerId=${learners.slice(0, 3).join(',')}`, 'learnerId'],
      ['pageSize=500', 'pageSize'],
      ['page=0', 'page'],
      ['colour=blue', ''],
    ];
    for (const [query, field] of cases) {
      const answer = await results(offering.offeringId, query);
      expect(answer.status).toBe(400);
      if (field) expect(answer.body.errors.map((e: any) => e.field)).toContain(field);
    }
    expect((await results(offering.offeringId, '', otherRegistrar)).status).toBe(404);
    expect((await queue('pageSize=0')).body.errors.map((e: any) => e.field)).toContain('pageSize');
    expect((await queue('offeringId=nope')).body.errors.map((e: any) => e.field)).toContain('offeringId');
  });

  it('queues the body’s offerings with provisional results for its registrars only', async () => {
    expect((await queue('', assessor)).status).toBe(403);
    expect((await queue('', bearer('learner'))).status).toBe(403);
    expect((await queue('', otherRegistrar)).body).toMatchObject({ items: [], total: 0 });
    const answer = await queue();
    expect(answer.body).toMatchObject({ total: 2, page: 1, pageSize: 50 });
    expect(answer.body.items).toEqual([
      {
        offeringId: offering.offeringId,
        courseId: course.courseId,
        courseCode: course.code,
        courseTitle: course.title,
        provisional: learners.length,
      },
      expect.objectContaining({ offeringId: second.offeringId, provisional: 1 }),
    ]);
    expect((await queue('pageSize=1&page=2')).body.items.map((e: any) => e.offeringId)).toEqual([
      second.offeringId,
    ]);
    expect((await queue(`offeringId=${second.offeringId}`)).body).toMatchObject({ total: 1 });
    expect((await queue(`offeringId=${second.offeringId}`, otherRegistrar)).body.total).toBe(0);
  });

  it('counts right after ratifying one result, then every result of an offering', async () => {
    const [one] = (await results(offering.offeringId, `learnerId=${learners[2]}`)).body.items;
    const ratify = (path: string) =>
      call(assessment.url, 'POST', `/api/assessment${path}`, { headers: registrar });
    expect((await ratify(`/results/${one.resultId}/ratification`)).status).toBe(200);
    expect((await queue(`offeringId=${offering.offeringId}`)).body.items[0].provisional).toBe(
      learners.length - 1,
    );
    // A retry of the same ratification changes nothing.
    expect((await ratify(`/results/${one.resultId}/ratification`)).status).toBe(409);
    expect((await queue(`offeringId=${offering.offeringId}`)).body.items[0].provisional).toBe(
      learners.length - 1,
    );

    const all = await ratify(`/offerings/${offering.offeringId}/ratification`);
    expect(all.body).toEqual({ ratified: learners.length - 1, skipped: [] });
    expect((await queue()).body).toMatchObject({
      total: 1,
      items: [{ offeringId: second.offeringId, provisional: 1 }],
    });
    const listed = await results(offering.offeringId, 'pageSize=200');
    expect(listed.body.items.map((r: any) => r.status)).toEqual(learners.map(() => 'ratified'));
    // The other offering's one result ratified, the queue is empty.
    expect((await ratify(`/offerings/${second.offeringId}/ratification`)).body.ratified).toBe(1);
    expect((await queue()).body).toMatchObject({ items: [], total: 0 });
  });

  it('counts right after a crash between writes: a listed version never written, or ratified but still listed', async () => {
    const connection = assessment.app.get<Connection>(getConnectionToken());
    const lists = connection.db!.collection<{ _id: string; ids: string[] }>('id_lists');
    const [first] = (await results(offering.offeringId, `learnerId=${learners[0]}`)).body.items;
    await lists.updateOne(
      { _id: `offering-provisional:${offering.offeringId}` },
      {
        $addToSet: {
          ids: {
            $each: [
              `${offering.offeringId}:${randomUUID()}:1:1`,
              `${offering.offeringId}:${learners[0]}:1:1`,
              `${offering.offeringId}:${learners[0]}:1:${first.version}`,
            ],
          },
        },
      },
    );
    expect((await queue()).body).toMatchObject({ items: [], total: 0 });
    const ratify = await call(
      assessment.url,
      'POST',
      `/api/assessment/offerings/${offering.offeringId}/ratification`,
      { headers: registrar },
    );
    expect(ratify.body).toEqual({ ratified: 0, skipped: [] });
  });
});
