import { bearer, call, type RunningService, startTestService, testTopicPrefix } from '@lib/testing';
import { getConnectionToken } from '@nestjs/mongoose';
import type { Connection } from 'mongoose';
import { learner, ok, setUpUniversity } from '../../spec-support/university';
import { enrolmentService } from './enrolment.definition';
import { ENROLMENT_COLLECTIONS } from './enrolments/enrolment.schema';
import { PARTNER_AUTHORISATION_IDS_COLLECTION } from './authorisations/authorisation.schema';

/** A database written before the id lists existed: the service lists its records once, at start-up. */
describe('id lists of older records', () => {
  const topicPrefix = testTopicPrefix();
  let enrolment: RunningService;

  afterAll(() => enrolment.stop());

  it("finds a learner's enrolments and a partner's authorisations recorded before the lists", async () => {
    enrolment = await startTestService('enrolment', enrolmentService, { topicPrefix });
    const uni = await setUpUniversity(enrolment.url, 1);
    const path = `/api/enrolment/offerings/${uni.offeringId}/enrolments`;
    const seated = await ok(
      call(enrolment.url, 'POST', path, { headers: uni.partner, body: { learner: learner(1) } }),
    );
    const waiting = await ok(
      call(enrolment.url, 'POST', path, { headers: uni.partner, body: { learner: learner(2) } }),
    );
    const lists = [
      ENROLMENT_COLLECTIONS.offeringEnrolmentIds,
      ENROLMENT_COLLECTIONS.learnerEnrolmentIds,
      PARTNER_AUTHORISATION_IDS_COLLECTION,
    ];
    const db = enrolment.app.get<Connection>(getConnectionToken()).db!;
    for (const list of lists) await db.collection(list).deleteMany({});
    const { database } = enrolment;
    await enrolment.stop();

    enrolment = await startTestService('enrolment', enrolmentService, { topicPrefix, database });
    const self = { headers: bearer('learner', { sub: waiting.learnerId }) };
    const own = await ok(call(enrolment.url, 'GET', '/api/enrolment/learners/me/enrolments', self));
    expect(own.items).toMatchObject([{ id: waiting.id, status: 'waitlisted', waitlistPosition: 1 }]);
    await ok(
      call(enrolment.url, 'POST', `/api/enrolment/enrolments/${seated.id}/withdrawal`, {
        headers: uni.partner,
        body: {},
      }),
    );
    const promoted = await ok(
      call(enrolment.url, 'GET', `/api/enrolment/enrolments/${waiting.id}`, { headers: uni.partner }),
    );
    expect(promoted).toMatchObject({ status: 'enrolled', seat: 1 });
    const course = await call(enrolment.url, 'GET', `/api/enrolment/courses/${uni.courseId}`, {
      headers: uni.partner,
    });
    expect(course.status).toBe(200);
  });
});
