import { createHash } from 'node:crypto';
import { gunzipSync } from 'node:zlib';
import { decodeProtectedHeader, importJWK, jwtVerify } from 'jose';
import { achievementCredential, hashedEmailIdentifier } from './achievement-credential';
import { CREDENTIAL_CONTEXTS } from './contexts';
import { generateSigningKey, publishedJwk, type SigningAlgorithm } from './keys';
import {
  decodeStatusList,
  emptyStatusList,
  encodeStatusList,
  getBit,
  MIN_STATUS_LIST_ENTRIES,
  randomFreeIndex,
  setBit,
} from './status-list';
import { ISSUER, sampleCredentialInput } from './testing/sample-credential';
import { envelope, signCredential } from './vc-jwt';

describe('Open Badges 3.0 credentials as VC-JWT', () => {
  it.each<[SigningAlgorithm]>([['ES256'], ['RS256']])(
    'signs with %s so that jose verifies it with the published key alone',
    async (alg) => {
      const key = generateSigningKey(alg);
      const kid = `${ISSUER}/keys/${key.thumbprint}`;
      const credential = achievementCredential(sampleCredentialInput());
      const compact = signCredential(
        credential,
        { algorithm: alg, kid, privateKey: key.privateKeyPem },
        new Date('2026-12-02T09:00:05Z'),
      );

      expect(decodeProtectedHeader(compact)).toEqual({ alg, typ: 'JWT', kid });
      const jwk = publishedJwk(key.publicJwk, { kid, alg, iss: ISSUER });
      expect(jwk).not.toHaveProperty('d');
      const { payload } = await jwtVerify(compact, await importJWK(jwk, alg), {
        algorithms: [alg],
        currentDate: new Date('2027-01-01T00:00:00Z'),
      });
      expect(payload).toMatchObject({
        iss: ISSUER,
        jti: credential.id,
        sub: credential.credentialSubject.id,
        nbf: Date.parse(credential.validFrom) / 1000,
        exp: Date.parse(credential.validUntil!) / 1000,
        iat: Date.parse('2026-12-02T09:00:05Z') / 1000,
      });
      expect(payload).toMatchObject(JSON.parse(JSON.stringify(credential)));
    },
  );

  it('follows the Open Badges 3.0 shape rules', () => {
    const credential = achievementCredential(sampleCredentialInput());
    expect(credential['@context'].slice(0, 2)).toEqual([...CREDENTIAL_CONTEXTS]);
    expect(credential.type).toEqual(expect.arrayContaining(['VerifiableCredential', 'OpenBadgeCredential']));
    expect(credential.id).toMatch(/^urn:uuid:/);
    expect(credential.issuer).toMatchObject({
      id: ISSUER,
      type: ['Profile'],
      otherIdentifier: [{ type: 'IdentifierEntry', identifier: '10007795' }],
    });
    const subject = credential.credentialSubject;
    expect(subject.type).toEqual(['AchievementSubject']);
    expect(subject.achievement).toMatchObject({
      type: ['Achievement'],
      criteria: { narrative: expect.any(String) },
      creditsAvailable: 5,
    });
    expect(subject.achievement.alignment.map((a) => a.targetName)).toEqual([
      'FHEQ level 7',
      'EQF level 7',
      '5 UK credits (2.5 ECTS)',
    ]);
    const descriptionIds = subject.achievement.resultDescription.map((d) => d.id);
    expect(subject.result.every((r) => descriptionIds.includes(r.resultDescription))).toBe(true);
    expect(credential.credentialStatus).toMatchObject({
      type: 'BitstringStatusListEntry',
      statusListIndex: '94567',
    });
    // An array, with the VC 2.0 context first, as VC-JOSE-COSE verifiers and the W3C suites expect.
    expect(envelope('a.b.c')).toEqual({
      '@context': ['https://www.w3.org/ns/credentials/v2'],
      type: 'EnvelopedVerifiableCredential',
      id: 'data:application/vc+jwt,a.b.c',
    });
  });

  it('hashes the email with its salt, so a verifier holding the email can match it and nobody else can read it', () => {
    const expected = createHash('sha256').update('ada@nhs.examplepepper').digest('hex');
    expect(hashedEmailIdentifier('Ada@nhs.example ', 'pepper')).toEqual({
      type: 'IdentityObject',
      identityType: 'emailAddress',
      hashed: true,
      identityHash: `sha256$${expected}`,
      salt: 'pepper',
    });
  });
});

describe('Bitstring Status List', () => {
  /** An independent reading of the spec: gunzip the base64url after "u", then bit 0x80 >> (i % 8) of byte i / 8. */
  const bitOf = (encoded: string, index: number) =>
    (gunzipSync(Buffer.from(encoded.slice(1), 'base64url'))[index >> 3]! & (0x80 >> (index & 7))) !== 0;

  it('encodes set bits that an independent decoder reads back, in a list of at least 131,072 entries', () => {
    const bits = emptyStatusList();
    const taken = new Set<number>();
    for (let i = 0; i < 50; i += 1) taken.add(randomFreeIndex(MIN_STATUS_LIST_ENTRIES, taken));
    for (const index of taken) setBit(bits, index, true);
    const encoded = encodeStatusList(bits);
    expect(encoded.startsWith('u')).toBe(true);
    expect(decodeStatusList(encoded).length * 8).toBeGreaterThanOrEqual(131072);
    for (const index of taken) expect(bitOf(encoded, index)).toBe(true);
    expect(
      bitOf(
        encoded,
        [...Array(1000).keys()].find((i) => !taken.has(i))!,
      ),
    ).toBe(false);
    const first = [...taken][0]!;
    setBit(bits, first, false);
    expect(getBit(bits, first)).toBe(false);
    expect(bitOf(encodeStatusList(bits), first)).toBe(false);
  });

  it('chooses indexes at random, not in sequence', () => {
    const taken = new Set<number>();
    const order = Array.from({ length: 20 }, () => {
      const index = randomFreeIndex(MIN_STATUS_LIST_ENTRIES, taken);
      taken.add(index);
      return index;
    });
    expect(order).not.toEqual([...order].sort((a, b) => a - b));
    expect(new Set(order).size).toBe(20);
  });

  it('refuses a list smaller than the minimum', () => {
    expect(() => emptyStatusList(1024)).toThrow('at least 131072');
  });
});
