import { accessTable, HEALTH_ROUTES, type Relation } from '@lib/auth';

const OWN: Relation = 'own-organisation';
const everyRole = {
  admin: 'any',
  registrar: 'any',
  partner: 'any',
  assessor: 'any',
  learner: 'any',
} as const;

/** Who may call each recognition route, and how they must relate to what it touches. */
export const RECOGNITION_ACCESS = accessTable('recognition', {
  ...HEALTH_ROUTES,
  'POST /api/recognition/programmes': { registrar: OWN },
  // The MSc catalogue: every signed-in caller may read it, learners to choose where to claim credit.
  'GET /api/recognition/programmes': everyRole,
  'GET /api/recognition/programmes/:id': everyRole,
  'POST /api/recognition/programmes/:id/modules': { registrar: OWN },
  'PUT /api/recognition/programmes/:id/modules/:code/rule': { registrar: OWN },
  'POST /api/recognition/claims': { learner: 'own-learner', registrar: OWN },
  'GET /api/recognition/claims': { registrar: OWN },
  'GET /api/recognition/claims/:id': { learner: 'own-learner', registrar: OWN },
  'POST /api/recognition/claims/:id/credentials': { learner: 'own-learner' },
  'POST /api/recognition/claims/:id/external-credentials': { learner: 'own-learner', registrar: OWN },
  'POST /api/recognition/claims/:id/decisions': { registrar: OWN },
  'GET /api/recognition/learners/me/claims': { learner: 'own-learner' },
  'GET /api/recognition/learners/me/programmes/:id': { learner: 'own-learner' },
  'GET /api/recognition/reviews': { registrar: OWN },
});
