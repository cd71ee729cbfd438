import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { achievementCredential } from '../achievement-credential';
import { generateSigningKey, publicKeyFromJwk } from '../keys';
import { ISSUER, sampleCredentialInput } from '../testing/sample-credential';
import { CLR_CONTEXTS } from '../contexts';
import { envelope, signCredential } from '../vc-jwt';
import { type VerificationContext, UnreachableError } from './context';
import { OpenFetcher } from '../outbound';
import { HttpSource } from './http-source';
import { verifyCredential } from './verify-credential';

const key = generateSigningKey('ES256');
const kid = `${ISSUER}/keys/${key.thumbprint}`;
const jwt = signCredential(achievementCredential(sampleCredentialInput()), {
  algorithm: 'ES256',
  kid,
  privateKey: key.privateKeyPem,
});
const at = () => new Date('2027-01-01T00:00:00Z');

function context(over: Partial<VerificationContext> = {}): VerificationContext {
  return {
    isTrusted: (issuerId) => Promise.resolve(issuerId === ISSUER),
    resolveKey: (requested, issuerId) =>
      Promise.resolve(requested === kid && issuerId === ISSUER ? publicKeyFromJwk(key.publicJwk) : undefined),
    readStatus: () => Promise.resolve({ set: false }),
    partnerAuthorised: () => Promise.resolve(true),
    now: at,
    ...over,
  };
}

const outcomes = (result: { checks: { id: string; outcome: string }[] }) =>
  Object.fromEntries(result.checks.map((check) => [check.id, check.outcome]));

describe('verifyCredential', () => {
  it('reports every check in the standard order and comes out valid when all pass', async () => {
    const result = await verifyCredential(jwt, context());
    expect(result.status).toBe('valid');
    expect(result.checks.map((check) => check.id)).toEqual([
      'format',
      'header',
      'key',
      'signature',
      'claims',
      'shape',
      'validity',
      'revocation',
      'suspension',
      'trust',
      'partner',
      'holder',
    ]);
  });

  it('takes a learner record (CLR 2.0) of up to 1 MB, and any other credential of up to 64 KB', async () => {
    const signer = { algorithm: 'ES256' as const, kid, privateKey: key.privateKeyPem };
    const record = (copies: number) => {
      const clr = {
        '@context': [...CLR_CONTEXTS],
        id: 'urn:uuid:33333333-3333-4333-8333-333333333333',
        type: ['VerifiableCredential', 'ClrCredential'],
        issuer: { id: ISSUER, type: ['Profile'], name: 'University of Leeds' },
        name: 'Comprehensive Learner Record',
        validFrom: '2026-12-11T10:00:00Z',
        credentialSubject: {
          id: 'urn:uuid:44444444-4444-4444-8444-444444444444',
          type: ['ClrSubject'],
          verifiableCredential: Array.from({ length: copies }, () => envelope(jwt)),
          achievement: [],
        },
      };
      return signCredential(clr, signer);
    };
    const format = async (compact: string) =>
      (await verifyCredential(compact, context())).checks.find((check) => check.id === 'format')!;

    const large = record(Math.ceil((80 * 1024) / jwt.length));
    expect(Buffer.byteLength(large)).toBeGreaterThan(64 * 1024);
    expect(await format(large)).toMatchObject({ outcome: 'passed' });
    const padded = achievementCredential(sampleCredentialInput());
    const plain = signCredential(
      { ...padded, evidence: [{ type: ['Evidence'], narrative: 'x'.repeat(70_000) }] },
      signer,
    );
    expect(await format(plain)).toMatchObject({
      outcome: 'failed',
      message: expect.stringContaining('the limit is 64 KB (1024 KB for a learner record)'),
    });
    const huge = record(Math.ceil((1100 * 1024) / jwt.length));
    expect(await format(huge)).toMatchObject({
      outcome: 'failed',
      message: expect.stringContaining('1024 KB'),
    });
  });

  it('is never valid when a key or a status list cannot be fetched', async () => {
    const noKey = await verifyCredential(
      jwt,
      context({ resolveKey: () => Promise.reject(new UnreachableError('timed out')) }),
    );
    expect([noKey.status, outcomes(noKey).key, outcomes(noKey).signature]).toEqual([
      'unverifiable',
      'error',
      'skipped',
    ]);
    const noList = await verifyCredential(
      jwt,
      context({ readStatus: () => Promise.reject(new UnreachableError('503')) }),
    );
    expect([noList.status, outcomes(noList).revocation]).toEqual(['unverifiable', 'error']);
  });

  it('does not look up the keys of an issuer not on the trust list', async () => {
    const resolveKey = jest.fn();
    const result = await verifyCredential(
      jwt,
      context({ isTrusted: () => Promise.resolve(false), resolveKey }),
    );
    expect([result.status, outcomes(result).trust, outcomes(result).key]).toEqual([
      'untrusted-issuer',
      'failed',
      'skipped',
    ]);
    expect(resolveKey).not.toHaveBeenCalled();
  });

  it('puts revocation before expiry, and says why', async () => {
    const result = await verifyCredential(
      jwt,
      context({
        readStatus: (entry) => Promise.resolve({ set: entry.purpose === 'revocation', reason: 'Fraud' }),
        now: () => new Date('2040-01-01'),
      }),
    );
    expect([result.status, result.reason, outcomes(result).validity]).toEqual(['revoked', 'Fraud', 'failed']);
  });
});

describe('HttpSource', () => {
  let server: Server;
  let base: string;
  const hits: Record<string, number> = {};

  beforeAll(async () => {
    server = createServer((request, response) => {
      const path = request.url ?? '/';
      hits[path] = (hits[path] ?? 0) + 1;
      if (path === '/cached') response.writeHead(200, { 'cache-control': 'public, max-age=60' }).end('a');
      else if (path === '/no-store') response.writeHead(200, { 'cache-control': 'no-store' }).end('b');
      else if (path === '/big') response.writeHead(200).end('x'.repeat(2048));
      else if (path === '/secret') response.writeHead(401).end('internal admin console');
      // Never answers: only the client's time-out ends it (the server drops it when the spec ends).
      else if (path === '/slow') return;
      else response.writeHead(404).end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(() => {
    server.closeAllConnections();
    return new Promise<void>((resolve) => server.close(() => resolve()));
  });

  // Generous time-outs where an answer is expected, so a busy machine cannot turn them into failures.
  const patient = (onFailure?: (url: string, error: Error) => void) =>
    new HttpSource({ fetcher: new OpenFetcher(10_000, 1024), ...(onFailure ? { onFailure } : {}) });

  it('keeps an answer as long as its Cache-Control allows, and no longer', async () => {
    const http = patient();
    await Promise.all([http.text(`${base}/cached`), http.text(`${base}/cached`)]);
    await http.text(`${base}/cached`);
    await http.text(`${base}/no-store`);
    await http.text(`${base}/no-store`);
    expect([hits['/cached'], hits['/no-store']]).toEqual([1, 2]);
  });

  it('reports what is too big, too slow, refused, missing or not http in one sentence, the cause to the log only', async () => {
    const logged: string[] = [];
    const http = patient((url, error) => logged.push(`${url}: ${error.message}`));
    const impatient = new HttpSource({ fetcher: new OpenFetcher(200, 1024) });
    const failures = [
      () => http.text(`${base}/big`, 'The keys'),
      () => impatient.text(`${base}/slow`, 'The keys'),
      () => http.text(`${base}/secret`, 'The keys'),
      () => http.text(`${base}/missing`, 'The keys'),
      () => http.text('file:///etc/passwd', 'The keys'),
    ];
    for (const failure of failures) {
      const error = await failure().catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(UnreachableError);
      expect((error as Error).message).toBe('The keys could not be fetched.');
    }
    expect(logged).toEqual([
      expect.stringMatching(/\/big: the answer is over 1024 bytes/),
      expect.stringMatching(/\/secret: .* answered 401/),
      expect.stringMatching(/\/missing: .* answered 404/),
      expect.stringMatching(/file:.* is not an http/),
    ]);
  });
});
