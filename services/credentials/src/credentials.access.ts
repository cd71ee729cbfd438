import { accessTable, HEALTH_ROUTES, type Relation } from '@lib/auth';

const OWN: Relation = 'own-organisation';
const registrar = { registrar: OWN } as const;
const learner = { learner: 'own-learner' } as const;
const anyone = { anonymous: 'any' } as const;

/** Who may call each credentials route, and how they must relate to what it touches. */
export const CREDENTIALS_ACCESS = accessTable('credentials', {
  ...HEALTH_ROUTES,
  'GET /api/credentials/issuers/:id': anyone,
  'GET /api/credentials/did.json': anyone,
  'GET /api/credentials/issuers/:id/did.json': anyone,
  'GET /api/credentials/issuers/:id/keys/:keyId': anyone,
  'GET /api/credentials/keys': anyone,
  'GET /api/credentials/issuers/:id/keys': registrar,
  'POST /api/credentials/issuers/:id/keys/rotation': registrar,
  'POST /api/credentials/achievements': registrar,
  'POST /api/credentials/achievements/:id/versions': registrar,
  'GET /api/credentials/achievements': registrar,
  'GET /api/credentials/achievements/:id': anyone,
  'GET /api/credentials/achievements/:id/versions/:version': anyone,
  'GET /api/credentials/learners/me/credentials': learner,
  'GET /api/credentials/holds': registrar,
  'GET /api/credentials/awarding-body/credentials': registrar,
  'GET /api/credentials/status-lists/:listId': anyone,
  'POST /api/credentials/credentials/:credentialId/revocation': registrar,
  'POST /api/credentials/credentials/:credentialId/suspension': registrar,
  'POST /api/credentials/credentials/:credentialId/reinstatement': registrar,
  'GET /api/credentials/learners/me/credentials/:credentialId/download': learner,
  'PUT /api/credentials/issuers/:id/certificate-branding': registrar,
  'PUT /api/credentials/organisations/:organisationId/certificate-logo': { registrar: OWN, partner: OWN },
  'POST /api/credentials/learners/me/credentials/:credentialId/share-links': learner,
  'GET /api/credentials/learners/me/share-links': learner,
  'POST /api/credentials/learners/me/share-links/:token/withdrawal': learner,
  'GET /api/credentials/shared/:token': anyone,
  'GET /api/credentials/trust-list': anyone,
  'POST /api/credentials/trust-list': { admin: 'any' },
  'POST /api/credentials/trust-list/removal': { admin: 'any' },
  'GET /api/credentials/organisations/:organisationId/trust-list': registrar,
  'POST /api/credentials/organisations/:organisationId/trust-list': registrar,
  'POST /api/credentials/organisations/:organisationId/trust-list/removal': registrar,
  'POST /api/credentials/verify': anyone,
  'POST /api/credentials/verify/batch': anyone,
  'POST /api/credentials/credentials/verify': anyone,
  'POST /api/credentials/presentations/verify': anyone,
  'POST /api/credentials/credentials/issue': registrar,
  'GET /api/credentials/partner-authorisations/check': anyone,
  'GET /api/credentials/hold-check': anyone,
  'GET /api/credentials/shared/:token/verification': anyone,
  'POST /api/credentials/learners/me/credentials/:credentialId/wallet-offers': learner,
  'POST /api/credentials/exchanges/:exchangeId': anyone,
});
