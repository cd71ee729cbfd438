import {
  claim,
  credentialOf,
  dataScience,
  FHEQ6,
  fiveCredits,
  moduleOf,
  stackedDataScience,
} from './claim-factories';
import { evaluateClaim } from './evaluate-claim';
import { needsOf } from './needs';
import type { CandidateCredential, ModuleSpec } from './types';

describe('evaluateClaim in words', () => {
  it.each<[string, ModuleSpec, CandidateCredential[], string | undefined]>([
    ['any-of', moduleOf('DS7001'), [], 'one 15-credit level-7 credential in Data Science'],
    [
      'all-of with one criterion met',
      moduleOf('DS7002', {
        rule: {
          combination: 'all',
          criteria: [
            { kind: 'achievement', achievementId: 'ach-stats' },
            { kind: 'properties', minimumCredits: 5, fieldOfStudy: 'data science' },
          ],
        },
      }),
      [credentialOf('c1', { achievementId: 'ach-stats', fieldOfStudy: 'statistics' })],
      'one more 5-credit level-7 credential in data science',
    ],
    [
      'all-of with nothing met',
      moduleOf('DS7002', {
        rule: {
          combination: 'all',
          criteria: [
            { kind: 'achievement', achievementId: 'ach-stats' },
            { kind: 'properties', outcomes: ['Visualise data', 'Clean data'] },
          ],
        },
      }),
      [],
      'one credential for achievement ach-stats and one level-7 credential covering "Visualise data" and "Clean data"',
    ],
    [
      'stacked',
      moduleOf('DS7003', { rule: stackedDataScience }),
      [fiveCredits('c1'), fiveCredits('c2', { level: FHEQ6 })],
      '10 more credits of level-7 credentials in Data Science',
    ],
    ['a dissertation', moduleOf('DS7099', { eligible: false }), [], undefined],
  ])('says what a module still needs: %s', (_, module, credentials, needs) => {
    expect(needsOf(module, credentials)).toBe(needs);
    expect(evaluateClaim(claim({ modules: [module], credentials })).modules[0]?.needs).toBe(needs);
  });

  it('explains each module and each unused credential in words', () => {
    const proposal = evaluateClaim(
      claim({
        modules: [
          moduleOf('DS7001', { core: true, credits: 20 }),
          moduleOf('DS7003', { rule: stackedDataScience }),
          moduleOf('DS7099', { title: 'Dissertation', credits: 60, eligible: false }),
          moduleOf('DS7010', { credits: 10 }),
        ],
        credentials: [
          credentialOf('c1', { credits: 20, name: 'Machine Learning' }),
          fiveCredits('c2'),
          fiveCredits('c3'),
          credentialOf('c4', { level: FHEQ6, credits: 10 }),
          credentialOf('c5', { awardedAt: '2019-03-01T00:00:00Z' }),
          credentialOf('c6', { credits: 10 }),
        ],
        policy: { maxRecognitionCredits: 30 },
      }),
    );
    expect(proposal.modules).toEqual([
      {
        moduleCode: 'DS7001',
        exempt: true,
        credits: 20,
        credentialIds: ['c1'],
        explanation:
          'exempt: c1 "Machine Learning" (20 credits, FHEQ level 7) is a 20-credit level-7 credential in Data Science',
      },
      {
        moduleCode: 'DS7099',
        exempt: false,
        credits: 60,
        credentialIds: [],
        explanation: 'Dissertation is not eligible for recognition of prior learning',
      },
      {
        moduleCode: 'DS7003',
        exempt: false,
        credits: 15,
        credentialIds: [],
        explanation:
          'c2, c6 would meet its rule, but its 15 credits would take recognised credits to 35, over the cap of 30',
        needs: 'room for 15 credits under the recognition cap of 30; 10 credits are left',
      },
      {
        moduleCode: 'DS7010',
        exempt: true,
        credits: 10,
        credentialIds: ['c6'],
        explanation:
          'exempt: c6 "Credential c6" (10 credits, FHEQ level 7) is a 10-credit level-7 credential in Data Science',
      },
    ]);
    const capped =
      'it meets the rule of DS7003, but crediting its 15 credits would take recognised credits to 35, over the cap of 30';
    expect(proposal.unused).toEqual([
      { credentialId: 'c2', reason: 'cap-reached', explanation: capped },
      { credentialId: 'c3', reason: 'cap-reached', explanation: capped },
      {
        credentialId: 'c4',
        reason: 'level-too-low',
        explanation: 'it is at FHEQ level 6, below the FHEQ level 7 that DS7001 needs',
      },
      {
        credentialId: 'c5',
        reason: 'too-old',
        explanation:
          'it was awarded on 2019-03-01, more than 5 years ago; this programme counts only recent learning',
      },
    ]);
    expect(proposal).toMatchObject({ creditsProposed: 30, creditsAlreadyCredited: 0, cap: 30 });
  });

  it.each<[string, ModuleSpec, CandidateCredential[], string]>([
    [
      'any-of',
      moduleOf('DS7001'),
      [credentialOf('c1', { credits: 10 })],
      'no usable credential is a 15-credit level-7 credential in Data Science',
    ],
    [
      'all-of',
      moduleOf('DS7002', {
        rule: {
          combination: 'all',
          criteria: [{ kind: 'achievement', achievementId: 'ach-stats' }, dataScience],
        },
      }),
      [credentialOf('c1')],
      'not every criterion is met: missing a credential for achievement ach-stats',
    ],
    [
      'stacked',
      moduleOf('DS7003', { rule: stackedDataScience }),
      [fiveCredits('c1'), fiveCredits('c2')],
      'your level-7 credentials in Data Science add up to 10 of the 15 credits needed',
    ],
  ])('explains why a module is not exempt: %s', (_, module, credentials, explanation) => {
    expect(evaluateClaim(claim({ modules: [module], credentials })).modules[0]?.explanation).toBe(
      explanation,
    );
  });
});
