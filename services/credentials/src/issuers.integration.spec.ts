import { MongoClient } from 'mongodb';
import {
  bearer,
  call,
  type RunningService,
  startTestService,
  testStack,
  testTopicPrefix,
  waitFor,
} from '@lib/testing';
import type { INestApplication } from '@nestjs/common';
import { importJWK, jwtVerify } from 'jose';
import { signCredential } from '@lib/vc';
import { randomUUID } from 'node:crypto';
import { enrolmentService } from '../../enrolment/src/enrolment.definition';
import { startTestGateway } from '../../spec-support/gateway';
import { ok } from '../../spec-support/university';
import { credentialsService } from './credentials.definition';
import { IssuersService } from './issuers/issuers.service';

/** Every awarding body becomes an issuer with published keys; rotation keeps old keys published. */
describe('issuers and signing keys', () => {
  const prefix = testTopicPrefix();
  let enrolment: RunningService;
  let credentials: RunningService;
  let gateway: INestApplication;
  let gatewayUrl: string;

  beforeAll(async () => {
    enrolment = await startTestService('enrolment', enrolmentService, { topicPrefix: prefix });
    credentials = await startTestService('credentials', credentialsService, { topicPrefix: prefix });
    ({ app: gateway, url: gatewayUrl } = await startTestGateway({
      enrolment: enrolment.url,
      credentials: credentials.url,
    }));
  });

  afterAll(async () => {
    await gateway.close();
    await credentials.stop();
    await enrolment.stop();
  });

  it('publishes a profile and a key for a new awarding body, rotates keys, and keeps retired keys published', async () => {
    const org = await ok(
      call(enrolment.url, 'POST', '/api/enrolment/organisations', {
        headers: bearer('admin'),
        body: {
          kind: 'awarding-body',
          name: `University ${randomUUID().slice(0, 6)}`,
          ukprn: '10007795',
          url: 'https://leeds.ac.uk',
        },
      }),
    );
    const issuerPath = `/api/credentials/issuers/${org.id}`;
    const profile = await waitFor(
      async () => {
        const answer = await call(gatewayUrl, 'GET', issuerPath);
        return answer.status === 200 ? answer.body : undefined;
      },
      { what: 'the organisation to become an issuer' },
    );
    expect(profile).toMatchObject({
      id: `http://localhost:3000${issuerPath}`,
      type: ['Profile'],
      name: org.name,
      otherIdentifier: [{ type: 'IdentifierEntry', identifier: '10007795' }],
    });

    const registrar = bearer('registrar', { org: org.id });
    const firstKeys = await ok(call(credentials.url, 'GET', `${issuerPath}/keys`, { headers: registrar }));
    // A VC-JWT key and a Data Integrity key, each the active one of its family; the latter named by a DID URL.
    expect(firstKeys).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ alg: 'ES256', active: true, kid: expect.stringMatching(/^http/) }),
        expect.objectContaining({ alg: 'Ed25519', active: true, kid: expect.stringMatching(/^did:web:.+#/) }),
      ]),
    );
    expect(firstKeys).toHaveLength(2);
    const issuers = credentials.app.get(IssuersService);
    const credential = (n: number) => ({
      id: `urn:uuid:${randomUUID()}`,
      issuer: { id: profile.id },
      validFrom: new Date(Date.now() - 60000).toISOString().replace(/\.\d+Z$/, 'Z'),
      credentialSubject: { id: `urn:uuid:${randomUUID()}`, n },
    });
    const before = signCredential(credential(1), await issuers.signingKey(org.id));

    // We verify ES384 and EdDSA from other hubs but issue with ES256 and RS256 only.
    for (const algorithm of ['ES384', 'EdDSA']) {
      const refused = await call(credentials.url, 'POST', `${issuerPath}/keys/rotation`, {
        headers: registrar,
        body: { algorithm },
      });
      expect([algorithm, refused.status, refused.body.errors?.map((error: any) => error.field)]).toEqual([
        algorithm,
        400,
        ['algorithm'],
      ]);
    }

    const rotated = await ok(
      call(credentials.url, 'POST', `${issuerPath}/keys/rotation`, {
        headers: registrar,
        body: { algorithm: 'RS256' },
      }),
    );
    expect(rotated).toMatchObject({ alg: 'RS256', active: true });
    const after = signCredential(credential(2), await issuers.signingKey(org.id));

    const jwks = await fetch(`${gatewayUrl}/.well-known/jwks.json`);
    expect(jwks.headers.get('content-type')).toContain('application/jwk-set+json');
    const set = (await jwks.json()) as { keys: Record<string, string>[] };
    const mine = set.keys.filter((key) => key.iss === profile.id);
    expect(mine.map((key) => [key.alg, key.use])).toEqual([
      ['RS256', 'sig'],
      ['ES256', 'sig'],
    ]);
    expect(mine.every((key) => key.d === undefined && key.p === undefined)).toBe(true);

    for (const token of [before, after]) {
      const kid = JSON.parse(Buffer.from(token.split('.')[0]!, 'base64url').toString()).kid as string;
      const kidPath = kid.replace('http://localhost:3000', '');
      const jwk = await ok(call(gatewayUrl, 'GET', kidPath));
      expect(mine).toContainEqual(jwk);
      const { payload } = await jwtVerify(token, await importJWK(jwk, jwk.alg));
      expect(payload.iss).toBe(profile.id);
    }
  });

  it('answers the hub’s own did:web at /.well-known/did.json through the gateway', async () => {
    const answer = await fetch(`${gatewayUrl}/.well-known/did.json`);
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toContain('application/json');
    // What a did:web resolver derives from the public URL http://localhost:3000: the host, its port percent-encoded.
    const did = 'did:web:localhost%3A3000';
    expect(await answer.json()).toEqual({
      '@context': ['https://www.w3.org/ns/did/v1'],
      id: did,
      alsoKnownAs: ['http://localhost:3000'],
    });
    // Each awarding body's DID is on the hub's host, under its DID.
    const bodyId = randomUUID();
    expect(credentials.app.get(IssuersService).issuerDid(bodyId)).toBe(
      `${did}:api:credentials:issuers:${bodyId}`,
    );
    // Straight from the credentials service, as the gateway routes it.
    expect(await ok(call(credentials.url, 'GET', '/api/credentials/did.json'))).toMatchObject({ id: did });
  });

  it('stores private keys only encrypted, and never answers with them', async () => {
    const client = await MongoClient.connect(testStack().mongoServerUrl);
    try {
      const keys = await client.db(credentials.database).collection('signing_keys').find({}).toArray();
      expect(keys.length).toBeGreaterThan(0);
      for (const key of keys) {
        expect(JSON.stringify(key)).not.toContain('PRIVATE KEY');
        expect(key.encryptedPrivateKey).toMatchObject({
          kekId: expect.any(String),
          iv: expect.any(String),
          tag: expect.any(String),
        });
      }
    } finally {
      await client.close();
    }
  });

  it('lets only the awarding body’s registrar list or rotate its keys', async () => {
    const set = await ok(call(credentials.url, 'GET', '/api/credentials/keys'));
    const issuerId = (set.keys[0].iss as string).split('/').at(-1)!;
    const stranger = bearer('registrar', { org: randomUUID() });
    expect(
      (await call(credentials.url, 'GET', `/api/credentials/issuers/${issuerId}/keys`, { headers: stranger }))
        .status,
    ).toBe(404);
    expect(
      (
        await call(credentials.url, 'POST', `/api/credentials/issuers/${issuerId}/keys/rotation`, {
          headers: stranger,
          body: {},
        })
      ).status,
    ).toBe(404);
    expect(
      (
        await call(credentials.url, 'POST', `/api/credentials/issuers/${issuerId}/keys/rotation`, {
          body: {},
        })
      ).status,
    ).toBe(401);
  });
});
