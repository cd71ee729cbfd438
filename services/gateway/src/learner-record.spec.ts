import {
  awardingBodiesOf,
  type OwnCredential,
  type OwnRecord,
  recordFacts,
} from '../../web/src/pages/learner-record/learner-record';

/** A JWT whose payload the page reads (for display only: the services verify; no signature is needed here). */
const jwtOf = (payload: unknown) => `e30.${Buffer.from(JSON.stringify(payload)).toString('base64url')}.c2ln`;
const issuedBy = (name: string, course: string) =>
  jwtOf({
    issuer: { id: `https://hub.example/issuers/${name}`, name },
    credentialSubject: { achievement: { name: course } },
  });

// The web app's learning record page (services/web/src/pages/learner-record/learner-record.ts): the bodies a record
// can be asked of, and what a record's card says it holds and where it stands.
describe('web app: a learner’s learning records read for display', () => {
  const credential = (awardingBodyId: string, name: string, course: string): OwnCredential => ({
    credentialId: `urn:uuid:${course}`,
    achievementName: course,
    achievementVersion: 1,
    awardingBodyId,
    offeringId: 'offering',
    issuedAt: '2026-12-01T09:00:00.000Z',
    jwt: issuedBy(name, course),
  });
  const record = (over: Partial<OwnRecord> = {}): OwnRecord => ({
    credentialId: 'urn:uuid:record',
    awardingBodyId: 'leeds',
    issuedAt: '2026-12-03T10:00:00.000Z',
    credentialIds: ['urn:uuid:a', 'urn:uuid:b'],
    credits: [],
    status: { state: 'active' },
    jwt: jwtOf({
      type: ['VerifiableCredential', 'ClrCredential'],
      issuer: { id: 'https://hub.example/issuers/leeds', name: 'University of Leeds' },
      credentialSubject: {
        verifiableCredential: [
          {
            type: 'EnvelopedVerifiableCredential',
            id: `data:application/vc+jwt,${issuedBy('Leeds', 'Apps')}`,
          },
          {
            type: 'EnvelopedVerifiableCredential',
            id: `data:application/vc+jwt,${issuedBy('Leeds', 'Data')}`,
          },
        ],
      },
    }),
    ...over,
  });

  it('names each awarding body once, as its credentials are signed, with how many the learner holds, by name', () => {
    const bodies = awardingBodiesOf([
      credential('york', 'University of York', 'Ethics'),
      credential('leeds', 'University of Leeds', 'Apps'),
      credential('york', 'University of York', 'Law'),
    ]);
    expect(bodies).toEqual([
      { id: 'leeds', name: 'University of Leeds', credentials: 1 },
      { id: 'york', name: 'University of York', credentials: 2 },
    ]);
  });

  it('counts what a record holds: its credentials with their courses, and the MSc credit approved', () => {
    const credit = (moduleCode: string, credits: number) => ({
      creditId: moduleCode,
      programmeCode: 'MSC-DH',
      moduleCode,
      credits,
      sourceCredentialIds: ['urn:uuid:a'],
      decidedAt: '2026-12-02T09:00:00.000Z',
    });
    const facts = recordFacts(record({ credits: [credit('DH7001', 15), credit('DH7002', 5)] }));
    expect(facts).toMatchObject({
      awardingBody: 'University of Leeds',
      courses: ['Apps', 'Data'],
      credentials: 2,
      mscCredits: 20,
      modules: ['MSC-DH module DH7001: 15 credits', 'MSC-DH module DH7002: 5 credits'],
      standing: { kind: 'current' },
    });
  });

  it('tells a superseded record from one revoked for another reason, and a suspended one', () => {
    const changedAt = '2026-12-04T09:00:00.000Z';
    const standing = (status: OwnRecord['status']) => recordFacts(record({ status })).standing;
    expect(standing({ state: 'revoked', reason: 'Superseded by urn:uuid:next', changedAt })).toEqual({
      kind: 'superseded',
      on: changedAt,
    });
    expect(standing({ state: 'revoked', reason: 'Issued in error.', changedAt })).toEqual({
      kind: 'revoked',
      reason: 'Issued in error.',
      on: changedAt,
    });
    expect(standing({ state: 'suspended', reason: 'Under review.' })).toEqual({
      kind: 'suspended',
      reason: 'Under review.',
    });
  });

  it('shows nothing it cannot read rather than failing: a record whose JWT is not readable', () => {
    const facts = recordFacts(record({ jwt: 'not a jwt' }));
    expect(facts).toMatchObject({ awardingBody: 'Your awarding body', courses: [], credentials: 2 });
  });
});
