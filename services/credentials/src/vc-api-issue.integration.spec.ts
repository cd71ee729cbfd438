import { badgeCredential, membershipCredential } from '../../spec-support/vc-api-credentials';
import { randomUUID } from 'node:crypto';
import { TOPICS } from '@lib/contracts';
import {
  bearer,
  call,
  EventRecorder,
  openBadgesSchemaProblems,
  type RunningService,
  startTestService,
  testTopicPrefix,
  waitFor,
} from '@lib/testing';
import { decodeStatusList, getBit, jwtPayloadOf } from '@lib/vc';
import { decodeProtectedHeader, importJWK, jwtVerify } from 'jose';
import { enrolmentService } from '../../enrolment/src/enrolment.definition';
import { ok, setUpUniversity, type University } from '../../spec-support/university';
import { credentialsService } from './credentials.definition';

const VC = 'https://www.w3.org/ns/credentials/v2';
const DATA_URL = 'data:application/vc+jwt,';

/**
 * The W3C VC-API issuer (issue 14): a registrar signs VC 2.0 credentials as their awarding body through HTTP, each
 * checked by our VC-API verifier and by `jose`, an independent library the runtime does not use.
 */
describe('issuing through the W3C VC-API', () => {
  const prefix = testTopicPrefix();
  const recorder = new EventRecorder(prefix);
  let enrolment: RunningService;
  let credentials: RunningService;
  let uni: University;
  let issuerId: string;

  beforeAll(async () => {
    enrolment = await startTestService('enrolment', enrolmentService, { topicPrefix: prefix });
    credentials = await startTestService('credentials', credentialsService, { topicPrefix: prefix });
    await recorder.start();
    uni = await setUpUniversity(enrolment.url, 5);
    issuerId = `http://localhost:3000/api/credentials/issuers/${uni.awardingBodyId}`;
    await waitFor(
      async () =>
        (await call(credentials.url, 'GET', `/api/credentials/issuers/${uni.awardingBodyId}`)).status === 200,
      { what: 'the awarding body to become an issuer' },
    );
  }, 120_000);

  afterAll(async () => {
    await recorder.stop();
    await credentials?.stop();
    await enrolment?.stop();
  });

  const membership = (over: Record<string, unknown> = {}) => membershipCredential(issuerId, over);
  const badge = () => badgeCredential(issuerId);

  const issue = (credential: unknown, headers = uni.registrar, options?: unknown) =>
    call(credentials.url, 'POST', '/api/credentials/credentials/issue', {
      headers,
      body: { credential, ...(options === undefined ? {} : { options }) },
    });
  const vcApiVerify = (verifiableCredential: unknown) =>
    call(credentials.url, 'POST', '/api/credentials/credentials/verify', { body: { verifiableCredential } });

  /** The payload as `jose` reads it, with the key the `kid` URL publishes. */
  async function independentlyVerified(jwt: string) {
    const { kid } = decodeProtectedHeader(jwt);
    const jwk = await ok(call(credentials.url, 'GET', String(kid).replace('http://localhost:3000', '')));
    return (await jwtVerify(jwt, await importJWK(jwk, jwk.alg))).payload as Record<string, any>;
  }

  /** The same JWT with one field of its payload changed and the signature kept. */
  function tampered(jwt: string, change: (payload: Record<string, any>) => void): string {
    const [header, payload, signature] = jwt.split('.');
    const decoded = JSON.parse(Buffer.from(payload!, 'base64url').toString('utf8'));
    change(decoded);
    return `${header}.${Buffer.from(JSON.stringify(decoded)).toString('base64url')}.${signature}`;
  }

  it.each([
    ['a plain VC 2.0 credential', () => membership()],
    ['an Open Badges 3.0 credential', badge],
  ])('issues %s that our verifier and jose accept, and that fails once tampered with', async (_, build) => {
    const sent = build();
    const answer = await issue(sent);
    expect(answer.status).toBe(201);
    const enveloped = answer.body.verifiableCredential;
    expect(enveloped).toMatchObject({ '@context': [VC], type: 'EnvelopedVerifiableCredential' });
    const jwt = String(enveloped.id).slice(DATA_URL.length);

    const payload = await independentlyVerified(jwt);
    expect(payload.credentialSubject).toEqual(sent.credentialSubject);
    expect(payload).toMatchObject({ iss: issuerId, jti: payload.id, '@context': sent['@context'] });
    expect(payload.credentialStatus).toMatchObject({
      type: 'BitstringStatusListEntry',
      statusPurpose: 'revocation',
    });
    if ([sent.type].flat().includes('OpenBadgeCredential'))
      expect(openBadgesSchemaProblems(payload)).toEqual([]);

    const verified = await vcApiVerify(enveloped);
    expect([verified.status, verified.body.verified]).toEqual([200, true]);
    const [event] = await recorder.waitFor(
      TOPICS.credentialsDirectCredentialIssued,
      (data) => data.credentialId === payload.id,
    );
    expect(event!.envelope.data).toMatchObject({
      issuerId,
      awardingBodyId: uni.awardingBodyId,
      securedCredential: jwt,
    });

    for (const change of [
      (p: Record<string, any>) => (p.credentialSubject.id = 'did:example:someone-else'),
      (p: Record<string, any>) => (p.validFrom = '2020-01-01T00:00:00Z'),
      (p: Record<string, any>) => (p.credentialStatus.statusListIndex = '1'),
      (p: Record<string, any>) => (p.type = ['VerifiableCredential']),
    ]) {
      const refused = await vcApiVerify({ ...enveloped, id: `${DATA_URL}${tampered(jwt, change)}` });
      expect([refused.status, refused.body.verified]).toEqual([400, false]);
      expect(refused.body.errors).toContainEqual(expect.objectContaining({ check: 'signature' }));
    }
  });

  it('issues with a Data Integrity proof (eddsa-rdfc-2022) as the body’s did:web, which resolves to its key, and verifies it; tampered, it fails', async () => {
    const did: { id: string; verificationMethod: { id: string }[]; assertionMethod: string[] } = await ok(
      call(credentials.url, 'GET', `/api/credentials/issuers/${uni.awardingBodyId}/did.json`),
    );
    expect(did.id).toBe(`did:web:localhost%3A3000:api:credentials:issuers:${uni.awardingBodyId}`);
    expect(did.assertionMethod).toEqual(did.verificationMethod.map((method) => method.id));

    const sent = membership({ issuer: did.id });
    const answer = await issue(sent, uni.registrar, { format: 'data-integrity' });
    expect(answer.status).toBe(201);
    const secured = answer.body.verifiableCredential;
    expect(secured.credentialSubject).toEqual(sent.credentialSubject);
    expect(secured.proof).toMatchObject({
      type: 'DataIntegrityProof',
      cryptosuite: 'eddsa-rdfc-2022',
      proofPurpose: 'assertionMethod',
      verificationMethod: did.verificationMethod[0]!.id,
    });
    expect((await vcApiVerify(secured)).body).toMatchObject({ verified: true });
    for (const spoil of [
      (vc: any) => (vc.credentialSubject.role = 'organiser'),
      (vc: any) => (vc.validFrom = '2020-01-01T00:00:00Z'),
      (vc: any) => (vc.proof.created = '2020-01-01T00:00:00Z'),
    ]) {
      const copy = structuredClone(secured);
      spoil(copy);
      const refused = await vcApiVerify(copy);
      expect([refused.status, refused.body.verified]).toEqual([400, false]);
    }
    // A Data Integrity credential is issued as the DID; the body's URL there is another issuer's id.
    expect((await issue(membership(), uni.registrar, { format: 'data-integrity' })).status).toBe(422);
  });

  /** The bit a credential's status entry names, in both forms of its list: the VC-JWT and the proved JSON. */
  async function listBits(entry: { statusListCredential: string; statusListIndex: string }) {
    const url = `${credentials.url}${entry.statusListCredential.replace('http://localhost:3000', '')}`;
    const jwt = await (await fetch(url)).text();
    const json = (await (await fetch(url, { headers: { accept: 'application/json' } })).json()) as any;
    const bit = (encoded: string) => getBit(decodeStatusList(encoded), Number(entry.statusListIndex));
    return [
      bit((jwtPayloadOf(jwt) as any).credentialSubject.encodedList),
      bit(json.credentialSubject.encodedList),
    ];
  }

  it('lets the body’s registrar revoke what it issued: the bit set in both list forms, the event published, verification refused', async () => {
    const did = (
      await ok(call(credentials.url, 'GET', `/api/credentials/issuers/${uni.awardingBodyId}/did.json`))
    ).id;
    // Any URL a credential takes as its id names it here, percent-encoded.
    const asJwt = (await ok(issue(membership({ id: `https://members.example/${randomUUID()}` }))))
      .verifiableCredential;
    const asProved = (
      await ok(issue(membership({ issuer: did }), uni.registrar, { format: 'data-integrity' }))
    ).verifiableCredential;
    const jwtCredential = jwtPayloadOf(String(asJwt.id).slice(DATA_URL.length)) as any;
    const status = (credentialId: string, action: string, headers = uni.registrar) =>
      call(
        credentials.url,
        'POST',
        `/api/credentials/credentials/${encodeURIComponent(credentialId)}/${action}`,
        {
          headers,
          body: { reason: 'Issued in error' },
        },
      );

    for (const [secured, credential] of [
      [asJwt, jwtCredential],
      [asProved, asProved],
    ]) {
      expect(await listBits(credential.credentialStatus)).toEqual([false, false]);
      const otherBody = bearer('registrar', { org: randomUUID() });
      expect((await status(credential.id, 'revocation', otherBody)).status).toBe(404);
      // A VC-API credential carries a revocation entry only: our verifier alone would see a suspension.
      expect((await status(credential.id, 'suspension')).status).toBe(409);

      const revoked = await status(credential.id, 'revocation');
      expect([revoked.status, revoked.body]).toEqual([
        200,
        { credentialId: credential.id, revoked: true, suspended: false },
      ]);
      expect((await status(credential.id, 'revocation')).status).toBe(409);
      expect(await listBits(credential.credentialStatus)).toEqual([true, true]);
      const refused = await vcApiVerify(secured);
      expect([refused.status, refused.body.verified, refused.body.status]).toEqual([400, false, 'revoked']);
      expect(refused.body.errors).toEqual([
        expect.objectContaining({ field: 'verifiableCredential', check: 'revocation' }),
      ]);
      const [event] = await recorder.waitFor(
        TOPICS.credentialsDirectCredentialRevoked,
        (data) => data.credentialId === credential.id,
      );
      expect(event!.envelope.data).toMatchObject({
        awardingBodyId: uni.awardingBodyId,
        types: credential.type,
        reason: 'Issued in error',
        revokedBy: expect.any(String),
      });
    }
  });

  it('gives the credential an id and validFrom when it has none, and refuses the same id twice', async () => {
    const first = await ok(issue(membership()));
    const payload = await independentlyVerified(String(first.verifiableCredential.id).slice(DATA_URL.length));
    expect(payload.id).toMatch(/^urn:uuid:[0-9a-f-]{36}$/);
    expect(Date.parse(payload.validFrom)).toBeGreaterThan(Date.now() - 60_000);
    const again = await issue(membership({ id: payload.id }));
    expect(again.status).toBe(409);
  });

  it('lets only the registrar of an awarding body issue, as that body', async () => {
    const partnerRegistrar = bearer('registrar', { org: uni.partnerId });
    expect((await issue(membership(), partnerRegistrar)).status).toBe(403);
    expect((await issue(membership(), uni.partner)).status).toBe(403);
    expect(
      (await call(credentials.url, 'POST', '/api/credentials/credentials/issue', { body: {} })).status,
    ).toBe(401);
  });

  const id = () => `urn:uuid:${randomUUID()}`;
  const INVALID: [string, () => Record<string, unknown>, number, string][] = [
    ['no @context', () => membership({ '@context': undefined }), 400, 'credential.@context'],
    ['an empty @context', () => membership({ '@context': [] }), 400, 'credential.@context'],
    ['@context as one string', () => membership({ '@context': VC }), 400, 'credential.@context'],
    [
      'the VC 1.1 context',
      () => membership({ '@context': ['https://www.w3.org/2018/credentials/v1'] }),
      400,
      'credential.@context',
    ],
    [
      'an inline context',
      () => membership({ '@context': [VC, { ex: 'https://example.org/#' }] }),
      400,
      'credential.@context',
    ],
    [
      'a context not bundled',
      () => membership({ '@context': [VC, 'https://example.org/ctx.json'] }),
      422,
      'credential.@context',
    ],
    ['no type', () => membership({ type: undefined }), 400, 'credential.type'],
    [
      'a type without VerifiableCredential',
      () => membership({ type: ['HackDayMembershipCredential'] }),
      400,
      'credential.type',
    ],
    ['a type that is a number', () => membership({ type: 7 }), 400, 'credential.type'],
    ['an id that is no URL', () => membership({ id: 'membership 42' }), 400, 'credential.id'],
    ['no issuer', () => membership({ issuer: undefined }), 400, 'credential.issuer'],
    ['an issuer that is no URL', () => membership({ issuer: 'Leeds' }), 400, 'credential.issuer'],
    [
      'another issuer',
      () => membership({ issuer: 'https://other.example/issuers/1' }),
      422,
      'credential.issuer',
    ],
    [
      'an issuer object of another id',
      () => membership({ issuer: { id: 'did:example:other' } }),
      422,
      'credential.issuer',
    ],
    [
      'validFrom that is no date-time',
      () => membership({ validFrom: '2 December 2026' }),
      400,
      'credential.validFrom',
    ],
    [
      'validUntil without its offset',
      () => membership({ validUntil: '2027-12-02T09:00:00' }),
      400,
      'credential.validUntil',
    ],
    [
      'validUntil before validFrom',
      () => membership({ validFrom: '2026-12-02T09:00:00Z', validUntil: '2026-12-01T09:00:00Z' }),
      400,
      'credential.validUntil',
    ],
    [
      'no credentialSubject',
      () => membership({ credentialSubject: undefined }),
      400,
      'credential.credentialSubject',
    ],
    [
      'a credentialSubject that is text',
      () => membership({ credentialSubject: 'Ada' }),
      400,
      'credential.credentialSubject',
    ],
    [
      'a credentialSubject without claims',
      () => membership({ credentialSubject: { id: 'did:example:a' } }),
      400,
      'credential.credentialSubject',
    ],
    [
      'a subject id that is no URL',
      () => membership({ credentialSubject: { id: 'Ada', memberOf: 'x' } }),
      400,
      'credential.credentialSubject.id',
    ],
    [
      'the VC 1.1 issuanceDate',
      () => membership({ issuanceDate: '2026-12-02T09:00:00Z' }),
      400,
      'credential.issuanceDate',
    ],
    [
      'a name with a right-to-left override',
      () => membership({ name: 'Member \u202Egnp.exe' }),
      400,
      'credential.name',
    ],
    [
      'a credentialStatus of its own',
      () => membership({ credentialStatus: { id: 'https://x.example/1', type: 'X' } }),
      422,
      'credential.credentialStatus',
    ],
    [
      'a proof of its own',
      () => membership({ proof: { type: 'DataIntegrityProof' } }),
      422,
      'credential.proof',
    ],
    [
      'a term no context defines',
      () => membership({ '@context': [VC], credentialSubject: { id: 'did:example:a', memberOf: 'x' } }),
      422,
      'credential',
    ],
    [
      'an Open Badges credential without its achievement',
      () => ({ ...badge(), credentialSubject: { id: id(), type: ['AchievementSubject'] } }),
      422,
      'credential',
    ],
  ];

  it(`refuses ${INVALID.length} kinds of invalid credential, naming the field, and stores none of them`, async () => {
    const ids: string[] = [];
    for (const [what, build, status, field] of INVALID) {
      const credential = build();
      credential.id ??= id();
      if (typeof credential.id === 'string' && credential.id.startsWith('urn:uuid:')) ids.push(credential.id);
      const answer = await issue(credential);
      expect({ what, status: answer.status, fields: answer.body.errors?.map((e: any) => e.field) }).toEqual({
        what,
        status,
        fields: expect.arrayContaining([field]),
      });
    }
    const options = await issue(membership(), uni.registrar, { format: 'ldp_vc', extra: 1 });
    expect(options.status).toBe(400);
    // None was stored: each id is still free.
    for (const free of ids.slice(0, 3)) expect((await issue(membership({ id: free }))).status).toBe(201);
  });
});
