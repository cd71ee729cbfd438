import type { AchievementVersion } from '../achievements/achievement.schema';
import type { OfferingFact, ProgressFact } from '../progress/progress.schema';
import type { Award, IssueFacts } from '../issuing/issue-builders';

/** Test data for the issuing specs: small factories with overridable defaults, no shared fixtures. */
export const AWARDING_BODY = '11111111-1111-4111-8111-111111111111';
export const PARTNER = '22222222-2222-4222-8222-222222222222';
export const OFFERING = '66666666-6666-4666-8666-666666666666';
export const COURSE = '77777777-7777-4777-8777-777777777777';
export const ACHIEVEMENT = '88888888-8888-4888-8888-888888888888';
export const LEARNER = '33333333-3333-4333-8333-333333333333';

export function offeringOf(overrides: Partial<OfferingFact> = {}): OfferingFact {
  return {
    _id: OFFERING,
    courseId: COURSE,
    courseCode: 'APP101',
    courseTitle: 'App building in a day',
    awardingBodyId: AWARDING_BODY,
    deliveringOrganisationId: AWARDING_BODY,
    startDate: '2026-03-02',
    endDate: '2026-03-02',
    ...overrides,
  };
}

export function achievementOf(overrides: Partial<AchievementVersion> = {}): AchievementVersion {
  return {
    _id: `${ACHIEVEMENT}:1`,
    achievementId: ACHIEVEMENT,
    version: 1,
    courseId: COURSE,
    awardingBodyId: AWARDING_BODY,
    courseCode: 'APP101',
    name: 'App building',
    description: 'Builds a clinical app in a day.',
    criteria: 'Attend and pass the assessment.',
    achievementType: 'Course',
    credits: 5,
    level: { framework: 'FHEQ', level: 7, eqfLevel: 7 },
    learningOutcomes: ['Build an app'],
    createdBy: 'registrar',
    createdAt: new Date('2026-01-01T00:00:00Z'),
    ...overrides,
  };
}

export function resultOf(overrides: Partial<NonNullable<ProgressFact['result']>> = {}) {
  return {
    resultId: 'result-1',
    attempt: 1,
    version: 1,
    overallMark: 72,
    grade: 'A',
    passed: true,
    ...overrides,
  };
}

export function awardOf(overrides: Partial<Award> = {}): Award {
  return {
    kind: 'award',
    completedAt: new Date('2026-03-02T17:00:00Z'),
    result: resultOf(),
    learner: { givenName: 'Ada', familyName: 'Lovelace', email: 'ada@example.org' },
    ...overrides,
  };
}

export function issueFactsOf(overrides: Partial<IssueFacts> = {}): IssueFacts {
  return {
    credentialId: 'urn:uuid:44444444-4444-4444-8444-444444444444',
    issuedAt: new Date('2026-03-03T09:30:15.250Z'),
    emailSalt: 'salt',
    learnerId: LEARNER,
    offering: offeringOf(),
    achievement: achievementOf(),
    achievementUrl: `https://bridge.example/api/credentials/achievements/${ACHIEVEMENT}`,
    award: awardOf(),
    issuer: { id: `https://bridge.example/api/credentials/issuers/${AWARDING_BODY}`, name: 'University' },
    partner: null,
    statusListsUrl: 'https://bridge.example/api/credentials/status-lists',
    revocation: { listId: `${AWARDING_BODY}-revocation-1`, index: 7 },
    suspension: { listId: `${AWARDING_BODY}-suspension-1`, index: 9 },
    ...overrides,
  };
}
