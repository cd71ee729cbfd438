import {
  bearer,
  call,
  ConnectionCounter,
  DidWebIssuer,
  type RunningService,
  startTestService,
  testCertificate,
  testTopicPrefix,
} from '@lib/testing';
import { envelope } from '@lib/vc';
import { ok } from '../../spec-support/university';
import { credentialsService } from './credentials.definition';

/**
 * Issuers that are not ours and are did:web DIDs, on the real stack: the issuer is an https server this spec starts
 * on `localhost`, with a certificate from a throwaway authority the service is told to trust
 * (`OUTBOUND_FETCH_CA_FILE`), and allowed by host and port alone (`OUTBOUND_FETCH_ALLOW`), as a developer would allow
 * a local issuer. Its DID document gives its keys; its status lists are JSON with a Data Integrity proof.
 */
describe('did:web issuers and https key ids', () => {
  const listeners = new ConnectionCounter();
  let insidePort: number;
  let issuer: DidWebIssuer;
  let credentials: RunningService;
  const admin = bearer('admin');

  beforeAll(async () => {
    insidePort = await listeners.listen('127.0.0.1');
    const certificate = testCertificate();
    issuer = await DidWebIssuer.start(certificate);
    // 127.0.0.1 on the issuer's port is allowed too: a key there is refused by the host rule, not by the guard.
    credentials = await startTestService('credentials', credentialsService, {
      topicPrefix: testTopicPrefix(),
      env: {
        OUTBOUND_FETCH_ALLOW: `localhost:${issuer.port},127.0.0.1:${issuer.port}`,
        OUTBOUND_FETCH_CA_FILE: certificate.caFile,
      },
    });
    issuer.addStatusList('revocations');
  });

  afterAll(async () => {
    await credentials.stop();
    await issuer.stop();
    await listeners.close();
  });

  const trust = (body: Record<string, unknown>) =>
    call(credentials.url, 'POST', '/api/credentials/trust-list', { headers: admin, body });
  const vcApiVerify = (verifiableCredential: unknown) =>
    call(credentials.url, 'POST', '/api/credentials/credentials/verify', { body: { verifiableCredential } });
  const failedCheck = (answer: { status: number; body: any }) => [
    answer.status,
    answer.body.errors?.map((problem: { check: string }) => problem.check),
  ];

  it('trusts a did:web issuer without a JWKS URL, refusing one with a JWKS URL or of an IP address', async () => {
    const refused = await Promise.all([
      trust({ issuerId: issuer.did, name: 'North', jwksUrl: issuer.jwksUrl }),
      trust({ issuerId: `did:web:127.0.0.1%3A${issuer.port}`, name: 'North' }),
      trust({ issuerId: 'did:web:north.example#key-1', name: 'North' }),
    ]);
    expect(refused.map((answer) => [answer.status, answer.body.errors?.[0]])).toEqual([
      [400, { field: 'jwksUrl', message: 'must be left out: a did:web’s DID document lists its keys' }],
      [
        400,
        {
          field: 'issuerId',
          message: 'must be an http(s) URL, an Ed25519, P-256 or P-384 did:key or a did:web DID',
        },
      ],
      [
        400,
        {
          field: 'issuerId',
          message: 'must be an http(s) URL, an Ed25519, P-256 or P-384 did:key or a did:web DID',
        },
      ],
    ]);
    const added = await trust({ issuerId: issuer.did, name: 'North Hub (did:web)' });
    expect([added.status, added.body.jwksUrl]).toEqual([201, undefined]);
  });

  it('verifies an eddsa-rdfc-2022 credential and an EdDSA VC-JWT with keys from the DID document', async () => {
    issuer.requests.length = 0;
    const proven = await vcApiVerify(await issuer.prove(issuer.credential()));
    expect([proven.status, proven.body.verified, proven.body.checks]).toEqual([
      200,
      true,
      expect.arrayContaining(['trust', 'key', 'signature']),
    ]);
    const jwt = await vcApiVerify(envelope(issuer.signJwt(issuer.credential())));
    expect([jwt.status, jwt.body.verified, jwt.body.result.checks[2]]).toEqual([
      200,
      true,
      expect.objectContaining({
        id: 'key',
        outcome: 'passed',
        message: `${issuer.keyId} is published by the issuer.`,
      }),
    ]);
    expect(issuer.requests.map((request) => [request.host, request.path])).toEqual([
      [`localhost:${issuer.port}`, '/issuers/north/did.json'],
      [`localhost:${issuer.port}`, '/issuers/north/did.json'],
    ]);
    expect(issuer.requests[0]!.accept).toMatch(/^application\/did\+json/);
  });

  it('fetches the DID document once for a batch of one issuer’s credentials', async () => {
    issuer.requests.length = 0;
    const jwts = [1, 2, 3].map(() => issuer.signJwt(issuer.credential()));
    const batch = await ok(
      call(credentials.url, 'POST', '/api/credentials/verify/batch', { body: { credentials: jwts } }),
    );
    expect([batch.total, batch.counts]).toEqual([3, { valid: 3 }]);
    expect(issuer.requestsFor('/issuers/north/did.json')).toHaveLength(1);
  });

  it('refuses a key the DID document does not list, and a key on another host without fetching it', async () => {
    const unlisted = await vcApiVerify(
      await issuer.prove(issuer.credential(), issuer.stranger, `${issuer.did}#key-2`),
    );
    expect(failedCheck(unlisted)).toEqual([400, ['key']]);
    const signedByStranger = await vcApiVerify(await issuer.prove(issuer.credential(), issuer.stranger));
    expect(failedCheck(signedByStranger)).toEqual([400, ['signature']]);

    issuer.requests.length = 0;
    const elsewhere = `https://127.0.0.1:${issuer.port}/keys/1`;
    const otherHost = await vcApiVerify(envelope(issuer.signJwt(issuer.credential(), elsewhere)));
    expect(failedCheck(otherHost)).toEqual([400, ['key']]);
    expect(otherHost.body.errors[0].message).toBe(`${elsewhere} is not a key published for ${issuer.did}.`);
    const otherDid = `did:web:north.example:issuers:north#key-1`;
    expect(
      failedCheck(await vcApiVerify(await issuer.prove(issuer.credential(), issuer.key, otherDid))),
    ).toEqual([400, ['key']]);
    expect(issuer.requests).toEqual([]);
  });

  it('reads an https key id on the issuer’s own origin, and never one on another host', async () => {
    await ok(trust({ issuerId: issuer.httpsIssuerId, name: 'North Hub (https)', jwksUrl: issuer.jwksUrl }));
    const asHttps = (kid: string) =>
      vcApiVerify(envelope(issuer.signJwt(issuer.credential({ issuer: issuer.httpsIssuerId }), kid)));
    issuer.requests.length = 0;
    const own = await asHttps(issuer.httpsKeyId);
    expect([own.status, own.body.verified]).toEqual([200, true]);
    expect(issuer.requests.map((request) => request.path)).toEqual(['/jwks.json', '/keys/1']);

    issuer.requests.length = 0;
    const elsewhere = await asHttps(`https://127.0.0.1:${issuer.port}/keys/1`);
    expect(failedCheck(elsewhere)).toEqual([400, ['key']]);
    expect(issuer.requests.filter((request) => request.host !== `localhost:${issuer.port}`)).toEqual([]);
    expect(issuer.requestsFor('/keys/1')).toEqual([]);
  });

  it('refuses a did:web issuer at an internal address, when it is added and after its document moved there', async () => {
    const inside = `did:web:localhost%3A${insidePort}`;
    const refused = await Promise.all([
      trust({ issuerId: inside, name: 'Inside' }),
      trust({ issuerId: `did:web:localhost%3A${issuer.port}:issuers:nobody`, name: 'Nobody' }),
    ]);
    expect(refused.map((answer) => [answer.status, answer.body.errors])).toEqual([
      [
        422,
        [
          {
            field: 'issuerId',
            message:
              'is not an address this service fetches from: it is inside a private network, not on the internet',
          },
        ],
      ],
      [422, [{ field: 'issuerId', message: 'the issuer’s keys could not be fetched from its DID document' }]],
    ]);

    const credential = await issuer.prove(issuer.credential());
    issuer.moveDocumentTo(`https://localhost:${insidePort}/did.json`);
    try {
      const answer = await vcApiVerify(credential);
      expect(failedCheck(answer)).toEqual([400, ['key']]);
      expect(answer.body.errors[0].message).toBe('Could not check: The issuer’s keys could not be fetched.');
    } finally {
      issuer.moveDocumentTo(undefined);
    }
    expect(listeners.count).toBe(0);
    expect((await vcApiVerify(credential)).status).toBe(200);
  });

  it('reads a status list served as JSON with a Data Integrity proof: the bit set, the credential is revoked', async () => {
    const credential = await issuer.prove(
      issuer.credential({ credentialStatus: issuer.statusEntry('revocations', 42) }),
    );
    issuer.requests.length = 0;
    const before = await vcApiVerify(credential);
    expect([before.status, before.body.checks]).toEqual([200, expect.arrayContaining(['revocation'])]);
    // A DID issuer's list is asked for as JSON first; a VC-JWT would be accepted too.
    expect(issuer.requestsFor('/status/revocations')[0]!.accept).toBe(
      'application/vc, application/json;q=0.9, application/vc+jwt;q=0.8',
    );

    issuer.setStatus('revocations', 42);
    const after = await vcApiVerify(credential);
    expect([after.status, after.body.status, failedCheck(after)[1]]).toEqual([
      400,
      'revoked',
      ['revocation'],
    ]);
  });
});
