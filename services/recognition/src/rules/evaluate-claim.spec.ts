import {
  claim,
  credentialOf,
  dataScience,
  FHEQ6,
  fiveCredits,
  moduleOf,
  SCQF11,
  stackedDataScience,
} from './claim-factories';
import { evaluateClaim } from './evaluate-claim';
import type { EvaluationInput, ModuleProposal, Proposal } from './types';

const outcomeOf = (module: ModuleProposal): string => {
  if (module.alreadyCredited) return `${module.moduleCode}: already credited`;
  return module.exempt
    ? `${module.moduleCode}: exempt by ${module.credentialIds.join('+')}`
    : `${module.moduleCode}: not exempt`;
};

const summary = (proposal: Proposal) => ({
  modules: proposal.modules.map(outcomeOf),
  unused: proposal.unused.map((entry) => `${entry.credentialId}: ${entry.reason}`),
  proposed: proposal.creditsProposed,
  alreadyCredited: proposal.creditsAlreadyCredited,
});

interface Row {
  name: string;
  input: EvaluationInput;
  modules: string[];
  unused: string[];
  proposed: number;
  alreadyCredited?: number;
}

const rows: Row[] = [
  {
    name: 'any-of: exempts a module with one credential as big as it',
    input: claim({ modules: [moduleOf('DS7001')], credentials: [credentialOf('c1')] }),
    modules: ['DS7001: exempt by c1'],
    unused: [],
    proposed: 15,
  },
  {
    name: 'any-of: uses the smallest credential that meets it and leaves the spare one',
    input: claim({
      modules: [moduleOf('DS7001')],
      credentials: [credentialOf('c1', { credits: 30 }), credentialOf('c2')],
    }),
    modules: ['DS7001: exempt by c2'],
    unused: ['c1: no-matching-rule'],
    proposed: 15,
  },
  {
    name: 'any-of: an explicit achievement mapping counts below the module level and size',
    input: claim({
      modules: [
        moduleOf('DS7001', {
          rule: {
            combination: 'any',
            criteria: [{ kind: 'achievement', achievementId: 'ach-python' }, dataScience],
          },
        }),
      ],
      credentials: [
        credentialOf('c1', {
          achievementId: 'ach-python',
          level: FHEQ6,
          credits: 5,
          fieldOfStudy: 'computing',
        }),
      ],
    }),
    modules: ['DS7001: exempt by c1'],
    unused: [],
    proposed: 15,
  },
  {
    name: 'level: compares by EQF level, so SCQF 11 counts for an FHEQ 7 module',
    input: claim({ modules: [moduleOf('DS7001')], credentials: [credentialOf('c1', { level: SCQF11 })] }),
    modules: ['DS7001: exempt by c1'],
    unused: [],
    proposed: 15,
  },
  {
    name: 'level: a credential below the module level does not count',
    input: claim({ modules: [moduleOf('DS7001')], credentials: [credentialOf('c1', { level: FHEQ6 })] }),
    modules: ['DS7001: not exempt'],
    unused: ['c1: level-too-low'],
    proposed: 0,
  },
  {
    name: 'credits: a credential smaller than an any-of module does not count',
    input: claim({ modules: [moduleOf('DS7001')], credentials: [credentialOf('c1', { credits: 10 })] }),
    modules: ['DS7001: not exempt'],
    unused: ['c1: not-enough-credits'],
    proposed: 0,
  },
  {
    name: 'all-of: each criterion met by a different credential, outcomes compared ignoring case and spacing',
    input: claim({
      modules: [
        moduleOf('DS7002', {
          rule: {
            combination: 'all',
            criteria: [
              { kind: 'achievement', achievementId: 'ach-stats' },
              { kind: 'properties', outcomes: ['Build regression models'] },
            ],
          },
        }),
      ],
      credentials: [
        fiveCredits('c1', { achievementId: 'ach-stats' }),
        fiveCredits('c2', { learningOutcomes: ['  build   Regression models'] }),
      ],
    }),
    modules: ['DS7002: exempt by c1+c2'],
    unused: [],
    proposed: 15,
  },
  {
    name: 'all-of: gives a credential meeting both criteria to the one only it can meet',
    input: claim({
      modules: [
        moduleOf('DS7002', {
          rule: {
            combination: 'all',
            criteria: [dataScience, { kind: 'properties', outcomes: ['Visualise data'] }],
          },
        }),
      ],
      credentials: [
        fiveCredits('c1', { learningOutcomes: ['visualise data'] }),
        credentialOf('c2', { credits: 10 }),
      ],
    }),
    modules: ['DS7002: exempt by c1+c2'],
    unused: [],
    proposed: 15,
  },
  {
    name: 'all-of: one criterion unmet leaves the module and the credential unused',
    input: claim({
      modules: [
        moduleOf('DS7002', {
          rule: {
            combination: 'all',
            criteria: [dataScience, { kind: 'properties', outcomes: ['Visualise data'] }],
          },
        }),
      ],
      credentials: [credentialOf('c2', { credits: 10 })],
    }),
    modules: ['DS7002: not exempt'],
    unused: ['c2: no-matching-rule'],
    proposed: 0,
  },
  {
    name: 'stacked: three 5-credit micro-credentials make a 15-credit module',
    input: claim({
      modules: [moduleOf('DS7003', { rule: stackedDataScience })],
      credentials: [fiveCredits('c3'), fiveCredits('c1'), fiveCredits('c2')],
    }),
    modules: ['DS7003: exempt by c1+c2+c3'],
    unused: [],
    proposed: 15,
  },
  {
    name: 'stacked: two 5-credit micro-credentials are not enough',
    input: claim({
      modules: [moduleOf('DS7003', { rule: stackedDataScience })],
      credentials: [fiveCredits('c1'), fiveCredits('c2')],
    }),
    modules: ['DS7003: not exempt'],
    unused: ['c1: not-enough-credits', 'c2: not-enough-credits'],
    proposed: 0,
  },
  {
    name: 'stacked: takes the fewest credentials with the least spare credit',
    input: claim({
      modules: [moduleOf('DS7003', { rule: stackedDataScience })],
      credentials: [
        credentialOf('ca', { credits: 10 }),
        credentialOf('cb', { credits: 10 }),
        fiveCredits('cc'),
      ],
    }),
    modules: ['DS7003: exempt by ca+cc'],
    unused: ['cb: no-matching-rule'],
    proposed: 15,
  },
  {
    name: 'stacked: a level-6 micro-credential is not stacked',
    input: claim({
      modules: [moduleOf('DS7003', { rule: stackedDataScience })],
      credentials: [fiveCredits('c1'), fiveCredits('c2'), fiveCredits('c3', { level: FHEQ6 })],
    }),
    modules: ['DS7003: not exempt'],
    unused: ['c1: not-enough-credits', 'c2: not-enough-credits', 'c3: level-too-low'],
    proposed: 0,
  },
  {
    name: 'recency: a credential awarded more than five years before now is too old, one just inside counts',
    input: claim({
      modules: [moduleOf('DS7001')],
      credentials: [
        credentialOf('c1', { awardedAt: '2021-05-31T09:00:00Z' }),
        credentialOf('c2', { awardedAt: '2021-06-02T09:00:00Z' }),
      ],
    }),
    modules: ['DS7001: exempt by c2'],
    unused: ['c1: too-old'],
    proposed: 15,
  },
  {
    name: 'cap: a module that would go over the cap is not exempt and its credential is left cap-reached',
    input: claim({
      modules: [moduleOf('DS7001', { credits: 20 })],
      credentials: [credentialOf('c1', { credits: 20 })],
      policy: { maxRecognitionCredits: 30 },
      credited: { OLD7000: 15 },
    }),
    modules: ['DS7001: not exempt'],
    unused: ['c1: cap-reached'],
    proposed: 0,
    alreadyCredited: 15,
  },
  {
    name: 'cap: the freed credential then exempts a later, smaller module',
    input: claim({
      modules: [moduleOf('DS7002', { credits: 10 }), moduleOf('DS7001', { credits: 20, core: true })],
      credentials: [credentialOf('c1', { credits: 20 })],
      policy: { maxRecognitionCredits: 30 },
      credited: { OLD7000: 15 },
    }),
    modules: ['DS7001: not exempt', 'DS7002: exempt by c1'],
    unused: [],
    proposed: 10,
    alreadyCredited: 15,
  },
  {
    name: 'eligibility: the dissertation is never exempt',
    input: claim({
      modules: [moduleOf('DS7099', { title: 'Dissertation', credits: 60, eligible: false })],
      credentials: [credentialOf('c1', { credits: 60 })],
    }),
    modules: ['DS7099: not exempt'],
    unused: ['c1: no-matching-rule'],
    proposed: 0,
  },
  {
    name: 'rules: a module without a recognition rule is not exempt',
    input: claim({ modules: [moduleOf('DS7004', { rule: undefined })], credentials: [credentialOf('c1')] }),
    modules: ['DS7004: not exempt'],
    unused: ['c1: no-matching-rule'],
    proposed: 0,
  },
  {
    name: 'external: a trusted external credential counts when the programme accepts them',
    input: claim({
      modules: [moduleOf('DS7001')],
      credentials: [credentialOf('c1', { external: true, issuerId: 'did:web:other.example' })],
    }),
    modules: ['DS7001: exempt by c1'],
    unused: [],
    proposed: 15,
  },
  {
    name: 'external: an external credential is not accepted when the programme does not accept them',
    input: claim({
      modules: [moduleOf('DS7001')],
      credentials: [credentialOf('c1', { external: true, issuerId: 'did:web:other.example' })],
      policy: { acceptExternal: false },
    }),
    modules: ['DS7001: not exempt'],
    unused: ['c1: external-not-accepted'],
    proposed: 0,
  },
  {
    name: 'status: untrusted, revoked and suspended credentials are never used',
    input: claim({
      modules: [moduleOf('DS7001')],
      credentials: [
        credentialOf('c1', { external: true, unusable: 'untrusted-issuer' }),
        credentialOf('c2', { unusable: 'revoked' }),
        credentialOf('c3', { unusable: 'suspended' }),
      ],
    }),
    modules: ['DS7001: not exempt'],
    unused: ['c1: untrusted-issuer', 'c2: revoked', 'c3: suspended'],
    proposed: 0,
  },
  {
    name: 'ledger: a credential already used for credit counts no more',
    input: claim({ modules: [moduleOf('DS7001')], credentials: [credentialOf('c1')], used: ['c1'] }),
    modules: ['DS7001: not exempt'],
    unused: ['c1: already-used'],
    proposed: 0,
  },
  {
    name: 'ledger: an already credited module takes no credential and no new credits',
    input: claim({
      modules: [moduleOf('DS7001')],
      credentials: [credentialOf('c1')],
      credited: { DS7001: 15 },
    }),
    modules: ['DS7001: already credited'],
    unused: ['c1: no-matching-rule'],
    proposed: 0,
    alreadyCredited: 15,
  },
  {
    name: 'one use: a credential exempts at most one module',
    input: claim({ modules: [moduleOf('DS7002'), moduleOf('DS7001')], credentials: [credentialOf('c1')] }),
    modules: ['DS7001: exempt by c1', 'DS7002: not exempt'],
    unused: [],
    proposed: 15,
  },
];

describe('evaluateClaim', () => {
  it.each(rows)('$name', ({ input, modules, unused, proposed, alreadyCredited = 0 }) => {
    expect(summary(evaluateClaim(input))).toEqual({ modules, unused, proposed, alreadyCredited });
  });

  it('considers core modules first, then larger, then by code, and says so', () => {
    const proposal = evaluateClaim(
      claim({
        modules: [
          moduleOf('B7002'),
          moduleOf('A7001'),
          moduleOf('C7003', { credits: 30 }),
          moduleOf('D7004', { core: true }),
        ],
        credentials: [],
      }),
    );
    expect(proposal.modules.map((module) => module.moduleCode)).toEqual(['D7004', 'C7003', 'A7001', 'B7002']);
    expect(proposal.order).toBe(
      'Modules are considered core first, then by credits (largest first), then by module code: D7004, C7003, A7001, B7002.',
    );
    expect(proposal.cap).toBe(60);
  });

  it('gives the same proposal for the same input in any order', () => {
    const modules = [
      moduleOf('DS7001', { core: true, credits: 30 }),
      moduleOf('DS7002', { rule: stackedDataScience }),
      moduleOf('DS7003', { credits: 20 }),
      moduleOf('DS7004', { credits: 20 }),
      moduleOf('DS7099', { eligible: false, credits: 60 }),
    ];
    const credentials = [
      credentialOf('c1', { credits: 30 }),
      credentialOf('c2', { credits: 20 }),
      credentialOf('c3', { credits: 20 }),
      fiveCredits('c4'),
      fiveCredits('c5'),
      fiveCredits('c6'),
      fiveCredits('c7', { level: FHEQ6 }),
      credentialOf('c8', { unusable: 'revoked' }),
    ];
    const policy = { maxRecognitionCredits: 60 };
    const expected = evaluateClaim(claim({ modules, credentials, policy }));
    expect(summary(expected)).toEqual({
      modules: [
        'DS7001: exempt by c1',
        'DS7099: not exempt',
        'DS7003: exempt by c2',
        'DS7004: not exempt',
        'DS7002: not exempt',
      ],
      unused: [
        'c3: cap-reached',
        'c4: cap-reached',
        'c5: cap-reached',
        'c6: cap-reached',
        'c7: level-too-low',
        'c8: revoked',
      ],
      proposed: 50,
      alreadyCredited: 0,
    });
    const rotate = <T>(items: T[], by: number): T[] => [...items.slice(by), ...items.slice(0, by)];
    for (const shuffled of [
      claim({ modules: [...modules].reverse(), credentials: [...credentials].reverse(), policy }),
      claim({ modules: rotate(modules, 2), credentials: rotate(credentials, 3), policy }),
    ]) {
      expect(evaluateClaim(shuffled)).toEqual(expected);
    }
  });
});
