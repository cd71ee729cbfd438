import { call, type RunningService, startTestService, testTopicPrefix } from '@lib/testing';
import { learner, ok, setUpUniversity } from '../../spec-support/university';
import { enrolmentService } from './enrolment.definition';

/** Capacity is never exceeded, also under concurrent requests, and the waitlist keeps request order. */
describe('enrolment under concurrent requests', () => {
  let enrolment: RunningService;

  beforeAll(async () => {
    enrolment = await startTestService('enrolment', enrolmentService, { topicPrefix: testTopicPrefix() });
  });

  afterAll(() => enrolment.stop());

  it.each([['first'], ['second']])(
    'seats exactly 10 of 50 concurrent requests and waitlists 40 in request order (%s run)',
    async () => {
      const uni = await setUpUniversity(enrolment.url, 10);
      const path = `/api/enrolment/offerings/${uni.offeringId}/enrolments`;
      const answers = await Promise.all(
        Array.from({ length: 50 }, (_, n) =>
          call(enrolment.url, 'POST', path, { headers: uni.partner, body: { learner: learner(n) } }),
        ),
      );
      expect(answers.map((answer) => answer.status)).toEqual(Array(50).fill(201));
      expect(answers.filter((answer) => answer.body.status === 'enrolled')).toHaveLength(10);

      const list = await ok(call(enrolment.url, 'GET', `${path}?pageSize=100`, { headers: uni.partner }));
      expect(list.total).toBe(50);
      const inOrder = list.items as any[];
      expect(inOrder.slice(0, 10).map((e) => e.status)).toEqual(Array(10).fill('enrolled'));
      expect(
        inOrder
          .slice(0, 10)
          .map((e) => e.seat)
          .sort((a, b) => a - b),
      ).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
      expect(inOrder.slice(10).map((e) => [e.status, e.waitlistPosition])).toEqual(
        Array.from({ length: 40 }, (_, i) => ['waitlisted', i + 1]),
      );
      const requestTimes = inOrder.map((e) => Date.parse(e.requestedAt));
      expect(requestTimes).toEqual([...requestTimes].sort((a, b) => a - b));

      const leaving = inOrder[3];
      const firstWaiting = inOrder[10];
      await ok(
        call(enrolment.url, 'POST', `/api/enrolment/enrolments/${leaving.id}/withdrawal`, {
          headers: uni.partner,
          body: {},
        }),
      );
      const promoted = await ok(
        call(enrolment.url, 'GET', `/api/enrolment/enrolments/${firstWaiting.id}`, { headers: uni.partner }),
      );
      expect(promoted).toMatchObject({ status: 'enrolled', seat: leaving.seat });
      const after = await ok(call(enrolment.url, 'GET', `${path}?pageSize=100`, { headers: uni.partner }));
      expect(after.items.filter((e: any) => e.status === 'enrolled')).toHaveLength(10);
      expect(after.items[11]).toMatchObject({ status: 'waitlisted', waitlistPosition: 1 });
    },
  );

  it('refuses a second enrolment of the same learner with 409, also when both arrive at once', async () => {
    const uni = await setUpUniversity(enrolment.url, 10);
    const path = `/api/enrolment/offerings/${uni.offeringId}/enrolments`;
    const same = learner('twice');
    const answers = await Promise.all(
      [1, 2, 3].map(() =>
        call(enrolment.url, 'POST', path, { headers: uni.partner, body: { learner: same } }),
      ),
    );
    expect(answers.map((answer) => answer.status).sort()).toEqual([201, 409, 409]);
    expect(answers.find((answer) => answer.status === 409)!.body.message).toBe(
      `${same.email} is enrolled on this offering already.`,
    );
  });
});
