import {
  bearer,
  call,
  ExternalIssuer,
  type RunningService,
  startTestService,
  testTopicPrefix,
} from '@lib/testing';
import { ok } from '../../spec-support/university';
import { credentialsService } from './credentials.definition';

const parts = (compact: string) => compact.split('.') as [string, string, string];
const headerOf = (compact: string) => JSON.parse(Buffer.from(parts(compact)[0], 'base64url').toString());
const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

/**
 * Another hub need not sign as we do: its ES384 and EdDSA (Ed25519) credentials, and the status lists it signs with
 * the same keys, verify through the public endpoint once the hub is on the hub-wide trust list.
 */
describe('verifying another hub’s ES384 and EdDSA credentials', () => {
  let credentials: RunningService;
  let hub: ExternalIssuer;

  const verify = async (credential: unknown) =>
    ok(call(credentials.url, 'POST', '/api/credentials/verify', { body: { credential } }));
  const outcomes = (result: any) =>
    Object.fromEntries(result.checks.map((check: any) => [check.id, check.outcome]));
  const check = (result: any, id: string) => result.checks.find((candidate: any) => candidate.id === id);

  beforeAll(async () => {
    credentials = await startTestService('credentials', credentialsService, {
      topicPrefix: testTopicPrefix(),
    });
    hub = await ExternalIssuer.start();
    await ok(
      call(credentials.url, 'POST', '/api/credentials/trust-list', {
        headers: bearer('admin'),
        body: { issuerId: hub.issuerId, name: hub.name, jwksUrl: hub.jwksUrl },
      }),
    );
    hub.addStatusList('revocation-es384', 'revocation', hub.es384);
    hub.addStatusList('revocation-eddsa', 'revocation', hub.eddsa);
  }, 60_000);

  afterAll(async () => {
    await hub.stop();
    await credentials.stop();
  });

  const signers = () =>
    [
      ['ES384', hub.es384, 'revocation-es384'],
      ['EdDSA', hub.eddsa, 'revocation-eddsa'],
    ] as const;

  it('finds each valid, its status read from a list signed with the same algorithm', async () => {
    for (const [alg, key, list] of signers()) {
      const compact = hub.sign(hub.credential({ credentialStatus: hub.statusEntry(list, 17) }), key);
      expect(headerOf(compact)).toEqual({ alg, typ: 'JWT', kid: hub.kidOf(key) });
      const result = await verify(compact);
      expect([alg, result.status, result.verified]).toEqual([alg, 'valid', true]);
      expect(outcomes(result)).toMatchObject({
        header: 'passed',
        key: 'passed',
        signature: 'passed',
        revocation: 'passed',
        trust: 'passed',
      });
      expect(check(result, 'header').message).toBe(`${alg}, key ${hub.kidOf(key)}.`);
      expect(result.summary).toMatchObject({ course: 'Data in a day', credits: 5 });
    }
  });

  it('finds one revoked when its bit is set on that list', async () => {
    for (const [alg, key, list] of signers()) {
      hub.setStatus(list, 99);
      const result = await verify(
        hub.sign(hub.credential({ credentialStatus: hub.statusEntry(list, 99) }), key),
      );
      expect([alg, result.status]).toEqual([alg, 'revoked']);
    }
  });

  it('finds a tampered one invalid at the signature check', async () => {
    for (const [alg, key] of signers()) {
      const [header, payload, signature] = parts(hub.sign(hub.credential(), key));
      const changed = b64({ ...JSON.parse(Buffer.from(payload, 'base64url').toString()), creditsEarned: 60 });
      const result = await verify(`${header}.${changed}.${signature}`);
      expect([alg, result.status, check(result, 'signature').outcome]).toEqual([alg, 'invalid', 'failed']);
      expect(check(result, 'signature').message).toBe('The signature does not verify (invalid signature).');
      expect(outcomes(result).claims).toBe('skipped');
    }
  });

  it('refuses an algorithm named against a key of another kind, and algorithms it does not accept', async () => {
    // An EdDSA signature under an ES384 header that names the hub's EdDSA key: the key decides, not the header.
    const eddsa = parts(hub.sign(hub.credential(), hub.eddsa));
    const confused = `${b64({ ...headerOf(eddsa.join('.')), alg: 'ES384' })}.${eddsa[1]}.${eddsa[2]}`;
    const result = await verify(confused);
    expect([result.status, check(result, 'signature').message]).toEqual([
      'invalid',
      'The signature does not verify (ES384 needs a P-384 EC key; the key is an Ed25519 key).',
    ]);

    const none = await verify(`${b64({ alg: 'none', typ: 'JWT', kid: hub.kidOf(hub.eddsa) })}.${eddsa[1]}.`);
    expect([none.status, check(none, 'header').outcome, check(none, 'header').message]).toEqual([
      'invalid',
      'failed',
      'The algorithm none is not accepted (only ES256, ES384, EdDSA and RS256).',
    ]);
  });
});
