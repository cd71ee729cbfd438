import type { ApprovedCredit } from './approved-credit.schema';
import { clrToSign, contentKeyOf, creditsFor, moduleAchievementId } from './clr-builder';

const jwtOf = (payload: unknown) =>
  `eyJhbGciOiJFUzI1NiJ9.${Buffer.from(JSON.stringify(payload)).toString('base64url')}.c2ln`;
const heldCredential = (n: number) => ({
  credentialId: `urn:uuid:00000000-0000-4000-8000-00000000000${n}`,
  jwt: jwtOf({
    credentialSubject: {
      name: 'Ada Lovelace',
      identifier: [
        { type: 'IdentityObject', hashed: true, identityHash: `sha256$${n}`, identityType: 'emailAddress' },
      ],
      achievement: {
        id: `https://hub.example/achievements/${n}`,
        type: ['Achievement'],
        name: `Course ${n}`,
      },
    },
  }),
});
const credit = (over: Partial<ApprovedCredit> = {}): ApprovedCredit => ({
  creditId: '11111111-1111-4111-8111-111111111111',
  programmeId: '22222222-2222-4222-8222-222222222222',
  programmeCode: 'MSC-DH',
  moduleCode: 'DH7001',
  credits: 15,
  sourceCredentialIds: [heldCredential(1).credentialId, heldCredential(2).credentialId],
  decidedAt: new Date('2026-12-10T09:30:00Z'),
  ...over,
});

describe('learner record builder', () => {
  it('states only credit resting on a credential the record holds', () => {
    const elsewhere = credit({ creditId: 'other', sourceCredentialIds: ['urn:uuid:elsewhere'] });
    expect(creditsFor([credit(), elsewhere], [heldCredential(2).credentialId])).toEqual([credit()]);
  });

  it('keys the content whatever the order, and anew when a credential or credit changes', () => {
    expect(contentKeyOf(['a', 'b'], ['x'])).toBe(contentKeyOf(['b', 'a'], ['x']));
    expect(contentKeyOf(['a', 'b'], ['x'])).not.toBe(contentKeyOf(['a'], ['x']));
    expect(contentKeyOf(['a', 'b'], ['x'])).not.toBe(contentKeyOf(['a', 'b'], []));
  });

  it('holds each credential enveloped as issued, its achievement, the module, and isPartOf associations', () => {
    const held = [heldCredential(3), heldCredential(2), heldCredential(1)];
    const clr = clrToSign({
      credentialId: 'urn:uuid:33333333-3333-4333-8333-333333333333',
      issuedAt: new Date('2026-12-11T10:00:00.123Z'),
      learnerId: '44444444-4444-4444-8444-444444444444',
      issuer: { id: 'https://hub.example/issuers/1', name: 'University' },
      credentials: held,
      credits: [credit()],
      statusListUrl: 'https://hub.example/status-lists/1-revocation-1',
      statusIndex: 7,
    });
    expect(clr.validFrom).toBe('2026-12-11T10:00:00Z');
    expect(clr.name).toBe('Comprehensive Learner Record of Ada Lovelace from University');
    const subject = clr.credentialSubject;
    expect(subject.verifiableCredential.map((entry) => entry.id)).toEqual(
      held.map((one) => `data:application/vc+jwt,${one.jwt}`),
    );
    expect(subject.identifier).toEqual([expect.objectContaining({ identityHash: 'sha256$3' })]);
    const moduleId = moduleAchievementId(credit());
    expect(subject.achievement.map((a) => a.id)).toEqual([
      'https://hub.example/achievements/3',
      'https://hub.example/achievements/2',
      'https://hub.example/achievements/1',
      moduleId,
    ]);
    expect(subject.achievement[3]).toMatchObject({ creditsAvailable: 15, humanCode: 'DH7001' });
    expect(subject.association).toEqual([
      {
        type: 'Association',
        associationType: 'isPartOf',
        sourceId: 'https://hub.example/achievements/1',
        targetId: moduleId,
      },
      {
        type: 'Association',
        associationType: 'isPartOf',
        sourceId: 'https://hub.example/achievements/2',
        targetId: moduleId,
      },
    ]);
    expect(clr.credentialStatus).toMatchObject({ statusListIndex: '7', statusPurpose: 'revocation' });
  });

  it('makes no associations when no credit is approved', () => {
    const clr = clrToSign({
      credentialId: 'urn:uuid:33333333-3333-4333-8333-333333333333',
      issuedAt: new Date(),
      learnerId: '44444444-4444-4444-8444-444444444444',
      issuer: { id: 'https://hub.example/issuers/1', name: 'University' },
      credentials: [heldCredential(1)],
      credits: [],
      statusListUrl: 'https://hub.example/status-lists/1-revocation-1',
      statusIndex: 7,
    });
    expect(clr.credentialSubject).not.toHaveProperty('association');
  });
});
