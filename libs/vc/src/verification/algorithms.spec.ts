import { createSecretKey, generateKeyPairSync, type KeyObject, randomBytes, sign } from 'node:crypto';
import { importPKCS8, SignJWT } from 'jose';
import { achievementCredential } from '../achievement-credential';
import { generateKey, publicKeyFromJwk, type VerificationAlgorithm } from '../keys';
import { ISSUER, sampleCredentialInput } from '../testing/sample-credential';
import { credentialClaims } from '../vc-jwt';
import type { VerificationContext } from './context';
import { verifyCredential } from './verify-credential';

/**
 * Which algorithms the verifier accepts, and that each is verified only with a key of its own type and curve: an
 * algorithm-confusion attempt (a header naming one algorithm, a key of another kind) fails. The credentials are
 * signed with jose, not our own code, so that what we accept is what other implementations make.
 */
const claims = credentialClaims(
  achievementCredential(sampleCredentialInput()),
  new Date('2026-12-02T09:00:05Z'),
);
const kid = `${ISSUER}/keys/signing`;

const keys = {
  p256: generateKey('ES256'),
  p384: generateKey('ES384'),
  ed25519: generateKey('EdDSA'),
  rsa: generateKey('RS256'),
};
const publicOf = (name: keyof typeof keys) => publicKeyFromJwk(keys[name].publicJwk);
const otherKinds: Record<string, () => KeyObject> = {
  ed448: () => generateKeyPairSync('ed448').publicKey,
  'RSA of 1024 bits': () => generateKeyPairSync('rsa', { modulusLength: 1024 }).publicKey,
  'P-521': () => generateKeyPairSync('ec', { namedCurve: 'P-521' }).publicKey,
  'a shared secret': () => createSecretKey(randomBytes(32)),
};

async function signedWith(alg: string, privateKey: KeyObject | Uint8Array | string): Promise<string> {
  const key = typeof privateKey === 'string' ? await importPKCS8(privateKey, alg) : privateKey;
  return new SignJWT(claims).setProtectedHeader({ alg, typ: 'JWT', kid }).sign(key);
}

async function verifiedWith(compact: string, key: KeyObject) {
  const context: VerificationContext = {
    isTrusted: (issuerId) => Promise.resolve(issuerId === ISSUER),
    resolveKey: (requested) => Promise.resolve(requested === kid ? key : undefined),
    readStatus: () => Promise.resolve({ set: false }),
    partnerAuthorised: () => Promise.resolve(true),
    now: () => new Date('2027-01-01T00:00:00Z'),
  };
  const result = await verifyCredential(compact, context);
  const check = (id: string) => result.checks.find((candidate) => candidate.id === id)!;
  return { status: result.status, header: check('header'), signature: check('signature') };
}

const accepted: [VerificationAlgorithm, keyof typeof keys][] = [
  ['ES256', 'p256'],
  ['ES384', 'p384'],
  ['EdDSA', 'ed25519'],
  ['RS256', 'rsa'],
];

describe('the algorithms a VC-JWT may be signed with', () => {
  it.each(accepted)('accepts %s verified with its own key (%s)', async (alg, name) => {
    const result = await verifiedWith(await signedWith(alg, keys[name].privateKeyPem), publicOf(name));
    expect(result.status).toBe('valid');
    expect(result.header.message).toBe(`${alg}, key ${kid}.`);
    expect(result.signature.outcome).toBe('passed');
  });

  it.each(accepted)('refuses %s when the payload was changed after signing', async (alg, name) => {
    const [header, , signature] = (await signedWith(alg, keys[name].privateKeyPem)).split('.');
    const changed = Buffer.from(JSON.stringify({ ...claims, creditsEarned: 60 })).toString('base64url');
    const result = await verifiedWith(`${header}.${changed}.${signature}`, publicOf(name));
    expect([result.status, result.signature.outcome, result.signature.message]).toEqual([
      'invalid',
      'failed',
      'The signature does not verify (invalid signature).',
    ]);
  });

  // Every accepted algorithm against every key that is not its own, and keys of kinds we never accept.
  const wrongKeys = accepted.flatMap(([alg, own]) => [
    ...accepted
      .filter(([, name]) => name !== own)
      .map(([, name]) => [alg, own, name, () => publicOf(name)] as const),
    ...Object.entries(otherKinds).map(([name, key]) => [alg, own, name, key] as const),
  ]);
  const kindOf: Record<string, RegExp> = {
    p256: /the key is a P-256 EC key/,
    p384: /the key is a P-384 EC key/,
    ed25519: /the key is an Ed25519 key/,
    rsa: /the key is a 3072-bit RSA key/,
    ed448: /the key is an Ed448 key/,
    'RSA of 1024 bits': /the key is a 1024-bit RSA key/,
    'P-521': /the key is an EC key on secp521r1/,
    'a shared secret': /the key is a shared secret/,
  };
  it.each(wrongKeys)(
    'refuses %s (signed with its %s key) when the key offered is %s',
    async (alg, own, name, key) => {
      const result = await verifiedWith(await signedWith(alg, keys[own].privateKeyPem), key());
      expect([result.status, result.header.outcome, result.signature.outcome]).toEqual([
        'invalid',
        'passed',
        'failed',
      ]);
      expect(result.signature.message).toMatch(new RegExp(`^The signature does not verify \\(${alg} needs `));
      expect(result.signature.message).toMatch(kindOf[name]!);
    },
  );

  it('refuses an ES256 header over a signature RSA made, with the RSA key offered (algorithm confusion)', async () => {
    const input = (await signedWith('ES256', keys.p256.privateKeyPem)).split('.').slice(0, 2).join('.');
    const rsaSignature = sign('sha256', Buffer.from(input), keys.rsa.privateKeyPem).toString('base64url');
    const result = await verifiedWith(`${input}.${rsaSignature}`, publicOf('rsa'));
    expect(result.signature.message).toBe(
      'The signature does not verify (ES256 needs a P-256 EC key; the key is a 3072-bit RSA key).',
    );
  });

  it('refuses an ECDSA signature in DER rather than the r||s form a JWS carries', async () => {
    const input = (await signedWith('ES384', keys.p384.privateKeyPem)).split('.').slice(0, 2).join('.');
    const der = sign('sha384', Buffer.from(input), keys.p384.privateKeyPem).toString('base64url');
    const result = await verifiedWith(`${input}.${der}`, publicOf('p384'));
    expect(result.signature.outcome).toBe('failed');
  });

  const unsecured = () => {
    const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
    return `${part({ alg: 'none', typ: 'JWT', kid })}.${part(claims)}.`;
  };
  const hmacWithPublicKey = async () => {
    const secret = Buffer.from(JSON.stringify(keys.p256.publicJwk));
    return signedWith('HS256', secret);
  };
  const refused: [string, () => Promise<string>, KeyObject][] = [
    ['none', () => Promise.resolve(unsecured()), publicOf('p256')],
    ['HS256', hmacWithPublicKey, publicOf('p256')],
    ['HS384', () => signedWith('HS384', randomBytes(48)), createSecretKey(randomBytes(48))],
    ['PS256', () => signedWith('PS256', keys.rsa.privateKeyPem), publicOf('rsa')],
    [
      'ES512',
      () => signedWith('ES512', generateKeyPairSync('ec', { namedCurve: 'P-521' }).privateKey),
      publicOf('p256'),
    ],
    ['RS512', () => signedWith('RS512', keys.rsa.privateKeyPem), publicOf('rsa')],
  ];
  it.each(refused)('refuses %s at the header check, naming it', async (alg, compact, key) => {
    const result = await verifiedWith(await compact(), key);
    expect([result.status, result.header.outcome, result.signature.outcome]).toEqual([
      'invalid',
      'failed',
      'skipped',
    ]);
    expect(result.header.message).toBe(
      `The algorithm ${alg} is not accepted (only ES256, ES384, EdDSA and RS256).`,
    );
  });
});
