import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { achievementCredential } from '../achievement-credential';
import { generateSigningKey, publicKeyFromJwk } from '../keys';
import { ISSUER, sampleCredentialInput } from '../testing/sample-credential';
import { signCredential } from '../vc-jwt';
import { type VerificationContext, UnreachableError } from './context';
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
  const patient = () => new HttpSource({ maxBytes: 1024, timeoutMs: 10_000 });

  it('keeps an answer as long as its Cache-Control allows, and no longer', async () => {
    const http = patient();
    await Promise.all([http.text(`${base}/cached`), http.text(`${base}/cached`)]);
    await http.text(`${base}/cached`);
    await http.text(`${base}/no-store`);
    await http.text(`${base}/no-store`);
    expect([hits['/cached'], hits['/no-store']]).toEqual([1, 2]);
  });

  it('refuses what is too big, too slow, missing or not http', async () => {
    const http = patient();
    await expect(http.text(`${base}/big`)).rejects.toThrow(/larger than 1024 bytes/);
    const impatient = new HttpSource({ maxBytes: 1024, timeoutMs: 200 });
    await expect(impatient.text(`${base}/slow`)).rejects.toThrow(/could not be fetched \(.*timeout/);
    await expect(http.text(`${base}/missing`)).rejects.toThrow(/answered 404/);
    await expect(http.text('file:///etc/passwd')).rejects.toThrow(/not an http/);
  });
});
