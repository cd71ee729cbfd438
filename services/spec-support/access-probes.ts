import type { Probe } from './access-matrix';
import { simpleScheme } from './assessment';
import { courseBody, learner, offeringBody, type University } from './university';

/** The records of organisation A (and one of B) that the matrix probes address. */
export interface MatrixIds {
  authorisationId: string;
  enrolmentId: string;
  learnerId: string;
  resultId: string;
  otherLearnerId: string;
  provisionalLearnerId: string;
  provisionalResultId: string;
}

type World = { a: University; b: University; ids: MatrixIds };

// Open to all: the matrix asks only that the guard lets everyone by (/ready may say 503 on a busy stack).
const health: Record<string, Probe> = {
  'GET /health': { path: () => '/health', guardOnly: true },
  'GET /ready': { path: () => '/ready', guardOnly: true },
};

/**
 * One probe per enrolment and assessment route, addressing A's records. Writes are valid, so a refusal is
 * about the caller; they run in table order, so a later caller may meet a 409 (the state changed): still served.
 */
export function accessProbes(world: () => World): Record<string, Probe> {
  const w = world;
  const en = '/api/enrolment';
  const as = '/api/assessment';
  return {
    ...health,
    'POST /api/enrolment/organisations': {
      path: () => `${en}/organisations`,
      body: () => ({ kind: 'partner', name: 'Matrix Partner Ltd' }),
      scope: 'caller',
    },
    'GET /api/enrolment/organisations': { path: () => `${en}/organisations`, scope: 'caller' },
    'GET /api/enrolment/organisations/:id': {
      path: () => `${en}/organisations/${w().a.awardingBodyId}`,
      owners: ['registrar'],
    },
    'POST /api/enrolment/courses': {
      path: () => `${en}/courses`,
      body: () => courseBody(),
      scope: 'caller',
    },
    'GET /api/enrolment/courses': { path: () => `${en}/courses`, scope: 'caller' },
    'GET /api/enrolment/courses/:id': { path: () => `${en}/courses/${w().a.courseId}` },
    'POST /api/enrolment/authorisations': {
      path: () => `${en}/authorisations`,
      body: () => ({ partnerId: w().a.partnerId, courseId: w().a.courseId, validFrom: '2026-01-01' }),
      owners: ['registrar'],
    },
    'POST /api/enrolment/authorisations/:id/withdrawal': {
      path: () => `${en}/authorisations/${w().ids.authorisationId}/withdrawal`,
      // Far ahead, so the partner keeps delivering for the rest of the matrix.
      body: () => ({ reason: 'Matrix probe', effectiveFrom: '2099-01-01' }),
      owners: ['registrar'],
    },
    'GET /api/enrolment/authorisations': { path: () => `${en}/authorisations`, scope: 'caller' },
    'GET /api/enrolment/authorisations/:id': {
      path: () => `${en}/authorisations/${w().ids.authorisationId}`,
      owners: ['registrar', 'partner'],
    },
    'POST /api/enrolment/offerings': {
      path: () => `${en}/offerings`,
      body: () => offeringBody(w().a.courseId, w().a.partnerId),
    },
    'POST /api/enrolment/offerings/:id/publish': {
      path: () => `${en}/offerings/${w().a.offeringId}/publish`,
    },
    'POST /api/enrolment/offerings/:id/close': { path: () => `${en}/offerings/${w().a.offeringId}/close` },
    'POST /api/enrolment/offerings/:id/complete': {
      path: () => `${en}/offerings/${w().a.offeringId}/complete`,
    },
    'GET /api/enrolment/offerings': { path: () => `${en}/offerings`, scope: 'caller' },
    'GET /api/enrolment/offerings/:id': { path: () => `${en}/offerings/${w().a.offeringId}` },
    'POST /api/enrolment/learners': {
      path: () => `${en}/learners`,
      body: () => learner('matrix'),
      scope: 'caller',
    },
    'GET /api/enrolment/learners/me': { path: () => `${en}/learners/me`, scope: 'caller' },
    'GET /api/enrolment/learners/me/enrolments': {
      path: () => `${en}/learners/me/enrolments`,
      scope: 'caller',
    },
    'GET /api/enrolment/learners': {
      path: () => `${en}/learners?id=${w().ids.learnerId}`,
      scope: 'caller',
    },
    'GET /api/enrolment/learners/:id': { path: () => `${en}/learners/${w().ids.learnerId}` },
    'POST /api/enrolment/offerings/:offeringId/enrolments': {
      path: () => `${en}/offerings/${w().a.offeringId}/enrolments`,
      body: () => ({ learner: learner('m') }),
    },
    'POST /api/enrolment/offerings/:offeringId/enrolments/bulk': {
      path: () => `${en}/offerings/${w().a.offeringId}/enrolments/bulk`,
      csv: 'matrix@nhs.example,Matrix,Probe',
    },
    'POST /api/enrolment/offerings/:offeringId/completions/bulk': {
      path: () => `${en}/offerings/${w().a.offeringId}/completions/bulk`,
      csv: 'nobody@nhs.example,attended',
    },
    'GET /api/enrolment/offerings/:offeringId/enrolments': {
      path: () => `${en}/offerings/${w().a.offeringId}/enrolments`,
    },
    'GET /api/enrolment/enrolments/:id': { path: () => `${en}/enrolments/${w().ids.enrolmentId}` },
    'POST /api/enrolment/enrolments/:id/withdrawal': {
      path: () => `${en}/enrolments/${w().ids.enrolmentId}/withdrawal`,
      body: () => ({}),
    },
    'POST /api/enrolment/enrolments/:id/completion': {
      path: () => `${en}/enrolments/${w().ids.enrolmentId}/completion`,
      body: () => ({ attendance: 'attended' }),
    },
    'POST /api/assessment/schemes': {
      path: () => `${as}/schemes`,
      body: () => simpleScheme(w().a.courseId),
      owners: ['registrar'],
    },
    'GET /api/assessment/schemes/:courseId': { path: () => `${as}/schemes/${w().a.courseId}` },
    'POST /api/assessment/offerings/:offeringId/results': {
      path: () => `${as}/offerings/${w().a.offeringId}/results`,
      body: () => ({ learnerId: w().ids.learnerId, marks: { Project: 55 } }),
    },
    'POST /api/assessment/offerings/:offeringId/results/bulk': {
      path: () => `${as}/offerings/${w().a.offeringId}/results/bulk`,
      csv: 'learnerId,Project\n00000000-0000-4000-8000-000000000000,50',
    },
    'GET /api/assessment/ratification-queue': { path: () => `${as}/ratification-queue`, scope: 'caller' },
    'GET /api/assessment/offerings/:offeringId/results': {
      path: () => `${as}/offerings/${w().a.offeringId}/results`,
    },
    'POST /api/assessment/offerings/:offeringId/ratification': {
      path: () => `${as}/offerings/${w().a.offeringId}/ratification`,
      owners: ['registrar'],
    },
    'GET /api/assessment/results/:resultId': { path: () => `${as}/results/${w().ids.resultId}` },
    'POST /api/assessment/results/:resultId/ratification': {
      path: () => `${as}/results/${w().ids.resultId}/ratification`,
      owners: ['registrar'],
    },
    'POST /api/assessment/results/:resultId/amendment': {
      path: () => `${as}/results/${w().ids.resultId}/amendment`,
      body: () => ({ marks: { Project: 72 }, reason: 'Matrix probe' }),
      owners: ['registrar'],
    },
    'GET /api/assessment/learners/me/results': { path: () => `${as}/learners/me/results`, scope: 'caller' },
  };
}
