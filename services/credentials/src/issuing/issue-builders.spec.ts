import { openBadgesSchemaProblems } from '@lib/testing';
import { TOPICS } from '@lib/contracts';
import {
  achievementInput,
  awardHold,
  credentialKey,
  credentialToSign,
  evidenceOf,
  issuedRecord,
  sourceOf,
  statusListIds,
  validUntilOf,
} from './issue-builders';
import {
  ACHIEVEMENT,
  achievementOf,
  AWARDING_BODY,
  COURSE,
  issueFactsOf,
  LEARNER,
  OFFERING,
  offeringOf,
  PARTNER,
  resultOf,
} from '../testing/issuing-factories';

const LISTS = 'https://bridge.example/api/credentials/status-lists';

describe('issue builders', () => {
  it('keys a credential by achievement, offering and learner, and names the lists after the awarding body', () => {
    expect(credentialKey({ achievementId: 'a' }, 'o', 'l')).toBe('a:o:l');
    expect(statusListIds(AWARDING_BODY)).toEqual({
      revocation: `${AWARDING_BODY}-revocation-1`,
      suspension: `${AWARDING_BODY}-suspension-1`,
    });
  });

  it.each<[string, number | undefined, string | undefined]>([
    ['no validity', undefined, undefined],
    ['a validity of zero months', 0, undefined],
    ['12 months', 12, '2027-01-31T10:00:00.000Z'],
    ['one month from the end of January', 1, '2026-03-03T10:00:00.000Z'],
  ])('gives the expiry for %s', (_, months, expected) => {
    expect(validUntilOf(new Date('2026-01-31T10:00:00Z'), months)?.toISOString()).toBe(expected);
  });

  it.each([
    ['the awarding body delivered', offeringOf(), null, {}],
    [
      'a known partner with a web site delivered',
      offeringOf({ deliveringOrganisationId: PARTNER }),
      { _id: PARTNER, kind: 'partner' as const, name: 'Code4Health', url: 'https://c4h.example' },
      { source: { id: `urn:uuid:${PARTNER}`, name: 'Code4Health', url: 'https://c4h.example' } },
    ],
    [
      'a partner not known yet delivered',
      offeringOf({ deliveringOrganisationId: PARTNER }),
      null,
      { source: { id: `urn:uuid:${PARTNER}`, name: 'Partner organisation' } },
    ],
  ])('names the source when %s', (_, offering, partner, expected) => {
    expect(sourceOf(offering, partner)).toEqual(expected);
  });

  it.each([
    ['without a location', offeringOf(), 'App building in a day (APP101), 2026-03-02'],
    [
      'with a location',
      offeringOf({ location: 'Leeds' }),
      'App building in a day (APP101), 2026-03-02, Leeds',
    ],
  ])('describes the evidence %s', (_, offering, name) => {
    expect(evidenceOf(offering, resultOf({ overallMark: 64, grade: 'B' }))).toEqual({
      name,
      narrative: 'Attended, and assessed with an overall mark of 64% (B), ratified by the exam board.',
    });
  });

  it('points its one status entry, revocation, at its list and bit; the hold slot stays in the record', () => {
    const facts = issueFactsOf({
      statusListsUrl: LISTS,
      revocation: { listId: 'r', index: 3 },
      suspension: { listId: 's', index: 5 },
    });
    expect(credentialToSign(facts).credentialStatus).toMatchObject({
      id: `${LISTS}/r#3`,
      statusPurpose: 'revocation',
    });
    expect(issuedRecord(facts, 'jwt').record).toMatchObject({ suspensionListId: 's', suspensionIndex: 5 });
  });

  it.each([
    ['no minimum mark or field', achievementOf(), undefined, undefined],
    [
      'a minimum mark and a field',
      achievementOf({ minimumMark: 60, fieldOfStudy: 'Health informatics' }),
      '60',
      'Health informatics',
    ],
  ])('describes the achievement with %s', (_, achievement, requiredValue, fieldOfStudy) => {
    const input = achievementInput(achievement, 'https://a.example/x');
    expect(input.resultDescriptions[0]?.requiredValue).toBe(requiredValue);
    expect(input.resultDescriptions.map((d) => d.id)).toEqual([
      'https://a.example/x/results/mark',
      'https://a.example/x/results/grade',
    ]);
    expect(input.fieldOfStudy).toBe(fieldOfStudy);
    expect(input.version).toBe('1');
  });

  it.each([
    ['does not expire when the achievement sets no validity', {}, undefined],
    ['expires when the achievement sets a validity', { validityMonths: 24 }, '2028-03-03T09:30:15Z'],
  ])('builds the unsigned credential, which %s', (_, overrides, validUntil) => {
    const credential = credentialToSign(issueFactsOf({ achievement: achievementOf(overrides) }));
    expect(credential.id).toBe('urn:uuid:44444444-4444-4444-8444-444444444444');
    expect(credential.validFrom).toBe('2026-03-03T09:30:15Z');
    expect(credential.awardedDate).toBe('2026-03-03T09:30:15Z');
    expect(credential.validUntil).toBe(validUntil);
    expect(credential.credentialSubject.id).toBe(`urn:uuid:${LEARNER}`);
    expect(credential.credentialSubject.name).toBe('Ada Lovelace');
    expect(credential.credentialSubject.result.map((r) => r.value)).toEqual(['72', 'A']);
    expect(credential.credentialSubject.activityStartDate).toBe('2026-03-02T00:00:00Z');
    expect(credential.credentialSubject.activityEndDate).toBe('2026-03-02T23:59:59Z');
    expect(openBadgesSchemaProblems(credential)).toEqual([]);
    // One entry, as Open Badges 3.0 allows: revocation.
    expect(credential.credentialStatus).toEqual({
      id: expect.stringMatching(/-revocation-1#\d+$/),
      type: 'BitstringStatusListEntry',
      statusPurpose: 'revocation',
      statusListIndex: expect.stringMatching(/^\d+$/),
      statusListCredential: expect.stringMatching(/-revocation-1$/),
    });
  });

  it('names the partner as source in the credential when a partner delivered', () => {
    const facts = issueFactsOf({
      offering: offeringOf({ deliveringOrganisationId: PARTNER }),
      partner: { _id: PARTNER, kind: 'partner', name: 'Code4Health' },
    });
    expect(credentialToSign(facts).credentialSubject.source?.name).toBe('Code4Health');
    expect(credentialToSign(issueFactsOf()).credentialSubject.source).toBeUndefined();
  });

  it.each([
    ['an achievement without expiry or field', {}, {}],
    [
      'an achievement with a validity and a field',
      { validityMonths: 12, fieldOfStudy: 'Health informatics' },
      { validUntil: '2027-03-03T09:30:15.250Z', fieldOfStudy: 'Health informatics' },
    ],
  ])('builds the stored record and the issued event for %s', (_, overrides, optional) => {
    const facts = issueFactsOf({ achievement: achievementOf(overrides) });
    const { record, event } = issuedRecord(facts, 'signed.jwt');
    expect(record).toEqual({
      _id: `${ACHIEVEMENT}:${OFFERING}:${LEARNER}`,
      credentialId: facts.credentialId,
      learnerId: LEARNER,
      offeringId: OFFERING,
      awardingBodyId: AWARDING_BODY,
      achievementId: ACHIEVEMENT,
      achievementVersion: 1,
      achievementName: 'App building',
      statusListId: `${AWARDING_BODY}-revocation-1`,
      statusIndex: 7,
      suspensionListId: `${AWARDING_BODY}-suspension-1`,
      suspensionIndex: 9,
      jwt: 'signed.jwt',
      issuedAt: facts.issuedAt,
    });
    expect(event.contract.topic).toBe(TOPICS.credentialsCredentialIssued);
    expect(event.data).toEqual({
      credentialId: facts.credentialId,
      learnerId: LEARNER,
      achievementId: facts.achievementUrl,
      achievementVersion: 1,
      achievementName: 'App building',
      courseId: COURSE,
      courseCode: 'APP101',
      offeringId: OFFERING,
      issuerId: facts.issuer.id,
      awardingBodyId: AWARDING_BODY,
      deliveringOrganisationId: AWARDING_BODY,
      credits: { value: 5, scheme: 'UK' },
      level: { framework: 'FHEQ', level: 7, eqfLevel: 7 },
      learningOutcomes: ['Build an app'],
      awardedAt: '2026-03-03T09:30:15.250Z',
      jwt: 'signed.jwt',
      ...optional,
    });
  });

  it('holds one award per learner and offering, for the awarding body', () => {
    const heldAt = new Date('2026-03-04T00:00:00Z');
    expect(awardHold(offeringOf(), LEARNER, 'not authorised', heldAt)).toEqual({
      _id: `${OFFERING}:${LEARNER}`,
      offeringId: OFFERING,
      learnerId: LEARNER,
      awardingBodyId: AWARDING_BODY,
      reason: 'not authorised',
      heldAt,
    });
  });
});
