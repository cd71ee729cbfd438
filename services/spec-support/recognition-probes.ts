import { randomUUID } from 'node:crypto';
import type { Probe } from './access-matrix';

const LEVEL_7 = { framework: 'FHEQ', level: 7, eqfLevel: 7 };
const rec = '/api/recognition';

/** An MSc programme with one module, as its awarding body's registrar creates it. */
export const programmeBody = () => ({
  code: `MSC-${randomUUID().slice(0, 6).toUpperCase()}`,
  title: 'MSc Digital Health',
  credits: 180,
  level: LEVEL_7,
  modules: [{ code: 'MOD-A', title: 'Clinical apps', credits: 15, level: LEVEL_7 }],
});

/** A's programme and the learner's claim on it, which the recognition probes address. */
export interface RecognitionIds {
  programmeId: string;
  claimId: string;
  learnerId: string;
}

/** One probe per recognition route; a learner may claim on any programme, a registrar only on their own. */
export function recognitionProbes(ids: () => RecognitionIds): Record<string, Probe> {
  const claim = () => `${rec}/claims/${ids().claimId}`;
  return {
    'GET /health': { path: () => '/health', guardOnly: true },
    'GET /ready': { path: () => '/ready', guardOnly: true },
    'POST /api/recognition/programmes': {
      path: () => `${rec}/programmes`,
      body: programmeBody,
      scope: 'caller',
    },
    'GET /api/recognition/programmes': { path: () => `${rec}/programmes`, scope: 'caller' },
    'GET /api/recognition/programmes/:id': { path: () => `${rec}/programmes/${ids().programmeId}` },
    'POST /api/recognition/programmes/:id/modules': {
      path: () => `${rec}/programmes/${ids().programmeId}/modules`,
      body: () => ({ code: 'MOD-M', title: 'Matrix module', credits: 15, level: LEVEL_7 }),
    },
    'PUT /api/recognition/programmes/:id/modules/:code/rule': {
      path: () => `${rec}/programmes/${ids().programmeId}/modules/MOD-A/rule`,
      body: () => ({ rule: { combination: 'any', criteria: [{ kind: 'properties', minimumCredits: 5 }] } }),
    },
    'POST /api/recognition/claims': {
      path: () => `${rec}/claims`,
      body: () => ({ programmeId: ids().programmeId, learnerId: ids().learnerId }),
    },
    'GET /api/recognition/claims': { path: () => `${rec}/claims`, scope: 'caller' },
    'GET /api/recognition/claims/:id': { path: claim },
    'POST /api/recognition/claims/:id/credentials': {
      path: () => `${claim()}/credentials`,
      body: () => ({ credentialId: `urn:uuid:${randomUUID()}` }),
    },
    'POST /api/recognition/claims/:id/external-credentials': {
      path: () => `${claim()}/external-credentials`,
      body: () => ({ credential: 'e30.e30.sig' }),
    },
    'POST /api/recognition/claims/:id/decisions': {
      path: () => `${claim()}/decisions`,
      body: () => ({ moduleCode: 'MOD-A', decision: 'reject', reason: 'Matrix probe' }),
    },
    'GET /api/recognition/learners/me/claims': { path: () => `${rec}/learners/me/claims`, scope: 'caller' },
    'GET /api/recognition/learners/me/programmes/:id': {
      path: () => `${rec}/learners/me/programmes/${ids().programmeId}`,
      scope: 'caller',
    },
    'GET /api/recognition/reviews': { path: () => `${rec}/reviews`, scope: 'caller' },
  };
}
