import { randomUUID } from 'node:crypto';
import { bearer, type ExternalIssuer, waitFor } from '@lib/testing';
import { simpleScheme } from './assessment';
import type { SuccessAnswers, SuccessCallOptions } from './success-answers';
import { credentialSteps, type Made, recognitionSteps, statusSteps } from './success-journey-credentials';
import { learnerRecordSteps } from './success-journey-learner-records';
import { courseBody, learner, offeringBody } from './university';

const en = '/api/enrolment';
const as = '/api/assessment';

/**
 * One learner's way through every service, made through `answers` so that each success answer is checked against
 * its document: a university and partner, a course and offering, enrolment (one by one and from CSV), marks,
 * ratification and amendment, the credential and what is done with it, a recognition claim, the learner record (CLR 2.0), and the credential's
 * suspension, reinstatement and revocation last (they change what the other steps see). Where a step has built a
 * state that must refuse a request (a second publication, a learner enrolled twice), the refusal is asked for too
 * and its error answer checked against the document (`answers.refused`).
 */
export async function travelEveryService(answers: SuccessAnswers, hub: ExternalIssuer): Promise<void> {
  const made = await enrolmentSteps(answers);
  const resultId = await assessmentSteps(answers, made);
  const credential = await credentialSteps(answers, made, hub);
  await assessmentAmendment(answers, made, resultId);
  await recognitionSteps(answers, made, credential, hub);
  await learnerRecordSteps(answers, made);
  await statusSteps(answers, made, credential.credentialId);
  for (const service of ['enrolment', 'assessment', 'credentials', 'recognition']) {
    await answers.call(service, 'GET', '/health');
    await answers.call(service, 'GET', '/ready');
  }
}

async function enrolmentSteps(answers: SuccessAnswers): Promise<Made> {
  const call = (method: string, path: string, options?: SuccessCallOptions) =>
    answers.ok('enrolment', method, `${en}${path}`, options);
  const refuse = (status: number, method: string, path: string, options?: SuccessCallOptions) =>
    answers.refused('enrolment', method, `${en}${path}`, status, options);
  const admin = bearer('admin');
  const tag = randomUUID().slice(0, 8);
  const universityBody = {
    kind: 'awarding-body',
    name: `University ${tag}`,
    url: 'https://example.org',
    ukprn: '10000001',
  };
  const university = await call('POST', '/organisations', { headers: admin, body: universityBody });
  await refuse(409, 'POST', '/organisations', { headers: admin, body: universityBody });
  const partner = await call('POST', '/organisations', {
    headers: admin,
    body: { kind: 'partner', name: `Code4Health ${tag}` },
  });
  await call('GET', '/organisations', { headers: admin });
  await call('GET', `/organisations/${university.id}`, { headers: admin });
  const registrar = bearer('registrar', { org: university.id });
  const partnerStaff = bearer('partner', { org: partner.id });
  const course = await call('POST', '/courses', { headers: registrar, body: courseBody() });
  await refuse(409, 'POST', '/courses', { headers: registrar, body: courseBody(course.code) });
  await call('GET', '/courses', { headers: registrar });
  await call('GET', `/courses/${course.id}`, { headers: registrar });
  const grant = { partnerId: partner.id, courseId: course.id };
  const authorisation = await call('POST', '/authorisations', {
    headers: registrar,
    body: { ...grant, validFrom: '2026-01-01' },
  });
  await refuse(409, 'POST', '/authorisations', {
    headers: registrar,
    body: { ...grant, validFrom: '2026-01-01' },
  });
  await refuse(422, 'POST', '/authorisations', {
    headers: registrar,
    body: { ...grant, partnerId: university.id, validFrom: '2026-01-01' },
  });
  // A second grant from a later day, withdrawn: the first still covers every day the steps use.
  const later = await call('POST', '/authorisations', {
    headers: registrar,
    body: { ...grant, validFrom: '2026-02-01' },
  });
  const withdrawal = { headers: registrar, body: { reason: 'Granted twice by mistake' } };
  await call('POST', `/authorisations/${later.id}/withdrawal`, withdrawal);
  await refuse(409, 'POST', `/authorisations/${later.id}/withdrawal`, withdrawal);
  await call('GET', '/authorisations', { headers: partnerStaff });
  await call('GET', `/authorisations/${authorisation.id}`, { headers: registrar });
  const offering = await call('POST', '/offerings', {
    headers: partnerStaff,
    body: offeringBody(course.id, partner.id),
  });
  await call('POST', `/offerings/${offering.id}/publish`, { headers: partnerStaff });
  await refuse(409, 'POST', `/offerings/${offering.id}/publish`, { headers: partnerStaff });
  await call('GET', '/offerings', { headers: partnerStaff });
  await call('GET', `/offerings/${offering.id}`, { headers: partnerStaff });
  // Another offering runs its whole course: open, closed, completed.
  const short = await call('POST', '/offerings', {
    headers: partnerStaff,
    body: offeringBody(course.id, partner.id),
  });
  for (const action of ['publish', 'close', 'complete'])
    await call('POST', `/offerings/${short.id}/${action}`, { headers: partnerStaff });
  // A completed offering is closed and completed already, and takes no enrolment.
  for (const action of ['close', 'complete'])
    await refuse(409, 'POST', `/offerings/${short.id}/${action}`, { headers: partnerStaff });
  await refuse(409, 'POST', `/offerings/${short.id}/enrolments/bulk`, {
    headers: partnerStaff,
    csv: 'someone@example.org,Ann,Lee\n',
  });
  const details = learner('s');
  await call('POST', '/learners', { headers: partnerStaff, body: details }); // 201: recorded now
  await call('POST', '/learners', { headers: partnerStaff, body: details }); // 200: found
  const enrolled = await call('POST', `/offerings/${offering.id}/enrolments`, {
    headers: partnerStaff,
    body: { learner: details },
  });
  await refuse(409, 'POST', `/offerings/${offering.id}/enrolments`, {
    headers: partnerStaff,
    body: { learner: details },
  });
  await refuse(422, 'POST', `/offerings/${offering.id}/enrolments`, {
    headers: partnerStaff,
    body: { learnerId: randomUUID() },
  });
  const other = learner('w');
  const withdrawing = await call('POST', `/offerings/${offering.id}/enrolments`, {
    headers: partnerStaff,
    body: { learner: other },
  });
  const moved = { headers: partnerStaff, body: { reason: 'Moved' } };
  await call('POST', `/enrolments/${withdrawing.id}/withdrawal`, moved);
  await refuse(409, 'POST', `/enrolments/${withdrawing.id}/withdrawal`, moved);
  const bulk = learner('b');
  const report = await call('POST', `/offerings/${offering.id}/enrolments/bulk`, {
    headers: partnerStaff,
    csv: `${bulk.email},${bulk.givenName},${bulk.familyName}\n`,
  });
  const bulkEnrolmentId: string = report.results[0].enrolmentId;
  const attended = { headers: partnerStaff, body: { attendance: 'attended' } };
  await call('POST', `/enrolments/${enrolled.id}/completion`, attended);
  await refuse(409, 'POST', `/enrolments/${enrolled.id}/completion`, attended);
  await call('POST', `/offerings/${offering.id}/completions/bulk`, {
    headers: partnerStaff,
    csv: `${bulkEnrolmentId},attended\n`,
  });
  await call('GET', `/offerings/${offering.id}/enrolments`, { headers: partnerStaff });
  const bulkEnrolment = await call('GET', `/enrolments/${bulkEnrolmentId}`, { headers: partnerStaff });
  const learnerHeaders = bearer('learner', { sub: enrolled.learnerId });
  await call('GET', '/learners/me', { headers: learnerHeaders });
  await call('GET', '/learners/me/enrolments', { headers: learnerHeaders });
  await call('GET', `/learners/${enrolled.learnerId}`, { headers: partnerStaff });
  return {
    awardingBodyId: university.id,
    partnerId: partner.id,
    courseId: course.id,
    offeringId: offering.id,
    learnerId: enrolled.learnerId,
    enrolmentId: enrolled.id,
    bulkLearnerId: bulkEnrolment.learnerId,
    registrar,
    partner: partnerStaff,
    assessor: bearer('assessor', { org: partner.id }),
    learner: learnerHeaders,
  };
}

/** Marks, one by one and from CSV, and ratification; resolves with the learner's result id. */
async function assessmentSteps(answers: SuccessAnswers, made: Made): Promise<string> {
  const call = (method: string, path: string, options?: SuccessCallOptions) =>
    answers.ok('assessment', method, `${as}${path}`, options);
  const refuse = (status: number, method: string, path: string, options?: SuccessCallOptions) =>
    answers.refused('assessment', method, `${as}${path}`, status, options);
  // The offering reaches assessment through Kafka: until the course has a scheme, its marks are refused.
  const bulkMarks = `${as}/offerings/${made.offeringId}/results/bulk`;
  const noScheme = await waitFor(
    async () => {
      const answer = await answers.call('assessment', 'POST', bulkMarks, {
        headers: made.assessor,
        csv: `learnerId,Project\n${made.learnerId},50\n`,
      });
      return answer.status === 409 ? answer : undefined;
    },
    { what: 'the offering to reach assessment' },
  );
  answers.refusal('assessment', 'POST', bulkMarks, 409, noScheme);
  // The course reaches assessment through Kafka too: tried until it has.
  await waitFor(
    async () => {
      const answer = await answers.call('assessment', 'POST', `${as}/schemes`, {
        headers: made.registrar,
        body: simpleScheme(made.courseId),
      });
      return answer.status === 201;
    },
    { what: 'the course to reach assessment' },
  );
  await refuse(409, 'POST', '/schemes', { headers: made.registrar, body: simpleScheme(made.courseId) });
  await call('GET', `/schemes/${made.courseId}`, { headers: made.registrar });
  const recorded = await waitFor(
    async () => {
      const answer = await answers.call('assessment', 'POST', `${as}/offerings/${made.offeringId}/results`, {
        headers: made.assessor,
        body: { learnerId: made.learnerId, marks: { Project: 72 } },
      });
      return answer.status === 201 ? answer.body : undefined;
    },
    { what: 'the offering to reach assessment' },
  );
  await call('POST', `/offerings/${made.offeringId}/results/bulk`, {
    headers: made.assessor,
    csv: `learnerId,Project\n${made.bulkLearnerId},55\n`,
  });
  await waitFor(
    async () =>
      (await call('GET', `/results/${recorded.resultId}`, { headers: made.assessor })).versions.at(-1)
        .announced,
    { what: 'the result to be announced' },
  );
  await call('GET', `/offerings/${made.offeringId}/results`, { headers: made.registrar });
  const amendment = {
    headers: made.registrar,
    body: { marks: { Project: 74 }, reason: 'Marking error found by the moderator' },
  };
  await refuse(409, 'POST', `/results/${recorded.resultId}/amendment`, amendment); // not ratified yet
  await call('POST', `/results/${recorded.resultId}/ratification`, { headers: made.registrar });
  await refuse(409, 'POST', `/results/${recorded.resultId}/ratification`, { headers: made.registrar });
  // A ratified pass takes no new marks: the exam board amends it.
  await refuse(409, 'POST', `/offerings/${made.offeringId}/results`, {
    headers: made.assessor,
    body: { learnerId: made.learnerId, marks: { Project: 80 } },
  });
  await call('POST', `/offerings/${made.offeringId}/ratification`, { headers: made.registrar });
  await call('GET', '/learners/me/results', { headers: made.learner });
  return recorded.resultId;
}

/** After the credential: the exam board amends the mark (still a pass). */
async function assessmentAmendment(answers: SuccessAnswers, made: Made, resultId: string): Promise<void> {
  await answers.ok('assessment', 'POST', `${as}/results/${resultId}/amendment`, {
    headers: made.registrar,
    body: { marks: { Project: 74 }, reason: 'Marking error found by the moderator' },
  });
}
