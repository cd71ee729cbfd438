import { accessTable, HEALTH_ROUTES, type Relation } from '@lib/auth';

const OWN: Relation = 'own-organisation';
const staffOf = { admin: 'any', registrar: OWN, partner: OWN, assessor: OWN } as const;
const runners = { registrar: OWN, partner: OWN } as const;

/** Who may call each enrolment route, and how they must relate to what it touches. */
export const ENROLMENT_ACCESS = accessTable('enrolment', {
  ...HEALTH_ROUTES,
  'POST /api/enrolment/organisations': { admin: 'any' },
  'GET /api/enrolment/organisations': staffOf,
  'GET /api/enrolment/organisations/:id': staffOf,
  'POST /api/enrolment/courses': { registrar: OWN },
  'GET /api/enrolment/courses': { registrar: OWN, partner: OWN, assessor: OWN },
  'GET /api/enrolment/courses/:id': staffOf,
  'POST /api/enrolment/authorisations': { registrar: OWN },
  'POST /api/enrolment/authorisations/:id/withdrawal': { registrar: OWN },
  'GET /api/enrolment/authorisations': runners,
  'GET /api/enrolment/authorisations/:id': { admin: 'any', ...runners },
  'POST /api/enrolment/offerings': runners,
  'POST /api/enrolment/offerings/:id/publish': runners,
  'POST /api/enrolment/offerings/:id/close': runners,
  'POST /api/enrolment/offerings/:id/complete': runners,
  'GET /api/enrolment/offerings': { registrar: OWN, partner: OWN, assessor: OWN },
  'GET /api/enrolment/offerings/:id': staffOf,
  'POST /api/enrolment/learners': runners,
  'GET /api/enrolment/learners/me': { learner: 'own-learner' },
  'GET /api/enrolment/learners/me/enrolments': { learner: 'own-learner' },
  'GET /api/enrolment/learners': { registrar: OWN, partner: OWN, assessor: OWN },
  'GET /api/enrolment/learners/:id': { ...staffOf, learner: 'own-learner' },
  'POST /api/enrolment/offerings/:offeringId/enrolments': runners,
  'POST /api/enrolment/offerings/:offeringId/enrolments/bulk': runners,
  'POST /api/enrolment/offerings/:offeringId/completions/bulk': runners,
  'GET /api/enrolment/offerings/:offeringId/enrolments': { registrar: OWN, partner: OWN, assessor: OWN },
  'GET /api/enrolment/enrolments/:id': { ...staffOf, learner: 'own-learner' },
  // Assessors mark; they do not withdraw anyone.
  'POST /api/enrolment/enrolments/:id/withdrawal': { admin: 'any', ...runners, learner: 'own-learner' },
  'POST /api/enrolment/enrolments/:id/completion': runners,
});
