import { achievementCredential } from '../achievement-credential';
import { generateSigningKey, publishedJwk } from '../keys';
import { emptyStatusList, setBit, statusListCredential } from '../status-list';
import { ISSUER, sampleCredentialInput } from '../testing/sample-credential';
import { isoSeconds, signCredential } from '../vc-jwt';
import type { BundledDocument, OfflineBundle } from './bundle-format';
import { sealBundle } from './bundle-seal';
import { readTrustSnapshot, signTrustSnapshot, snapshotAnchor } from './trust-snapshot';
import { UNCONFIRMED_ISSUER_HEADLINE, verifyBundle } from './verify-bundle';

const LIST = 'https://credits.example.ac.uk/api/credentials/status-lists/l1';
const HOLDS = 'https://credits.example.ac.uk/api/credentials/status-lists/s1';
const JWKS = 'https://credits.example.ac.uk/.well-known/jwks.json';

/** A bundle as the credentials service makes one, with keys of its own; `listKey` signs the status lists. */
function bundleOf(
  options: {
    revoked?: boolean;
    listKey?: ReturnType<typeof generateSigningKey>;
    key?: ReturnType<typeof generateSigningKey>;
  } = {},
) {
  const key = options.key ?? generateSigningKey('ES256');
  const kid = `${ISSUER}/keys/${key.thumbprint}`;
  const signer = { algorithm: 'ES256' as const, kid, privateKey: key.privateKeyPem };
  const listSigner = options.listKey
    ? { algorithm: 'ES256' as const, kid, privateKey: options.listKey.privateKeyPem }
    : signer;
  const credential = achievementCredential(sampleCredentialInput({ validUntil: undefined }));
  const now = isoSeconds(new Date());
  const list = (url: string, purpose: 'revocation' | 'suspension', set: boolean) => {
    const bits = emptyStatusList();
    if (set) setBit(bits, 94567, true);
    return signCredential(
      statusListCredential({ listUrl: url, issuerId: ISSUER, purpose, bits, validFrom: now, ttlMs: 300_000 }),
      listSigner,
    );
  };
  const documents: BundledDocument[] = [
    {
      role: 'jwks',
      url: JWKS,
      mediaType: 'application/jwk-set+json',
      body: JSON.stringify({ keys: [publishedJwk(key.publicJwk, { kid, alg: 'ES256', iss: ISSUER })] }),
    },
    {
      role: 'status-list',
      url: LIST,
      mediaType: 'application/vc+jwt',
      body: list(LIST, 'revocation', !!options.revoked),
    },
    {
      role: 'status-list',
      url: HOLDS,
      mediaType: 'application/vc+jwt',
      body: list(HOLDS, 'suspension', false),
    },
  ];
  return sealBundle(
    {
      type: 'CreditBridgeOfflineBundle',
      version: 1,
      snapshotAt: now,
      issuer: {
        id: ISSUER,
        profile: { id: ISSUER, type: ['Profile'], name: 'University of Leeds' },
        trustListEntry: { issuerId: ISSUER, jwksUrl: JWKS, kind: 'own' },
      },
      contents: [
        {
          kind: 'credential',
          id: credential.id,
          jwt: signCredential(credential, signer),
          hold: { listUrl: HOLDS, index: 94567 },
          partner: { partnerId: String(credential.credentialSubject.source?.id), authorised: true },
        },
      ],
      documents,
    },
    signer,
  );
}

/** An anchor that trusts the issuer and leaves its keys to the bundle: for what does not turn on trust. */
const trusting = { isTrusted: () => Promise.resolve(true) };

const check = (result: { checks: { id: string; outcome: string; message: string }[] }, id: string) =>
  result.checks.find((found) => found.id === id)!;

/** The hub's trust snapshot, listing ISSUER with this key, signed by a trust-list key of its own. */
function snapshotOf(issuerKey: ReturnType<typeof generateSigningKey>) {
  const listKey = generateSigningKey('ES256');
  const kid = `${ISSUER}/keys/${issuerKey.thumbprint}`;
  return signTrustSnapshot(
    {
      iss: 'https://credits.example.ac.uk',
      iat: Math.floor(Date.now() / 1000),
      takenAt: new Date().toISOString(),
      entries: [
        {
          issuerId: ISSUER,
          name: 'University of Leeds',
          kind: 'own',
          keys: [publishedJwk(issuerKey.publicJwk, { kid, alg: 'ES256', iss: ISSUER })],
        },
      ],
    },
    {
      algorithm: 'ES256',
      kid: 'https://credits.example.ac.uk/api/credentials/trust-list/keys#1',
      privateKey: listKey.privateKeyPem,
      publicJwk: publishedJwk(listKey.publicJwk, {
        kid: 'https://credits.example.ac.uk/api/credentials/trust-list/keys#1',
        alg: 'ES256',
        iss: 'https://credits.example.ac.uk',
      }),
    },
  );
}

describe('an offline bundle', () => {
  it('verifies from what it holds, its statuses last known at its snapshot', async () => {
    const key = generateSigningKey('ES256');
    const bundle = bundleOf({ key });
    const read = readTrustSnapshot(snapshotOf(key));
    if (typeof read === 'string') throw new Error(read);
    const result = await verifyBundle(bundle, { anchor: snapshotAnchor(read) });
    expect(result).toMatchObject({ status: 'valid', snapshot: { takenAt: bundle.snapshotAt, stale: false } });
    expect(check(result, 'revocation').message).toContain('Last known at');
    expect(check(result, 'suspension').outcome).toBe('passed');
    expect(check(result, 'partner').outcome).toBe('passed');
  });

  it('without anything the verifier holds, says its signatures hold but its issuer is not confirmed', async () => {
    const result = await verifyBundle(bundleOf());
    expect(result).toMatchObject({
      status: 'untrusted-issuer',
      verified: false,
      headline: UNCONFIRMED_ISSUER_HEADLINE,
    });
    expect(check(result, 'signature').outcome).toBe('passed');
    expect(check(result, 'trust')).toMatchObject({ outcome: 'failed', message: /^Not confirmed/ });
  });

  it('with a trust snapshot, refuses a bundle forged end to end with another key, and a tampered snapshot', async () => {
    const real = generateSigningKey('ES256');
    const snapshot = snapshotOf(real);
    const read = readTrustSnapshot(snapshot);
    if (typeof read === 'string') throw new Error(read);
    const forged = await verifyBundle(bundleOf(), { anchor: snapshotAnchor(read) });
    expect(forged.status).toBe('invalid');
    expect(check(forged, 'key').outcome).toBe('failed');
    expect(check(forged, 'format').message).toMatch(
      /seal does not verify with the issuer’s keys this verifier holds/,
    );

    const [header, payload, signature] = snapshot.jws.split('.');
    const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString());
    claims.entries[0].keys[0].x = generateSigningKey('ES256').publicJwk.x;
    const tampered = [header, Buffer.from(JSON.stringify(claims)).toString('base64url'), signature].join('.');
    expect(readTrustSnapshot({ ...snapshot, jws: tampered })).toMatch(/altered after the hub signed it/);
    expect(readTrustSnapshot(snapshot, 'another-thumbprint')).toMatch(/not the hub’s trust-list key/);
  });

  it('says revoked when its revocation list says so', async () => {
    const key = generateSigningKey('ES256');
    const read = readTrustSnapshot(snapshotOf(key));
    if (typeof read === 'string') throw new Error(read);
    const result = await verifyBundle(bundleOf({ revoked: true, key }), { anchor: snapshotAnchor(read) });
    expect(result.status).toBe('revoked');
  });

  it('warns when the snapshot is older than the verifier allows', async () => {
    const bundle = bundleOf();
    const later = () => new Date(Date.parse(bundle.snapshotAt) + 40 * 86_400_000);
    const result = await verifyBundle(bundle, { now: later, anchor: trusting });
    // The status lists are read as of the snapshot, so an old bundle still gives its statuses.
    expect(result.status).toBe('valid');
    expect(result.snapshot).toMatchObject({ stale: true, ageDays: 40 });
    expect(result.snapshot?.warning).toMatch(/40 days ago \(over 30 days\)/);
    expect(
      (await verifyBundle(bundle, { now: later, maxSnapshotAgeMs: 50 * 86_400_000 })).snapshot?.stale,
    ).toBe(false);
  });

  it('checks the status lists’ own signatures: the issuer’s seal does not vouch for a list signed by another key', async () => {
    const result = await verifyBundle(bundleOf({ listKey: generateSigningKey('ES256') }), {
      anchor: trusting,
    });
    expect(result.status).not.toBe('valid');
    expect(check(result, 'revocation')).toMatchObject({
      outcome: 'error',
      message: expect.stringContaining('signature does not verify'),
    });
  });

  it('with a trust anchor, believes the verifier over the bundle: an untrusted issuer, or a key it does not know', async () => {
    const bundle: OfflineBundle = bundleOf();
    const untrusted = await verifyBundle(bundle, { anchor: { isTrusted: () => Promise.resolve(false) } });
    expect(untrusted.status).toBe('untrusted-issuer');
    const unknownKey = await verifyBundle(bundle, { anchor: { knownKey: () => Promise.resolve({}) } });
    expect(unknownKey.status).toBe('invalid');
    expect(check(unknownKey, 'key').outcome).toBe('failed');
  });

  it('is refused, naming the part, when a part is not there or not as sealed', async () => {
    const bundle = bundleOf();
    const without = { ...bundle, issuer: { ...bundle.issuer, profile: {} } };
    expect(check(await verifyBundle(without), 'format').message).toBe('The bundle has no issuer profile.');
    const added = {
      ...bundle,
      documents: [...bundle.documents, { ...bundle.documents[1]!, url: `${LIST}x` }],
    };
    expect(check(await verifyBundle(added), 'format').message).toMatch(/status list at .+x .+ was added/);
    expect((await verifyBundle({ type: 'CreditBridgeOfflineBundle' })).status).toBe('invalid');
    const twoCredentials = { ...bundle, contents: [bundle.contents[0]!, bundle.contents[0]!] };
    expect(check(await verifyBundle(twoCredentials), 'format').message).toBe(
      'The bundle has no learner record first (a bundle of several credentials holds the record they are in).',
    );
    const recordOfNothing = {
      ...bundle,
      contents: [bundle.contents[0]!, { kind: 'clr', id: 'x', jwt: 'y' }],
    };
    expect(check(await verifyBundle(recordOfNothing), 'format').message).toMatch(
      /^The bundle has no credentials the record holds/,
    );
  });
});
