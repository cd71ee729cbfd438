import { generateKeyPairSync } from 'node:crypto';
import { didKeyOf, didKeyVerificationMethodOf, signDataIntegrity } from '../data-integrity';
import { emptyStatusList, setBit, statusListCredential } from '../status-list';
import { provenJsonListSubject } from './remote-status-json';

describe('a status list served as JSON with a Data Integrity proof', () => {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const issuer = didKeyOf(publicKey);
  const method = didKeyVerificationMethodOf(publicKey);
  const resolveKey = (kid: string, issuerId: string) =>
    Promise.resolve(kid === method && issuerId === issuer ? publicKey : undefined);

  async function list(over: Record<string, unknown> = {}, signWith = privateKey) {
    const bits = emptyStatusList();
    setBit(bits, 9, true);
    const unsigned = {
      ...statusListCredential({
        listUrl: 'https://issuer.example/status/1',
        issuerId: issuer,
        purpose: 'revocation',
        bits,
        validFrom: '2026-01-01T00:00:00Z',
      }),
      ...over,
    };
    return signDataIntegrity(unsigned, { privateKey: signWith, verificationMethod: method });
  }
  const read = async (document: unknown, issuerId = issuer) =>
    provenJsonListSubject(JSON.stringify(document), issuerId, resolveKey).then(
      (subject) => subject.statusPurpose,
      (error: Error) => error.message,
    );

  it('gives the list of a proof by a key of the credential’s issuer', async () => {
    expect(await read(await list())).toBe('revocation');
  });

  // Each list is read for the issuer `issuer`, but the first for another: the proof's key is not that issuer's.
  it.each<[string, () => Promise<unknown>, string]>([
    [
      'another issuer’s list',
      async () => list(),
      'The status list is not signed by a key of the credential’s issuer.',
    ],
    [
      'a list proven by a key that is not the issuer’s',
      () => list({}, generateKeyPairSync('ed25519').privateKey),
      'The status list’s proof does not verify.',
    ],
    [
      'a list changed after its proof',
      async () => ({ ...(await list()), validFrom: '2026-01-02T00:00:00Z' }),
      'The status list’s proof does not verify.',
    ],
    [
      'a list not valid yet',
      () => list({ validFrom: '2999-01-01T00:00:00Z' }),
      'The status list is not valid yet (validFrom).',
    ],
    [
      'an expired list',
      () => list({ validUntil: '2026-01-02T00:00:00Z' }),
      'The status list has expired (validUntil).',
    ],
    [
      'a list without a proof',
      async () => ({ ...(await list()), proof: undefined }),
      'The status list is not signed by a key of the credential’s issuer.',
    ],
  ])('refuses %s', async (what, document, message) => {
    const readFor = what === 'another issuer’s list' ? 'did:web:elsewhere.example' : issuer;
    expect(await read(await document(), readFor)).toBe(message);
  });

  it('refuses what is not JSON', async () => {
    await expect(provenJsonListSubject('{not json', issuer, resolveKey)).rejects.toThrow(
      'The status list is not JSON.',
    );
  });
});
