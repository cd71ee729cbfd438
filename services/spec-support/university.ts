import { randomUUID } from 'node:crypto';
import { bearer, call } from '@lib/testing';

/** A university with a partner authorised for one course, and an open offering of it: the usual starting point. */
export interface University {
  awardingBodyId: string;
  partnerId: string;
  partnerName: string;
  courseId: string;
  offeringId: string;
  registrar: { authorization: string };
  partner: { authorization: string };
  assessor: { authorization: string };
}

export const courseBody = (code = `C${randomUUID().slice(0, 6).toUpperCase()}`) => ({
  code,
  title: 'App building in a day',
  description: 'Build and test a small clinical app in a day.',
  learningOutcomes: ['Design a simple app for a clinical need', 'Test it with users'],
  format: 'workshop',
  notionalHours: 50,
  credits: 5,
  level: { framework: 'FHEQ', level: 7, eqfLevel: 7 },
});

export const offeringBody = (courseId: string, deliveringOrganisationId: string, capacity = 20) => ({
  courseId,
  deliveringOrganisationId,
  startDate: '2026-12-01',
  endDate: '2026-12-01',
  mode: 'in-person',
  location: 'Leeds General Infirmary',
  capacity,
  enrolmentOpensAt: new Date(Date.now() - 86400000).toISOString(),
  enrolmentClosesAt: new Date(Date.now() + 86400000).toISOString(),
});

/** Fails the spec with the answer when a set-up call does not succeed. */
export async function ok(promise: Promise<{ status: number; body: any }>): Promise<any> {
  const response = await promise;
  if (response.status >= 300)
    throw new Error(`set-up call failed: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body;
}

export async function setUpUniversity(enrolment: string, capacity = 20): Promise<University> {
  const admin = bearer('admin');
  const tag = randomUUID().slice(0, 8);
  const awardingBody = await ok(
    call(enrolment, 'POST', '/api/enrolment/organisations', {
      headers: admin,
      body: { kind: 'awarding-body', name: `University ${tag}` },
    }),
  );
  const partner = await ok(
    call(enrolment, 'POST', '/api/enrolment/organisations', {
      headers: admin,
      body: { kind: 'partner', name: `Code4Health ${tag}` },
    }),
  );
  const registrar = bearer('registrar', { org: awardingBody.id });
  const partnerStaff = bearer('partner', { org: partner.id });
  const course = await ok(
    call(enrolment, 'POST', '/api/enrolment/courses', { headers: registrar, body: courseBody() }),
  );
  await ok(
    call(enrolment, 'POST', '/api/enrolment/authorisations', {
      headers: registrar,
      body: { partnerId: partner.id, courseId: course.id, validFrom: '2026-01-01' },
    }),
  );
  const offering = await ok(
    call(enrolment, 'POST', '/api/enrolment/offerings', {
      headers: partnerStaff,
      body: offeringBody(course.id, partner.id, capacity),
    }),
  );
  await ok(
    call(enrolment, 'POST', `/api/enrolment/offerings/${offering.id}/publish`, { headers: partnerStaff }),
  );
  return {
    awardingBodyId: awardingBody.id,
    partnerId: partner.id,
    partnerName: partner.name,
    courseId: course.id,
    offeringId: offering.id,
    registrar,
    partner: partnerStaff,
    assessor: bearer('assessor', { org: partner.id }),
  };
}

export const learner = (n: number | string) => ({
  email: `learner-${n}-${randomUUID().slice(0, 6)}@nhs.example`,
  givenName: `Given${n}`,
  familyName: `Family${n}`,
});

/** Another course of the same awarding body, taught by the same partner, with an open offering. */
export async function anotherOffering(enrolment: string, base: University): Promise<University> {
  const course = await ok(
    call(enrolment, 'POST', '/api/enrolment/courses', { headers: base.registrar, body: courseBody() }),
  );
  await ok(
    call(enrolment, 'POST', '/api/enrolment/authorisations', {
      headers: base.registrar,
      body: { partnerId: base.partnerId, courseId: course.id, validFrom: '2026-01-01' },
    }),
  );
  const offering = await ok(
    call(enrolment, 'POST', '/api/enrolment/offerings', {
      headers: base.partner,
      body: offeringBody(course.id, base.partnerId),
    }),
  );
  await ok(
    call(enrolment, 'POST', `/api/enrolment/offerings/${offering.id}/publish`, { headers: base.partner }),
  );
  return { ...base, courseId: course.id, offeringId: offering.id };
}
