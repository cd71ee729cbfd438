import type {
  CredentialIssuedV1,
  CredentialReinstatedV1,
  CredentialRevokedV1,
  CredentialSuspendedV1,
  EnrolmentCreatedV1,
} from '@lib/contracts';
import {
  firstOfEachId,
  knownCredentialOf,
  knownLearnerOf,
  type LearnerStatusFact,
  reinstatementOf,
  revocationOf,
  suspensionOf,
} from './credential-facts';

const AT = '2025-03-01T10:00:00.000Z';
const LEVEL_7 = { framework: 'FHEQ' as const, level: 7, eqfLevel: 7 };

/** The fields every credential event carries; only those the functions read matter. */
const credential = {
  credentialId: 'urn:uuid:credential-1',
  learnerId: 'learner-1',
  achievementId: 'https://credit-bridge.example/achievements/apps',
  achievementVersion: 1,
  achievementName: 'App building in a day',
  courseId: 'course-1',
  courseCode: 'APP-1',
  offeringId: 'offering-1',
  issuerId: 'https://credit-bridge.example/issuers/uni',
  awardingBodyId: 'uni',
  deliveringOrganisationId: 'partner',
  credits: { value: 7.5, scheme: 'ECTS' as const },
  level: LEVEL_7,
};

describe('credential facts', () => {
  it('gives an issued credential in UK credits, with its dates as dates and no outcomes as none', () => {
    const issued: CredentialIssuedV1 = { ...credential, awardedAt: AT, jwt: 'a.b.c' };

    expect(knownCredentialOf(issued)).toEqual({
      _id: 'urn:uuid:credential-1',
      learnerId: 'learner-1',
      achievementId: credential.achievementId,
      name: 'App building in a day',
      credits: 15,
      level: LEVEL_7,
      learningOutcomes: [],
      issuerId: credential.issuerId,
      awardingBodyId: 'uni',
      awardedAt: new Date(AT),
    });
  });

  it('keeps the field of study and outcomes when the issued event has them', () => {
    const issued: CredentialIssuedV1 = {
      ...credential,
      fieldOfStudy: 'Computing',
      learningOutcomes: ['Builds an app'],
      awardedAt: AT,
      jwt: 'a.b.c',
    };

    expect(knownCredentialOf(issued)).toMatchObject({
      fieldOfStudy: 'Computing',
      learningOutcomes: ['Builds an app'],
    });
  });

  it.each<[string, LearnerStatusFact]>([
    [
      'revocation',
      revocationOf({
        ...credential,
        reason: 'Awarded in error',
        revokedBy: 'registrar',
        revokedAt: AT,
      } satisfies CredentialRevokedV1),
    ],
    [
      'suspension',
      suspensionOf({
        ...credential,
        reason: 'Awarded in error',
        suspendedBy: 'registrar',
        suspendedAt: AT,
      } satisfies CredentialSuspendedV1),
    ],
  ])('gives a %s keyed by credential, action and time, with its reason', (_, fact) => {
    const action = fact.fact.action;
    expect(fact).toEqual({
      learnerId: 'learner-1',
      fact: {
        _id: `urn:uuid:credential-1:${action}:${AT}`,
        credentialId: 'urn:uuid:credential-1',
        action,
        reason: 'Awarded in error',
        at: new Date(AT),
      },
    });
  });

  it('gives a reinstatement without a reason even when the event gives one', () => {
    const event: CredentialReinstatedV1 = {
      ...credential,
      reason: 'Cleared',
      reinstatedBy: 'registrar',
      reinstatedAt: AT,
    };

    expect(reinstatementOf(event)).toEqual({
      learnerId: 'learner-1',
      fact: {
        _id: `urn:uuid:credential-1:reinstate:${AT}`,
        credentialId: 'urn:uuid:credential-1',
        action: 'reinstate',
        at: new Date(AT),
      },
    });
  });

  it('gives the learner of an enrolment with their email', () => {
    const enrolment = { learnerId: 'learner-1', learner: { email: 'ada@example.org' } } as EnrolmentCreatedV1;

    expect(knownLearnerOf(enrolment)).toEqual({ _id: 'learner-1', email: 'ada@example.org' });
  });

  it.each([
    [[], []],
    [
      [
        { _id: 'a', email: 'first' },
        { _id: 'b', email: 'b' },
        { _id: 'a', email: 'second' },
      ],
      [
        { _id: 'a', email: 'first' },
        { _id: 'b', email: 'b' },
      ],
    ],
  ])('keeps the first record of each _id, in order, when given %j', (records, kept) => {
    expect(firstOfEachId(records)).toEqual(kept);
  });
});
