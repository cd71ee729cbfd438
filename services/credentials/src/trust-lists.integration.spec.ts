import { generateKeyPairSync, randomUUID } from 'node:crypto';
import { didKeyOf, didKeyVerificationMethodOf, signDataIntegrity } from '@lib/vc';
import {
  bearer,
  call,
  ExternalIssuer,
  type RunningService,
  startTestService,
  testStack,
  testTopicPrefix,
  waitFor,
} from '@lib/testing';
import { MongoClient } from 'mongodb';
import { assessmentService } from '../../assessment/src/assessment.definition';
import { enrolmentService } from '../../enrolment/src/enrolment.definition';
import { earnCredential } from '../../spec-support/credentials';
import { ok, setUpUniversity, type University } from '../../spec-support/university';
import { credentialsService } from './credentials.definition';

/** Who trusts whom: each awarding body keeps its own trust list; admins keep the hub-wide one. */
describe('trust lists per awarding body', () => {
  const prefix = testTopicPrefix();
  let enrolment: RunningService;
  let assessment: RunningService;
  let credentials: RunningService;
  let uniA: University;
  let uniB: University;
  let hub: ExternalIssuer;
  let otherHub: ExternalIssuer;

  const listOf = (uni: University) => `/api/credentials/organisations/${uni.awardingBodyId}/trust-list`;
  const entryOf = (issuer: ExternalIssuer) => ({
    issuerId: issuer.issuerId,
    name: issuer.name,
    jwksUrl: issuer.jwksUrl,
  });
  /** The status a verification asked for by `uni` (or by nobody: the public page) gives. */
  const statusThrough = async (credential: string | Record<string, unknown>, uni?: University) => {
    const query = uni ? `?organisationId=${uni.awardingBodyId}` : '';
    const result = await ok(
      call(credentials.url, 'POST', `/api/credentials/verify${query}`, { body: { credential } }),
    );
    return result.status as string;
  };

  beforeAll(async () => {
    enrolment = await startTestService('enrolment', enrolmentService, { topicPrefix: prefix });
    assessment = await startTestService('assessment', assessmentService, { topicPrefix: prefix });
    credentials = await startTestService('credentials', credentialsService, { topicPrefix: prefix });
    hub = await ExternalIssuer.start('Code4Health North Hub');
    otherHub = await ExternalIssuer.start('Code4Health South Hub');
    uniA = await setUpUniversity(enrolment.url, 5);
    uniB = await setUpUniversity(enrolment.url, 5);
    // Each university's list exists once credentials has heard of it as an awarding body.
    for (const uni of [uniA, uniB])
      await waitFor(
        async () =>
          (await call(credentials.url, 'GET', listOf(uni), { headers: uni.registrar })).status === 200,
        { what: 'the awarding body to become an issuer' },
      );
  }, 120_000);

  afterAll(async () => {
    await hub.stop();
    await otherHub.stop();
    await credentials.stop();
    await assessment.stop();
    await enrolment.stop();
  });

  it('lets registrar B neither see, add to nor remove from registrar A’s list', async () => {
    const added = await call(credentials.url, 'POST', listOf(uniA), {
      headers: uniA.registrar,
      body: entryOf(hub),
    });
    expect(added.status).toBe(201);
    expect(added.body).toMatchObject({ issuerId: hub.issuerId, kind: 'external', trustedBy: 'organisation' });

    const asB = { headers: uniB.registrar };
    const attempts = [
      await call(credentials.url, 'GET', listOf(uniA), asB),
      await call(credentials.url, 'POST', listOf(uniA), { ...asB, body: entryOf(otherHub) }),
      await call(credentials.url, 'POST', `${listOf(uniA)}/removal`, {
        ...asB,
        body: { issuerId: hub.issuerId },
      }),
      // B's own list does not have A's entry to remove.
      await call(credentials.url, 'POST', `${listOf(uniB)}/removal`, {
        ...asB,
        body: { issuerId: hub.issuerId },
      }),
    ];
    expect(attempts.map((answer) => answer.status)).toEqual([404, 404, 404, 404]);
    for (const answer of attempts)
      expect(answer.body).toMatchObject({ statusCode: 404, error: 'Not Found', message: expect.any(String) });
    const others = [
      await call(credentials.url, 'GET', listOf(uniA), { headers: bearer('admin') }),
      await call(credentials.url, 'GET', listOf(uniA), { headers: bearer('learner') }),
      await call(credentials.url, 'GET', listOf(uniA)),
      await call(credentials.url, 'GET', '/api/credentials/organisations/not-an-id/trust-list', {
        headers: uniA.registrar,
      }),
    ];
    expect(others.map((answer) => answer.status)).toEqual([403, 403, 401, 400]);

    const listA = await ok(call(credentials.url, 'GET', listOf(uniA), { headers: uniA.registrar }));
    const listB = await ok(call(credentials.url, 'GET', listOf(uniB), asB));
    const publicList = await ok(call(credentials.url, 'GET', '/api/credentials/trust-list?pageSize=200'));
    const issuers = (list: any) => list.items.map((entry: any) => entry.issuerId);
    expect(issuers(listA)).toContain(hub.issuerId);
    expect(issuers(listA)).not.toContain(otherHub.issuerId);
    expect(issuers(listB)).not.toContain(hub.issuerId);
    expect(issuers(publicList)).not.toContain(hub.issuerId);
  });

  it('verifies a credential of an issuer trusted only by A as trusted through A and untrusted through B', async () => {
    const theirs = hub.sign(hub.credential());
    expect(await statusThrough(theirs, uniA)).toBe('valid');
    expect(await statusThrough(theirs, uniB)).toBe('untrusted-issuer');
    expect(await statusThrough(theirs)).toBe('untrusted-issuer');

    const batch = await ok(
      call(credentials.url, 'POST', `/api/credentials/verify/batch?organisationId=${uniA.awardingBodyId}`, {
        body: { credentials: [theirs] },
      }),
    );
    expect(batch.results.map((result: any) => result.status)).toEqual(['valid']);
    const vcApi = async (uni: University) => {
      const answer = await call(
        credentials.url,
        'POST',
        `/api/credentials/credentials/verify?organisationId=${uni.awardingBodyId}`,
        { body: { verifiableCredential: theirs } },
      );
      return [answer.status, answer.body.verified];
    };
    expect([await vcApi(uniA), await vcApi(uniB)]).toEqual([
      [200, true],
      [400, false],
    ]);

    // Our own awarding bodies are trusted by every body.
    const stack = { enrolment: enrolment.url, assessment: assessment.url, credentials: credentials.url };
    const { credential } = await earnCredential(stack, uniA, 70);
    expect(await statusThrough(credential.jwt, uniB)).toBe('valid');
    expect(await statusThrough(credential.jwt)).toBe('valid');
  });

  it('trusts a did:key issuer A lists, whose Data Integrity credential then verifies through A only', async () => {
    const { privateKey, publicKey } = generateKeyPairSync('ed25519');
    const did = didKeyOf(publicKey);
    const credential = await signDataIntegrity(
      {
        '@context': [
          'https://www.w3.org/ns/credentials/v2',
          'https://www.w3.org/ns/credentials/undefined-terms/v2',
        ],
        id: `urn:uuid:${randomUUID()}`,
        type: ['VerifiableCredential', 'HackDayMentorCredential'],
        issuer: did,
        validFrom: '2026-12-01T09:00:00Z',
        credentialSubject: { id: 'did:example:mentor-7', mentored: 'Team Blue' },
      },
      { privateKey, verificationMethod: didKeyVerificationMethodOf(publicKey) },
    );
    const refused = await Promise.all([
      call(credentials.url, 'POST', listOf(uniA), {
        headers: uniA.registrar,
        body: { issuerId: did, name: 'Mentor', jwksUrl: hub.jwksUrl },
      }),
      call(credentials.url, 'POST', listOf(uniA), {
        headers: uniA.registrar,
        body: { issuerId: hub.issuerId, name: 'No keys' },
      }),
    ]);
    expect(refused.map((answer) => [answer.status, answer.body.errors?.[0]?.field])).toEqual([
      [400, 'jwksUrl'],
      [400, 'jwksUrl'],
    ]);
    expect(await statusThrough(credential, uniA)).toBe('untrusted-issuer');
    const added = await call(credentials.url, 'POST', listOf(uniA), {
      headers: uniA.registrar,
      body: { issuerId: did, name: 'A hack day mentor' },
    });
    expect(added.status).toBe(201);
    expect(added.body.jwksUrl).toBeUndefined();
    expect(await statusThrough(credential, uniA)).toBe('valid');
    expect(await statusThrough(credential, uniB)).toBe('untrusted-issuer');
    const tampered = {
      ...credential,
      credentialSubject: { id: 'did:example:mentor-7', mentored: 'Team Red' },
    };
    expect(await statusThrough(tampered, uniA)).toBe('invalid');
  });

  it('refuses a verification for an awarding body that is not one, naming the field', async () => {
    const theirs = hub.sign(hub.credential());
    const unknown = await call(
      credentials.url,
      'POST',
      `/api/credentials/verify?organisationId=${uniA.partnerId}`,
      { body: { credential: theirs } },
    );
    expect([unknown.status, unknown.body.error]).toEqual([404, 'Not Found']);
    const malformed = await call(credentials.url, 'POST', '/api/credentials/verify?organisationId=uni-a', {
      body: { credential: theirs },
    });
    expect(malformed.status).toBe(400);
    expect(malformed.body.errors).toEqual([{ field: 'organisationId', message: 'must be a uuid' }]);
  });

  it('documents the organisationId of the verification API in the OpenAPI document', async () => {
    const docs = await ok(call(credentials.url, 'GET', '/api/credentials/docs-json'));
    for (const path of ['verify', 'verify/batch', 'credentials/verify'])
      expect(docs.paths[`/api/credentials/${path}`].post.parameters).toContainEqual(
        expect.objectContaining({ name: 'organisationId', in: 'query', required: false }),
      );
    expect(Object.keys(docs.paths)).toContain('/api/credentials/organisations/{organisationId}/trust-list');
  });

  it('trusts what an admin publishes hub-wide everywhere, and stops trusting what A removes', async () => {
    const theirs = otherHub.sign(otherHub.credential());
    expect(await statusThrough(theirs, uniB)).toBe('untrusted-issuer');
    const published = await call(credentials.url, 'POST', '/api/credentials/trust-list', {
      headers: bearer('admin'),
      body: entryOf(otherHub),
    });
    expect([published.status, published.body.trustedBy]).toEqual([201, 'hub']);
    expect([
      await statusThrough(theirs, uniA),
      await statusThrough(theirs, uniB),
      await statusThrough(theirs),
    ]).toEqual(['valid', 'valid', 'valid']);
    const listB = await ok(call(credentials.url, 'GET', listOf(uniB), { headers: uniB.registrar }));
    expect(listB.items).toContainEqual(
      expect.objectContaining({ issuerId: otherHub.issuerId, trustedBy: 'hub' }),
    );

    const removal = await call(credentials.url, 'POST', `${listOf(uniA)}/removal`, {
      headers: uniA.registrar,
      body: { issuerId: hub.issuerId },
    });
    expect(removal.status).toBe(204);
    expect(await statusThrough(hub.sign(hub.credential()), uniA)).toBe('untrusted-issuer');
  });

  it('moves the entries of the one earlier list onto the hub-wide list, so what verified still verifies', async () => {
    const legacyHub = await ExternalIssuer.start('Code4Health West Hub');
    const mongo = await MongoClient.connect(testStack().mongoServerUrl);
    try {
      const trusted = mongo
        .db(credentials.database)
        .collection<{ _id: string } & Record<string, unknown>>('trusted_issuers');
      await trusted.insertOne({
        _id: legacyHub.issuerId,
        name: legacyHub.name,
        jwksUrl: legacyHub.jwksUrl,
        addedBy: 'registrar-of-old',
        addedByOrganisation: uniA.awardingBodyId,
        addedAt: new Date('2026-01-05T10:00:00Z'),
      });
      // A restart (here a second instance on the same database) moves it.
      const restarted = await startTestService('credentials', credentialsService, {
        topicPrefix: prefix,
        database: credentials.database,
      });
      try {
        const theirs = legacyHub.sign(legacyHub.credential());
        expect(await statusThrough(theirs)).toBe('valid');
        expect(await statusThrough(theirs, uniB)).toBe('valid');
        expect(await trusted.findOne({ _id: legacyHub.issuerId })).toBeNull();
        expect(await trusted.findOne({ _id: `hub:${legacyHub.issuerId}` })).toMatchObject({
          trustedBy: 'hub',
          issuerId: legacyHub.issuerId,
          addedBy: 'registrar-of-old',
          addedByOrganisation: uniA.awardingBodyId,
        });
        const publicList = await ok(call(restarted.url, 'GET', '/api/credentials/trust-list?pageSize=200'));
        expect(publicList.items).toContainEqual(
          expect.objectContaining({ issuerId: legacyHub.issuerId, kind: 'external', trustedBy: 'hub' }),
        );
      } finally {
        await restarted.stop();
      }
    } finally {
      await mongo.close();
      await legacyHub.stop();
    }
  });
});
