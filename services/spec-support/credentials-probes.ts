import type { Probe } from './access-matrix';

const cr = '/api/credentials';

/**
 * Probes of the credentials routes that address records the matrix has without issuing a credential: A's issuer
 * and trust list, and the caller's own lists. The routes about one credential are probed at the guard only.
 */
export function credentialsProbes(awardingBodyId: () => string): Record<string, Probe> {
  return {
    'GET /api/credentials/issuers/:id/keys': {
      path: () => `${cr}/issuers/${awardingBodyId()}/keys`,
      owners: ['registrar'],
    },
    'POST /api/credentials/issuers/:id/keys/rotation': {
      path: () => `${cr}/issuers/${awardingBodyId()}/keys/rotation`,
      body: () => ({}),
      owners: ['registrar'],
    },
    'GET /api/credentials/organisations/:organisationId/trust-list': {
      path: () => `${cr}/organisations/${awardingBodyId()}/trust-list`,
      owners: ['registrar'],
    },
    'GET /api/credentials/achievements': { path: () => `${cr}/achievements`, scope: 'caller' },
    'GET /api/credentials/holds': { path: () => `${cr}/holds`, scope: 'caller' },
    'GET /api/credentials/awarding-body/credentials': {
      path: () => `${cr}/awarding-body/credentials`,
      scope: 'caller',
    },
    'GET /api/credentials/learners/me/credentials': {
      path: () => `${cr}/learners/me/credentials`,
      scope: 'caller',
    },
    'GET /api/credentials/learners/me/share-links': {
      path: () => `${cr}/learners/me/share-links`,
      scope: 'caller',
    },
    'GET /api/credentials/learners/me/clr': { path: () => `${cr}/learners/me/clr`, scope: 'caller' },
    // A learner without credentials from A is answered 422 (nothing to record): past the guard, in their own scope.
    'POST /api/credentials/learners/me/clr': {
      path: () => `${cr}/learners/me/clr`,
      body: () => ({ awardingBodyId: awardingBodyId() }),
      scope: 'caller',
    },
    'GET /api/credentials/issuers/:id': { path: () => `${cr}/issuers/${awardingBodyId()}` },
    'GET /api/credentials/keys': { path: () => `${cr}/keys` },
    'GET /api/credentials/trust-list': { path: () => `${cr}/trust-list` },
    'GET /api/credentials/trust-list/snapshot': { path: () => `${cr}/trust-list/snapshot` },
    'GET /api/credentials/trust-list/keys': { path: () => `${cr}/trust-list/keys` },
  };
}
