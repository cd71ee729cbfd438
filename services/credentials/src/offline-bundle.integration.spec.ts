import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  generateSigningKey,
  jwkThumbprint,
  type OfflineBundle,
  publishedJwk,
  sealBundle,
  signJws,
} from '@lib/vc';
import { bearer, call, type RunningService, waitFor } from '@lib/testing';
import { completeAndRatify, earnCredential } from '../../spec-support/credentials';
import { type IssuingStack, startIssuingBehindGateway } from '../../spec-support/issuing-behind-gateway';
import { anotherOffering, learner, ok, setUpUniversity } from '../../spec-support/university';

const NO_NETWORK = resolve('services/spec-support/no-network.mjs');
const folder = mkdtempSync(join(tmpdir(), 'offline-bundle-'));

/** `npm run -s verify`, built, in a process whose every outbound connection and DNS lookup throws. */
function verifyWithoutNetwork(...args: string[]): Promise<{ code: number | null; out: string }> {
  return new Promise((done) => {
    const child = spawn(process.execPath, ['dist/libs/vc/src/cli/verify.js', ...args], {
      cwd: process.cwd(),
      env: { ...process.env, NODE_OPTIONS: `--import ${pathToFileURL(NO_NETWORK).href}` },
    });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.on('close', (code) => done({ code, out }));
  });
}

async function verifyOffline(bundle: unknown, ...args: string[]) {
  const file = join(folder, `bundle-${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(file, JSON.stringify(bundle));
  const run = await verifyWithoutNetwork('--offline', file, '--json', ...args);
  return { code: run.code, result: JSON.parse(run.out) };
}

const formatMessage = (result: { checks: { id: string; message: string }[] }) =>
  result.checks.find((check) => check.id === 'format')!.message;

/** A file in the spec's folder holding `content` (JSON unless text). */
function saved(name: string, content: unknown): string {
  const file = join(folder, `${Math.random().toString(36).slice(2)}-${name}`);
  writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content));
  return file;
}

/** A compact JWS with its payload changed by `change`, signed again by `key` as `kid` (or not signed again). */
function resigned(compact: string, change: (claims: any) => void, key?: { kid: string; pem: string }) {
  const [header, payload, signature] = compact.split('.');
  const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString());
  change(claims);
  if (!key) return [header, Buffer.from(JSON.stringify(claims)).toString('base64url'), signature].join('.');
  const decodedHeader = JSON.parse(Buffer.from(header!, 'base64url').toString());
  return signJws({ ...decodedHeader, alg: 'ES256', kid: key.kid }, claims, key.pem);
}

/**
 * The bundle as someone with a key of their own would forge it, end to end: the credential changed and signed
 * again, the status lists signed again, the JWK set replaced with their key (naming the real issuer), and the whole
 * sealed again; nothing in it is the issuer's any more but its name.
 */
function forged(bundle: OfflineBundle): OfflineBundle {
  const key = generateSigningKey('ES256');
  const issuerId = bundle.issuer.id;
  const signer = { kid: `${issuerId}/keys/${key.thumbprint}`, pem: key.privateKeyPem };
  const content = bundle.contents[0]!;
  const jwt = resigned(
    content.jwt,
    (claims) => (claims.credentialSubject.achievement.name = 'A degree never awarded'),
    signer,
  );
  const documents = bundle.documents
    .filter((document) => document.role === 'jwks' || document.mediaType === 'application/vc+jwt')
    .map((document) =>
      document.role === 'jwks'
        ? {
            ...document,
            body: JSON.stringify({
              keys: [publishedJwk(key.publicJwk, { kid: signer.kid, alg: 'ES256', iss: issuerId })],
            }),
          }
        : { ...document, body: resigned(document.body, () => {}, signer) },
    );
  const { seal: _seal, ...unsealed } = bundle;
  const { dataIntegrity: _proofForm, ...jwtOnly } = content;
  return sealBundle(
    { ...unsealed, contents: [{ ...jwtOnly, jwt }], documents },
    { algorithm: 'ES256', kid: signer.kid, privateKey: key.privateKeyPem },
  );
}

describe('the offline bundle', () => {
  let stack: IssuingStack;
  let enrolment: RunningService;
  let assessment: RunningService;
  let credentials: RunningService;
  let origin: string;

  beforeAll(async () => {
    stack = await startIssuingBehindGateway();
    ({ enrolment, assessment, credentials, origin } = stack);
  });

  afterAll(async () => {
    await stack?.stop();
  });

  async function download(credentialId: string, learnerId: string) {
    const response = await fetch(
      `${credentials.url}/api/credentials/learners/me/credentials/${credentialId}/download?format=bundle`,
      { headers: bearer('learner', { sub: learnerId }) },
    );
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain(
      'application/vnd.credit-bridge.offline-bundle+json',
    );
    expect(response.headers.get('content-disposition')).toContain('.bundle.json');
    return (await response.json()) as any;
  }

  /** The trust snapshot an employer saves once, online, from the hub's public origin. */
  async function trustSnapshotFile() {
    const response = await fetch(`${origin}/api/credentials/trust-list/snapshot`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toContain('credit-bridge-trust.json');
    return saved('trust.json', await response.json());
  }

  it('verifies with the network off, with the snapshot date, where the same run without it is unverifiable', async () => {
    const stack = { enrolment: enrolment.url, assessment: assessment.url, credentials: credentials.url };
    const uni = await setUpUniversity(enrolment.url, 5);
    const { credential, learnerId, learner } = await earnCredential(stack, uni, 77);
    const bundle = await download(credential.credentialId, learnerId);
    const trust = await trustSnapshotFile();
    expect(bundle).toMatchObject({ type: 'CreditBridgeOfflineBundle', version: 1 });
    expect(bundle.documents.map((document: any) => document.role).sort()).toEqual([
      'did-document',
      'jwks',
      'status-list',
      'status-list',
      'status-list',
      'status-list',
    ]);

    const offline = await verifyOffline(bundle, '--email', learner.email, '--trust', trust);
    expect(offline.result).toMatchObject({
      status: 'valid',
      snapshot: { takenAt: bundle.snapshotAt, stale: false },
      summary: { credits: 5 },
    });
    expect(offline.code).toBe(0);
    const check = (id: string) => offline.result.checks.find((found: any) => found.id === id);
    expect(check('revocation').message).toContain(
      `Last known at ${new Date(bundle.snapshotAt).toISOString()}`,
    );
    expect(check('suspension')).toMatchObject({ outcome: 'passed' });
    expect(check('partner')).toMatchObject({ outcome: 'passed' });
    expect(check('holder')).toMatchObject({ outcome: 'passed' });

    // The same process without the bundle's snapshot has nothing to check against: unverifiable, not valid.
    const online = await verifyWithoutNetwork(credential.jwt, '--server', origin, '--json');
    expect(JSON.parse(online.out)).toMatchObject({ status: 'unverifiable', verified: false });
    expect(online.code).toBe(1);

    // Plain text says when the statuses were last known; an old snapshot (older than the age allowed) warns.
    const file = join(folder, 'plain.bundle.json');
    writeFileSync(file, JSON.stringify(bundle));
    const plain = await verifyWithoutNetwork('--offline', file, '--trust', trust);
    expect(plain.out).toContain('VALID: ');
    expect(plain.out).toContain(`Offline: statuses as last known at ${bundle.snapshotAt}`);
    expect(plain.out).not.toContain('Warning:');
    // It names the key that signed the snapshot: the hub's published trust-list key.
    const published = await call(origin, 'GET', '/api/credentials/trust-list/keys');
    expect(plain.out).toContain(`Issuer checked against: the trust snapshot of ${origin} taken at `);
    expect(plain.out).toContain(`signed by trust-list key ${jwkThumbprint(published.body.keys[0])}`);
    const old = await verifyWithoutNetwork('--offline', file, '--max-snapshot-age', '0m', '--trust', trust);
    expect(old.out).toMatch(
      /Warning: The statuses are as last known at .+ the credential may have been revoked/,
    );
    expect(old.code).toBe(0);
    expect((await verifyWithoutNetwork('--offline', file, '--max-snapshot-age', 'soon')).code).toBe(2);

    // The verification API verifies a bundle as given, fetching nothing, with the service's own setting of age.
    const posted = (body: unknown) =>
      call(credentials.url, 'POST', '/api/credentials/verify', { body: { credential: body } });
    expect((await posted(bundle)).body).toMatchObject({
      status: 'valid',
      snapshot: { takenAt: bundle.snapshotAt, stale: false },
    });
    const renamed = structuredClone(bundle);
    renamed.issuer.profile.name = 'Another University';
    const refused = await posted(renamed);
    expect(refused.body).toMatchObject({ status: 'invalid' });
    expect(formatMessage(refused.body)).toBe('The issuer profile was altered after the bundle was sealed.');

    // Revoked after one download: a bundle taken before still says valid (as last known), a new one says revoked.
    await ok(
      call(credentials.url, 'POST', `/api/credentials/credentials/${credential.credentialId}/revocation`, {
        headers: uni.registrar,
        body: { reason: 'Issued in error' },
      }),
    );
    expect((await verifyOffline(bundle, '--trust', trust)).result.status).toBe('valid');
    const revoked = await verifyOffline(await download(credential.credentialId, learnerId), '--trust', trust);
    expect(revoked.result.status).toBe('revoked');
    expect(revoked.code).toBe(1);
  });

  it('trusts the issuer only from what the verifier holds: a forged bundle is not trusted, a tampered snapshot refused', async () => {
    const stack = { enrolment: enrolment.url, assessment: assessment.url, credentials: credentials.url };
    const uni = await setUpUniversity(enrolment.url, 5);
    const { credential, learnerId } = await earnCredential(stack, uni, 70);
    const bundle = await download(credential.credentialId, learnerId);
    const fake = forged(bundle);
    const trust = await trustSnapshotFile();

    // Without anything of the verifier's, neither is called trusted: each matches only the keys it carries.
    for (const candidate of [bundle, fake]) {
      const { code, result } = await verifyOffline(candidate);
      expect(result).toMatchObject({ status: 'untrusted-issuer', verified: false });
      expect(result.headline).toMatch(
        /^Issuer not confirmed: the credential matches the keys inside this file/,
      );
      expect(result.checks.find((check: any) => check.id === 'signature').outcome).toBe('passed');
      expect(code).toBe(1);
    }
    const plain = await verifyWithoutNetwork('--offline', saved('fake.bundle.json', fake));
    expect(plain.out).toContain('UNTRUSTED-ISSUER: Issuer not confirmed');
    expect(plain.out).toContain('Issuer checked against: nothing you hold');

    // With the trust snapshot saved earlier, the real one is valid and the forged one is not the issuer's.
    expect((await verifyOffline(bundle, '--trust', trust)).result.status).toBe('valid');
    const refused = await verifyOffline(fake, '--trust', trust);
    expect(refused.result.status).toBe('invalid');
    expect(refused.result.checks.find((check: any) => check.id === 'key').outcome).toBe('failed');
    expect(formatMessage(refused.result)).toMatch(
      /seal does not verify with the issuer’s keys this verifier holds/,
    );
    expect(refused.code).toBe(1);

    // The hub's own keys pinned (its /.well-known/jwks.json, saved) do the same.
    const jwks = saved('jwks.json', (await call(origin, 'GET', '/.well-known/jwks.json')).body);
    expect((await verifyOffline(bundle, '--issuer-jwks', jwks)).result.status).toBe('valid');
    expect((await verifyOffline(fake, '--issuer-jwks', jwks)).result.status).toBe('invalid');

    // The verification API checks a bundle against the keys in its records, not the bundle's.
    const posted = await call(credentials.url, 'POST', '/api/credentials/verify', {
      body: { credential: fake },
    });
    expect(posted.body).toMatchObject({ status: 'invalid', verified: false });

    // A snapshot changed after the hub signed it (the forger's key put in) is refused before anything is checked.
    const snapshot = JSON.parse(readFileSync(trust, 'utf8'));
    const forgedKey = JSON.parse(fake.documents.find((document) => document.role === 'jwks')!.body).keys[0];
    const tampered = {
      ...snapshot,
      jws: resigned(snapshot.jws, (claims) => {
        const entry = claims.entries.find((found: any) => found.issuerId === bundle.issuer.id);
        entry.keys.push(forgedKey);
      }),
    };
    const run = await verifyWithoutNetwork(
      '--offline',
      saved('fake.bundle.json', fake),
      '--trust',
      saved('tampered-trust.json', tampered),
    );
    expect(run.code).toBe(2);
    expect(run.out).toMatch(
      /trust snapshot’s signature does not verify: it was altered after the hub signed it/,
    );
  });

  it('is invalid when any part is altered, and names a part that is missing', async () => {
    const stack = { enrolment: enrolment.url, assessment: assessment.url, credentials: credentials.url };
    const uni = await setUpUniversity(enrolment.url, 5);
    const { credential, learnerId } = await earnCredential(stack, uni, 64);
    const bundle = await download(credential.credentialId, learnerId);
    const altered = (change: (copy: any) => void) => {
      const copy = structuredClone(bundle);
      change(copy);
      return copy;
    };
    const documentOf = (copy: any, role: string, mediaType?: string) =>
      copy.documents.find(
        (document: any) => document.role === role && (!mediaType || document.mediaType === mediaType),
      );
    const flip = (text: string, at: number) =>
      `${text.slice(0, at)}${text[at] === 'A' ? 'B' : 'A'}${text.slice(at + 1)}`;

    const cases: [string, (copy: any) => void, RegExp][] = [
      [
        'credential',
        (copy) => {
          const [header, payload, signature] = copy.contents[0].jwt.split('.');
          const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
          claims.credentialSubject.achievement.name = 'A degree never awarded';
          copy.contents[0].jwt = [
            header,
            Buffer.from(JSON.stringify(claims)).toString('base64url'),
            signature,
          ].join('.');
        },
        /credential urn:uuid:.+ was altered/,
      ],
      [
        'keys',
        (copy) => {
          const jwks = documentOf(copy, 'jwks');
          const set = JSON.parse(jwks.body);
          set.keys[0].x = flip(set.keys[0].x, 5);
          jwks.body = JSON.stringify(set);
        },
        /seal does not verify with the issuer’s bundled keys/,
      ],
      [
        'status list',
        (copy) => {
          const list = documentOf(copy, 'status-list', 'application/vc+jwt');
          list.body = flip(list.body, list.body.length - 5);
        },
        /status list at .+ was altered/,
      ],
      [
        'issuer profile',
        (copy) => (copy.issuer.profile.name = 'Another University'),
        /issuer profile was altered/,
      ],
      [
        'trust entry',
        (copy) => (copy.issuer.trustListEntry.jwksUrl = 'https://attacker.example/jwks.json'),
        /trust-list entry was altered/,
      ],
      ['snapshot date', (copy) => (copy.snapshotAt = new Date().toISOString()), /snapshot date was altered/],
      ['missing profile', (copy) => delete copy.issuer.profile, /The bundle has no issuer profile/],
      [
        'missing trust entry',
        (copy) => delete copy.issuer.trustListEntry,
        /The bundle has no trust-list entry/,
      ],
      [
        'missing keys',
        (copy) => (copy.documents = copy.documents.filter((d: any) => d.role !== 'jwks')),
        /no issuer’s keys/,
      ],
      ['missing seal', (copy) => delete copy.seal, /The bundle has no seal/],
      [
        'missing status list',
        (copy) => (copy.documents = copy.documents.filter((d: any) => d.role !== 'status-list')),
        /status list at .+ is missing from the bundle/,
      ],
    ];
    for (const [part, change, message] of cases) {
      const { code, result } = await verifyOffline(altered(change));
      expect({ part, status: result.status, message: formatMessage(result) }).toEqual({
        part,
        status: 'invalid',
        message: expect.stringMatching(message),
      });
      expect(code).toBe(1);
    }
  });

  it('carries a learner record with each credential it holds: verified offline one by one, a tampered one named', async () => {
    const services = { enrolment: enrolment.url, assessment: assessment.url, credentials: credentials.url };
    const uni = await setUpUniversity(enrolment.url, 5);
    const details = learner('clr-bundle');
    const courses = [
      uni,
      await anotherOffering(enrolment.url, uni),
      await anotherOffering(enrolment.url, uni),
    ];
    let learnerId = '';
    for (const [n, course] of courses.entries())
      ({ learnerId } = await completeAndRatify(services, course, 60 + n * 10, { learner: details }));
    const headers = bearer('learner', { sub: learnerId });
    await waitFor(
      async () => {
        const mine = await ok(
          call(credentials.url, 'GET', '/api/credentials/learners/me/credentials', { headers }),
        );
        return mine.items.length === 3 ? true : undefined;
      },
      { what: 'three credentials to be issued', timeoutMs: 60_000 },
    );
    const { record } = await ok(
      call(credentials.url, 'POST', '/api/credentials/learners/me/clr', {
        headers,
        body: { awardingBodyId: uni.awardingBodyId },
      }),
    );
    const response = await fetch(
      `${credentials.url}/api/credentials/learners/me/clr/${record.credentialId}/download?format=bundle`,
      { headers },
    );
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain(
      'application/vnd.credit-bridge.offline-bundle+json',
    );
    expect(response.headers.get('content-disposition')).toContain('.bundle.json');
    const bundle = (await response.json()) as any;
    expect(bundle.contents.map((content: any) => [content.kind, content.id])).toEqual([
      ['clr', record.credentialId],
      ...record.credentialIds.map((id: string) => ['credential', id]),
    ]);
    expect(bundle.contents[0].dataIntegrity.proof).toMatchObject({ cryptosuite: 'eddsa-rdfc-2022' });

    // Offline, with networking disabled: the record and each credential it holds, with the snapshot's date.
    const trust = await trustSnapshotFile();
    const offline = await verifyOffline(bundle, '--trust', trust);
    expect(offline.code).toBe(0);
    expect(offline.result).toMatchObject({ status: 'valid', snapshot: { takenAt: bundle.snapshotAt } });
    expect(offline.result.heldCredentials.map((one: any) => [one.summary.credentialId, one.status])).toEqual(
      record.credentialIds.map((id: string) => [id, 'valid']),
    );
    const file = join(folder, 'record.bundle.json');
    writeFileSync(file, JSON.stringify(bundle));
    const plain = await verifyWithoutNetwork('--offline', file, '--trust', trust);
    expect(plain.out).toContain('VALID: ');
    expect(plain.out).toContain(`Offline: statuses as last known at ${bundle.snapshotAt}`);
    expect(plain.out).toContain('Credentials the record holds (3):');
    for (const id of record.credentialIds) expect(plain.out).toContain(id);
    expect(
      plain.out.match(/^ +\d+\. VALID: App building in a day \(C[0-9A-F]+\), issued by University /gm),
    ).toHaveLength(3);

    // The verification API verifies it as given, fetching nothing.
    const posted = await ok(
      call(credentials.url, 'POST', '/api/credentials/verify', { body: { credential: bundle } }),
    );
    expect([posted.status, posted.heldCredentials.length]).toEqual(['valid', 3]);

    // A held credential altered in the bundle: invalid, and that credential is named, in JSON and in plain text.
    const tampered = structuredClone(bundle);
    const victim = tampered.contents[2];
    const [header, payload, signature] = victim.jwt.split('.');
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
    claims.credentialSubject.achievement.name = 'A degree never awarded';
    victim.jwt = [header, Buffer.from(JSON.stringify(claims)).toString('base64url'), signature].join('.');
    const refused = await verifyOffline(tampered, '--trust', trust);
    expect(refused.code).toBe(1);
    expect(refused.result.status).toBe('invalid');
    expect(formatMessage(refused.result)).toBe(
      `The credential ${victim.id} was altered after the bundle was sealed.`,
    );
    const named = refused.result.heldCredentials.find((one: any) => one.summary.credentialId === victim.id);
    expect([named.status, formatMessage(named)]).toEqual(['invalid', expect.stringContaining(victim.id)]);
    const tamperedFile = join(folder, 'tampered-record.bundle.json');
    writeFileSync(tamperedFile, JSON.stringify(tampered));
    const tamperedPlain = await verifyWithoutNetwork('--offline', tamperedFile, '--trust', trust);
    expect(tamperedPlain.out).toMatch(/^ +\d+\. INVALID: .+ — .*not the one the record holds/m);
    expect(tamperedPlain.code).toBe(1);
  });
});
