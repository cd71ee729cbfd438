import { randomUUID } from 'node:crypto';
import jwt from 'jsonwebtoken';
import { generateSigningKey, publicKeyFromJwk } from './keys';
import { signCredential } from './vc-jwt';
import { CredentialVerificationError, verifyCredentialJwt } from './verify-jwt';

const ISSUER = 'https://credits.example.ac.uk/api/credentials/issuers/u1';
const key = generateSigningKey('ES256');
const other = generateSigningKey('ES256');
const kid = `${ISSUER}/keys/${key.thumbprint}`;
const resolver = (requested: string, issuerId: string) =>
  Promise.resolve(requested === kid && issuerId === ISSUER ? publicKeyFromJwk(key.publicJwk) : undefined);

const credential = (over: Record<string, unknown> = {}) => ({
  id: `urn:uuid:${randomUUID()}`,
  issuer: { id: ISSUER },
  validFrom: '2026-12-01T00:00:00Z',
  validUntil: '2027-12-01T00:00:00Z',
  credentialSubject: { id: `urn:uuid:${randomUUID()}` },
  ...over,
});
const sign = (c = credential()) =>
  signCredential(c, { algorithm: 'ES256', kid, privateKey: key.privateKeyPem });
const at = new Date('2027-01-01T00:00:00Z');

async function failure(compact: string, when = at): Promise<[string, string]> {
  try {
    await verifyCredentialJwt(compact, resolver, when);
  } catch (error) {
    if (error instanceof CredentialVerificationError) return [error.step, error.message];
    throw error;
  }
  return ['none', 'verified'];
}

describe('verifyCredentialJwt', () => {
  it('accepts a credential signed by a published key of its issuer', async () => {
    const c = credential();
    await expect(verifyCredentialJwt(sign(c), resolver, at)).resolves.toMatchObject({
      header: { alg: 'ES256', kid, typ: 'JWT' },
      credential: c,
    });
  });

  it.each<[string, () => string, [string, string | RegExp]]>([
    [
      'a payload changed after signing',
      () => {
        const [h, , s] = sign().split('.');
        return `${h}.${Buffer.from(JSON.stringify({ ...credential(), iss: ISSUER })).toString('base64url')}.${s}`;
      },
      ['signature', /invalid signature/],
    ],
    [
      'alg none',
      () => jwt.sign(credential(), '', { algorithm: 'none' }),
      ['header', 'algorithm none is not accepted'],
    ],
    [
      'HS256',
      () => jwt.sign(credential(), 'secret', { algorithm: 'HS256', keyid: kid }),
      ['header', 'algorithm HS256 is not accepted'],
    ],
    [
      'an unknown kid',
      () =>
        signCredential(credential(), {
          algorithm: 'ES256',
          kid: `${ISSUER}/keys/other`,
          privateKey: other.privateKeyPem,
        }),
      ['key', /is not a key published for/],
    ],
    [
      'a typ of another media type',
      () =>
        jwt.sign({ ...credential() }, key.privateKeyPem, {
          algorithm: 'ES256',
          header: { alg: 'ES256', kid, typ: 'at+jwt' },
        }),
      ['header', 'typ at+jwt is not a credential'],
    ],
    [
      'three parts but not JSON',
      () => 'eyJhbGciOiJFUzI1NiJ9.bm90IGpzb24.c2ln',
      ['format', /not a compact JWS/],
    ],
    ['an oversize token', () => `${sign()}${'A'.repeat(70 * 1024)}`, ['format', 'larger than 64 KB']],
  ])('rejects %s', async (_, make, [step, message]) => {
    const [failedStep, failedMessage] = await failure(make());
    expect(failedStep).toBe(step);
    expect(failedMessage).toEqual(typeof message === 'string' ? message : expect.stringMatching(message));
  });

  it('rejects an expired and a not yet valid credential at the claims step', async () => {
    expect(await failure(sign(), new Date('2028-01-01T00:00:00Z'))).toEqual(['claims', 'expired']);
    expect(await failure(sign(), new Date('2026-01-01T00:00:00Z'))).toEqual(['claims', 'not valid yet']);
  });
});
