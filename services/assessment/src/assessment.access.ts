import { accessTable, HEALTH_ROUTES, type Relation } from '@lib/auth';

const OWN: Relation = 'own-organisation';
const staffOf = { admin: 'any', registrar: OWN, partner: OWN, assessor: OWN } as const;

/** Who may call each assessment route, and how they must relate to what it touches. */
export const ASSESSMENT_ACCESS = accessTable('assessment', {
  ...HEALTH_ROUTES,
  'POST /api/assessment/schemes': { registrar: OWN },
  'GET /api/assessment/schemes/:courseId': staffOf,
  'POST /api/assessment/offerings/:offeringId/results': { registrar: OWN, assessor: OWN },
  'POST /api/assessment/offerings/:offeringId/results/bulk': { registrar: OWN, assessor: OWN },
  'GET /api/assessment/offerings/:offeringId/results': staffOf,
  'POST /api/assessment/offerings/:offeringId/ratification': { registrar: OWN },
  // The exam board's queue is its own body's offerings only.
  'GET /api/assessment/ratification-queue': { registrar: OWN },
  // A learner sees their own result once it is ratified, never provisional marks.
  'GET /api/assessment/results/:resultId': { ...staffOf, learner: 'own-learner' },
  'POST /api/assessment/results/:resultId/ratification': { registrar: OWN },
  'POST /api/assessment/results/:resultId/amendment': { registrar: OWN },
  'GET /api/assessment/learners/me/results': { learner: 'own-learner' },
});
