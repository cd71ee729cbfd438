import type {
  CandidateCredential,
  Criterion,
  EvaluationInput,
  Level,
  ModuleSpec,
  ProgrammePolicy,
  RecognitionRule,
} from './types';

/** Small factories for the rule specs: a 15-credit FHEQ 7 data-science credential and module unless told otherwise. */

export const FHEQ6: Level = { framework: 'FHEQ', level: 6, eqfLevel: 6 };
export const FHEQ7: Level = { framework: 'FHEQ', level: 7, eqfLevel: 7 };
export const SCQF11: Level = { framework: 'SCQF', level: 11, eqfLevel: 7 };
const NOW = new Date('2026-06-01T09:00:00Z');
export const dataScience: Criterion = { kind: 'properties', fieldOfStudy: 'Data Science' };

export function credentialOf(
  credentialId: string,
  overrides: Partial<CandidateCredential> = {},
): CandidateCredential {
  return {
    credentialId,
    achievementId: `ach-${credentialId}`,
    name: `Credential ${credentialId}`,
    credits: 15,
    level: FHEQ7,
    fieldOfStudy: 'data science',
    learningOutcomes: [],
    issuerId: 'did:web:credit-bridge.example',
    external: false,
    awardedAt: '2025-01-10T12:00:00Z',
    ...overrides,
  };
}

export function moduleOf(code: string, overrides: Partial<ModuleSpec> = {}): ModuleSpec {
  return {
    code,
    title: `Module ${code}`,
    credits: 15,
    level: FHEQ7,
    core: false,
    eligible: true,
    rule: { combination: 'any', criteria: [dataScience] },
    ...overrides,
  };
}

export function claim(parts: {
  modules: ModuleSpec[];
  credentials: CandidateCredential[];
  policy?: Partial<ProgrammePolicy>;
  used?: string[];
  credited?: Record<string, number>;
}): EvaluationInput {
  return {
    modules: parts.modules,
    credentials: parts.credentials,
    policy: { maxRecognitionCredits: 60, recencyYears: 5, acceptExternal: true, ...parts.policy },
    usedCredentialIds: new Set(parts.used ?? []),
    creditedModules: new Map(Object.entries(parts.credited ?? {})),
    now: NOW,
  };
}

export const stackedDataScience: RecognitionRule = { combination: 'stacked', criteria: [dataScience] };
export const fiveCredits = (id: string, overrides: Partial<CandidateCredential> = {}) =>
  credentialOf(id, { credits: 5, ...overrides });
