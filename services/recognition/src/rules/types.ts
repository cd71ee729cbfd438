/** The pure inputs and outputs of evaluating a recognition claim; no NestJS, no database. */

export type Framework = 'FHEQ' | 'RQF' | 'SCQF';

export interface Level {
  framework: Framework;
  level: number;
  /** The EQF level: how levels of different frameworks compare (FHEQ 7 = SCQF 11 = EQF 7). */
  eqfLevel: number;
}

/** What one criterion of a rule asks of a credential. */
export type Criterion =
  | { kind: 'achievement'; achievementId: string }
  | {
      kind: 'properties';
      /** Compared by EQF level. */
      minimumLevel?: Level;
      minimumCredits?: number;
      fieldOfStudy?: string;
      /** Every one must be among the credential's learning outcomes (case and spacing ignored). */
      outcomes?: string[];
    };

/**
 * How a module is satisfied: `any` one credential meeting any criterion; `all` criteria each met by a different
 * credential; `stacked`: credentials meeting the (first) criterion whose credits add up to the module's.
 */
export interface RecognitionRule {
  combination: 'any' | 'all' | 'stacked';
  criteria: Criterion[];
}

export interface ModuleSpec {
  code: string;
  title: string;
  credits: number;
  level: Level;
  core: boolean;
  /** False for modules no credential can replace, e.g. the dissertation. */
  eligible: boolean;
  rule?: RecognitionRule;
}

export interface ProgrammePolicy {
  /** Most credits a learner may gain by recognition (default: a third of the programme's). */
  maxRecognitionCredits: number;
  /** Credentials awarded longer ago than this do not count. */
  recencyYears: number;
  /** Whether credentials of external issuers on the trust list count. */
  acceptExternal: boolean;
}

/** Why a credential cannot be used at all, before any rule is tried. */
export type Unusable = 'revoked' | 'suspended' | 'untrusted-issuer' | 'invalid' | 'external-not-accepted';

/** A learner's credential as the rules see it. */
export interface CandidateCredential {
  credentialId: string;
  achievementId: string;
  name: string;
  credits: number;
  level: Level;
  fieldOfStudy?: string;
  learningOutcomes: string[];
  issuerId: string;
  external: boolean;
  /** ISO date-time. */
  awardedAt: string;
  /** Set when the credential cannot count (from its status or its verification). */
  unusable?: Unusable;
}

export interface EvaluationInput {
  modules: ModuleSpec[];
  policy: ProgrammePolicy;
  credentials: CandidateCredential[];
  /** Credentials already used for approved credit in this programme (the ledger): each counts once. */
  usedCredentialIds: ReadonlySet<string>;
  /** Modules already credited to this learner in this programme, and the credits they used of the cap. */
  creditedModules: ReadonlyMap<string, number>;
  now: Date;
}

export type UnusedReason =
  | 'revoked'
  | 'suspended'
  | 'untrusted-issuer'
  | 'invalid'
  | 'external-not-accepted'
  | 'too-old'
  | 'already-used'
  | 'level-too-low'
  | 'not-enough-credits'
  | 'no-matching-rule'
  | 'cap-reached';

export interface ModuleProposal {
  moduleCode: string;
  exempt: boolean;
  credits: number;
  /** The rule as applied, in words, when exempt; why not, when not. */
  explanation: string;
  credentialIds: string[];
  /** Already credited by an earlier decision. */
  alreadyCredited?: boolean;
  /** When not exempt, what the learner would still need, in plain words (absent when nothing could help). */
  needs?: string;
}

export interface Proposal {
  modules: ModuleProposal[];
  unused: { credentialId: string; reason: UnusedReason; explanation: string }[];
  creditsProposed: number;
  creditsAlreadyCredited: number;
  cap: number;
  /** The order modules were considered in, stated, so the cap's effect can be explained. */
  order: string;
}
