import { randomUUID } from 'node:crypto';
import {
  bearer,
  call,
  ExternalIssuer,
  freePort,
  type RunningService,
  startTestService,
  testTopicPrefix,
  waitFor,
} from '@lib/testing';
import jwt from 'jsonwebtoken';
import { assessmentService } from '../../assessment/src/assessment.definition';
import { enrolmentService } from '../../enrolment/src/enrolment.definition';
import { earnCredential } from '../../spec-support/credentials';
import { ok, setUpUniversity, type University } from '../../spec-support/university';
import { credentialsService } from './credentials.definition';

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const parts = (compact: string) => compact.split('.') as [string, string, string];
const payloadOf = (compact: string) => JSON.parse(Buffer.from(parts(compact)[1], 'base64url').toString());
const headerOf = (compact: string) => JSON.parse(Buffer.from(parts(compact)[0], 'base64url').toString());

/** Verification for employers: ours and another hub's credentials, and every way a credential can be bad. */
describe('verifying credentials', () => {
  const prefix = testTopicPrefix();
  let enrolment: RunningService;
  let assessment: RunningService;
  let credentials: RunningService;
  let hub: ExternalIssuer;
  let untrusted: ExternalIssuer;
  let uni: University;
  const ours: Record<'valid' | 'revoked' | 'suspended' | 'partnerWithdrawn', { jwt: string; learner: any }> =
    {} as any;

  const verify = async (credential: unknown, extra: Record<string, unknown> = {}) =>
    ok(call(credentials.url, 'POST', '/api/credentials/verify', { body: { credential, ...extra } }));
  const failing = (result: any) =>
    result.checks.find((check: any) => check.outcome === 'failed' || check.outcome === 'error')?.id;

  beforeAll(async () => {
    enrolment = await startTestService('enrolment', enrolmentService, { topicPrefix: prefix });
    assessment = await startTestService('assessment', assessmentService, { topicPrefix: prefix });
    credentials = await startTestService('credentials', credentialsService, { topicPrefix: prefix });
    hub = await ExternalIssuer.start();
    untrusted = await ExternalIssuer.start('Unknown Hub');
    const stack = { enrolment: enrolment.url, assessment: assessment.url, credentials: credentials.url };

    uni = await setUpUniversity(enrolment.url, 10);
    for (const name of ['valid', 'revoked', 'suspended'] as const) {
      const earned = await earnCredential(stack, uni, 72);
      ours[name] = { jwt: earned.credential.jwt, learner: earned.learner };
    }
    for (const [name, action] of [
      ['revoked', 'revocation'],
      ['suspended', 'suspension'],
    ] as const) {
      await ok(
        call(
          credentials.url,
          'POST',
          `/api/credentials/credentials/${payloadOf(ours[name].jwt).jti}/${action}`,
          {
            headers: uni.registrar,
            body: { reason: `Academic misconduct found (${name})` },
          },
        ),
      );
    }

    // A partner whose authorisation is withdrawn, after the award, with effect from before it.
    const other = await setUpUniversity(enrolment.url, 5);
    const earned = await earnCredential(stack, other, 65);
    ours.partnerWithdrawn = { jwt: earned.credential.jwt, learner: earned.learner };
    const [grant] = (
      await ok(call(enrolment.url, 'GET', '/api/enrolment/authorisations', { headers: other.registrar }))
    ).items;
    await ok(
      call(enrolment.url, 'POST', `/api/enrolment/authorisations/${grant.id}/withdrawal`, {
        headers: other.registrar,
        body: { reason: 'Accreditation lapsed', effectiveFrom: '2026-01-02' },
      }),
    );

    // Published hub-wide, so the public verification trusts it.
    await ok(
      call(credentials.url, 'POST', '/api/credentials/trust-list', {
        headers: bearer('admin'),
        body: { issuerId: hub.issuerId, name: hub.name, jwksUrl: hub.jwksUrl },
      }),
    );
    hub.addStatusList('revocation-1', 'revocation');
    hub.addStatusList('forged', 'revocation', hub.stranger);
  }, 120_000);

  afterAll(async () => {
    await hub.stop();
    await untrusted.stop();
    await credentials.stop();
    await assessment.stop();
    await enrolment.stop();
  });

  it('finds our credentials and a trusted hub’s valid, and says what they certify', async () => {
    const result = await verify(ours.valid.jwt);
    expect(result).toMatchObject({ status: 'valid', verified: true });
    expect(result.checks.map((check: any) => [check.id, check.outcome])).toEqual([
      ['format', 'passed'],
      ['header', 'passed'],
      ['key', 'passed'],
      ['signature', 'passed'],
      ['claims', 'passed'],
      ['shape', 'passed'],
      ['validity', 'passed'],
      ['revocation', 'passed'],
      ['suspension', 'passed'],
      ['trust', 'passed'],
      ['partner', 'passed'],
      ['holder', 'skipped'],
    ]);
    expect(result.summary).toMatchObject({
      learnerName: `${ours.valid.learner.givenName} ${ours.valid.learner.familyName}`,
      course: 'App building in a day',
      credits: 5,
      creditScheme: 'UK credits',
      level: 'FHEQ level 7 (EQF level 7)',
      awardingBody: expect.stringMatching(/^University /),
      deliveringPartner: expect.stringMatching(/^Code4Health /),
    });

    const external = hub.sign(hub.credential({ credentialStatus: hub.statusEntry('revocation-1', 4242) }));
    const theirs = await verify(external);
    expect(theirs).toMatchObject({ status: 'valid', summary: { course: 'Data in a day', credits: 5 } });
    expect(theirs.checks.find((check: any) => check.id === 'partner').outcome).toBe('skipped');
    expect((await verify(hub.sign(hub.credential(), hub.rs256))).status).toBe('valid');
  });

  it('accepts the enveloped JSON form, our JSON download and a holder’s email', async () => {
    const envelope = {
      '@context': 'https://www.w3.org/ns/credentials/v2',
      type: 'EnvelopedVerifiableCredential',
      id: `data:application/vc+jwt,${ours.valid.jwt}`,
    };
    expect((await verify(envelope)).status).toBe('valid');
    expect((await verify({ jwt: ours.valid.jwt, credential: {}, envelope })).status).toBe('valid');
    const matched = await verify(ours.valid.jwt, { holderEmail: ours.valid.learner.email.toUpperCase() });
    expect(matched.checks.find((check: any) => check.id === 'holder').outcome).toBe('passed');
  });

  it('says exactly what is wrong with each bad credential', async () => {
    const ourIssuer = payloadOf(ours.valid.jwt).iss as string;
    const ourKid = headerOf(ours.valid.jwt).kid as string;
    const [h, p, s] = parts(ours.valid.jwt);
    const tamperedPayload = b64({ ...payloadOf(ours.valid.jwt), creditsEarned: 60 });
    const rsaPem = hub.rs256.privateKeyPem;
    const esSignature = (signingInput: string) =>
      parts(
        jwt.sign(JSON.parse(Buffer.from(signingInput.split('.')[1]!, 'base64url').toString()), rsaPem, {
          algorithm: 'RS256',
        }),
      )[2];
    const theirs = (over: Parameters<ExternalIssuer['credential']>[0] = {}) => hub.credential(over);
    const signed = (payload: Record<string, unknown>) => hub.sign(payload as any);
    const reSigned = (credential: any, claims: Record<string, unknown>) =>
      jwt.sign(
        {
          ...credential,
          iss: credential.issuer.id,
          jti: credential.id,
          sub: credential.credentialSubject?.id,
          nbf: Math.floor(Date.parse(credential.validFrom) / 1000),
          ...claims,
        },
        hub.es256.privateKeyPem,
        {
          algorithm: 'ES256',
          header: { alg: 'ES256', typ: 'JWT', kid: hub.kidOf(hub.es256) },
        },
      );
    const dayMs = 86_400_000;
    const unreachable = `http://127.0.0.1:${await freePort()}/status/gone`;

    const table: [string, unknown, string, string, Record<string, unknown>?][] = [
      ['payload changed after signing', `${h}.${tamperedPayload}.${s}`, 'invalid', 'signature'],
      [
        'header changed',
        `${b64({ ...headerOf(ours.valid.jwt), typ: 'vc+jwt' })}.${p}.${s}`,
        'invalid',
        'signature',
      ],
      ['alg none', `${b64({ alg: 'none', typ: 'JWT', kid: ourKid })}.${p}.`, 'invalid', 'header'],
      [
        'HS256 signed with the issuer’s public key as the secret',
        jwt.sign(payloadOf(ours.valid.jwt), JSON.stringify(hub.es256.publicJwk), {
          algorithm: 'HS256',
          header: { alg: 'HS256', typ: 'JWT', kid: ourKid },
        }),
        'invalid',
        'header',
      ],
      [
        'RS256 key offered as ES256',
        (() => {
          const input = `${b64({ alg: 'ES256', typ: 'JWT', kid: hub.kidOf(hub.rs256) })}.${b64({ ...payloadOf(hub.sign(theirs())) })}`;
          return `${input}.${esSignature(input)}`;
        })(),
        'invalid',
        'signature',
      ],
      ['unknown kid', hub.sign(theirs(), hub.es256, `${hub.issuerId}/keys/no-such-key`), 'invalid', 'key'],
      [
        'a kid of another issuer',
        hub.sign(theirs({ issuer: { id: ourIssuer, name: 'Pretending University' } })),
        'invalid',
        'key',
      ],
      [
        'iss not equal to issuer.id',
        reSigned(theirs(), { iss: 'https://elsewhere.example/issuer' }),
        'invalid',
        'claims',
      ],
      [
        'sub not equal to the subject id',
        reSigned(theirs(), { sub: 'urn:uuid:someone-else' }),
        'invalid',
        'claims',
      ],
      ['jti mismatch', reSigned(theirs(), { jti: `urn:uuid:${randomUUID()}` }), 'invalid', 'claims'],
      [
        'expired',
        signed(
          theirs({
            validFrom: new Date(Date.now() - 400 * dayMs).toISOString().slice(0, 19) + 'Z',
            validUntil: new Date(Date.now() - dayMs).toISOString().slice(0, 19) + 'Z',
          }),
        ),
        'expired',
        'validity',
      ],
      [
        'not yet valid',
        signed(theirs({ validFrom: new Date(Date.now() + 2 * dayMs).toISOString().slice(0, 19) + 'Z' })),
        'not-yet-valid',
        'validity',
      ],
      ['revoked', ours.revoked.jwt, 'revoked', 'revocation'],
      ['suspended', ours.suspended.jwt, 'suspended', 'suspension'],
      ['malformed base64', `${h}.${p.slice(0, 20)}*&${p.slice(22)}.${s}`, 'invalid', 'format'],
      ['three parts but not JSON', `${b64('x').slice(0, 4)}abc.defg.hijk`, 'invalid', 'format'],
      [
        'typ of another media type',
        jwt.sign(payloadOf(hub.sign(theirs())), hub.es256.privateKeyPem, {
          algorithm: 'ES256',
          header: { alg: 'ES256', typ: 'at+jwt', kid: hub.kidOf(hub.es256) },
        }),
        'invalid',
        'header',
      ],
      ['truncated', ours.valid.jwt.slice(0, -12), 'invalid', 'signature'],
      [
        'oversize (over 64 KB)',
        signed(theirs({ evidence: [{ name: 'padding', narrative: 'x'.repeat(70_000) }] })),
        'invalid',
        'format',
      ],
      [
        'missing credentialSubject',
        (() => {
          const { credentialSubject: _subject, ...rest } = theirs();
          return reSigned(rest, {});
        })(),
        'invalid',
        'shape',
      ],
      [
        'wrong @context order',
        (() => {
          const credential = theirs();
          return signed({ ...credential, '@context': [...credential['@context']].reverse() });
        })(),
        'invalid',
        'shape',
      ],
      ['an untrusted issuer', untrusted.sign(untrusted.credential()), 'untrusted-issuer', 'trust'],
      ['a partner not authorised on the award date', ours.partnerWithdrawn.jwt, 'invalid', 'partner'],
      [
        'status list unreachable',
        signed(
          theirs({
            credentialStatus: {
              type: 'BitstringStatusListEntry',
              statusPurpose: 'revocation',
              statusListIndex: '7',
              statusListCredential: unreachable,
            },
          }),
        ),
        'unverifiable',
        'revocation',
      ],
      [
        'status list signed by another key',
        signed(theirs({ credentialStatus: hub.statusEntry('forged', 99) })),
        'unverifiable',
        'revocation',
      ],
      ['not a credential at all', { name: 'A certificate, honest' }, 'invalid', 'format'],
      [
        'a holder’s email that does not match',
        ours.valid.jwt,
        'invalid',
        'holder',
        { holderEmail: 'someone@else.example' },
      ],
      [
        'a result that refers to no result description',
        signed(theirs({ results: [{ resultDescription: 'urn:uuid:nothing', value: '99' }] })),
        'invalid',
        'shape',
      ],
    ];
    expect(table.length).toBeGreaterThanOrEqual(25);

    const outcomes = [];
    for (const [name, credential, , , extra] of table) {
      const result = await verify(credential, extra);
      outcomes.push([name, result.status, failing(result)]);
    }
    expect(outcomes).toEqual(table.map(([name, , status, check]) => [name, status, check]));
  });

  it('shows why a revoked credential was revoked', async () => {
    const result = await verify(ours.revoked.jwt);
    expect(result).toMatchObject({ status: 'revoked', reason: 'Academic misconduct found (revoked)' });
  });

  it('verifies 1,000 credentials in one call, each result in its place', async () => {
    const bad = `${parts(ours.valid.jwt)[0]}.${b64({ ...payloadOf(ours.valid.jwt), creditsEarned: 60 })}.${parts(ours.valid.jwt)[2]}`;
    const external = hub.sign(hub.credential());
    const items = Array.from(
      { length: 1000 },
      (_, i) => [ours.valid.jwt, bad, external, ours.revoked.jwt][i % 4],
    );
    const expected = ['valid', 'invalid', 'valid', 'revoked'];

    const answer = await ok(
      call(credentials.url, 'POST', '/api/credentials/verify/batch', { body: { credentials: items } }),
    );
    expect(answer.total).toBe(1000);
    expect(answer.counts).toEqual({ valid: 500, invalid: 250, revoked: 250 });
    expect(answer.results.map((result: any) => [result.index, result.status])).toEqual(
      items.map((_, i) => [i, expected[i % 4]]),
    );

    const file = await fetch(`${credentials.url}/api/credentials/verify/batch`, {
      method: 'POST',
      headers: { 'content-type': 'text/csv' },
      body: `jwt\n${ours.valid.jwt}\n${bad}\n\n${external}\n`,
    });
    expect(((await file.json()) as any).results.map((result: any) => result.status)).toEqual([
      'valid',
      'invalid',
      'valid',
    ]);

    const tooMany = await call(credentials.url, 'POST', '/api/credentials/verify/batch', {
      body: { credentials: Array.from({ length: 1001 }, () => 'x') },
    });
    expect(tooMany.status).toBe(400);
    expect(JSON.stringify(tooMany.body)).toContain('at most 1,000');
  });

  const vcApiVerify = (verifiableCredential: unknown) =>
    call(credentials.url, 'POST', '/api/credentials/credentials/verify', {
      body: { verifiableCredential, options: {} },
    });
  const enveloped = (jwt: string) => ({
    '@context': ['https://www.w3.org/ns/credentials/v2'],
    type: 'EnvelopedVerifiableCredential',
    id: `data:application/vc+jwt,${jwt}`,
  });

  it('answers the W3C VC-API verify call: 200 when verified, 400 with the failed checks when not', async () => {
    const valid = await vcApiVerify(enveloped(ours.valid.jwt));
    expect(valid.status).toBe(200);
    expect(valid.body).toMatchObject({ verified: true, status: 'valid', errors: [] });

    const revoked = await vcApiVerify(enveloped(ours.revoked.jwt));
    expect(revoked.status).toBe(400);
    expect(revoked.body).toMatchObject({ statusCode: 400, verified: false, status: 'revoked' });
    expect(revoked.body.checks).toContain('signature');
    expect(revoked.body.errors).toEqual([
      expect.objectContaining({ field: 'verifiableCredential', check: 'revocation' }),
    ]);
  });

  it.each<[string, (jwt: string) => unknown, RegExp]>([
    ['an empty @context', (jwt) => ({ ...enveloped(jwt), '@context': [] }), /@context must be an array/],
    [
      'only the examples context',
      (jwt) => ({ ...enveloped(jwt), '@context': ['https://www.w3.org/ns/credentials/examples/v2'] }),
      /@context must be an array/,
    ],
    [
      'a bare JWT as id',
      (jwt) => ({ ...enveloped(jwt), id: jwt }),
      /id must be a data:application\/vc\+jwt, URL/,
    ],
  ])('refuses an envelope with %s, whatever it carries', async (_, envelopeOf, problem) => {
    const answer = await vcApiVerify(envelopeOf(ours.valid.jwt));
    expect(answer.status).toBe(400);
    expect(answer.body.verified).toBe(false);
    expect(answer.body.errors).toEqual([
      expect.objectContaining({ check: 'format', message: expect.stringMatching(problem) }),
    ]);
  });

  it('still verifies our JSON downloads made before the envelope’s @context became an array', async () => {
    const legacy = { ...enveloped(ours.valid.jwt), '@context': 'https://www.w3.org/ns/credentials/v2' };
    expect((await vcApiVerify(legacy)).status).toBe(200);
  });

  it('verifies the PDF certificate and what a share link shows', async () => {
    const learnerId = payloadOf(ours.valid.jwt).sub.slice('urn:uuid:'.length);
    const headers = bearer('learner', { sub: learnerId });
    const id = payloadOf(ours.valid.jwt).jti;
    const pdf = await fetch(
      `${credentials.url}/api/credentials/learners/me/credentials/${id}/download?format=pdf`,
      { headers },
    );
    const fromPdf = await fetch(`${credentials.url}/api/credentials/verify`, {
      method: 'POST',
      headers: { 'content-type': 'application/pdf' },
      body: new Uint8Array(await pdf.arrayBuffer()),
    });
    expect(((await fromPdf.json()) as any).status).toBe('valid');
    const pdfBytes = new Uint8Array(
      await (
        await fetch(`${credentials.url}/api/credentials/learners/me/credentials/${id}/download?format=pdf`, {
          headers,
        })
      ).arrayBuffer(),
    );
    const notTheHolder = await fetch(
      `${credentials.url}/api/credentials/verify?holderEmail=someone%40else.example`,
      {
        method: 'POST',
        headers: { 'content-type': 'application/pdf' },
        body: pdfBytes,
      },
    );
    expect(((await notTheHolder.json()) as any).checks.find((c: any) => c.id === 'holder').outcome).toBe(
      'failed',
    );
    const notCertificate = await fetch(`${credentials.url}/api/credentials/verify`, {
      method: 'POST',
      headers: { 'content-type': 'application/pdf' },
      body: '%PDF-1.7 nothing here',
    });
    expect(notCertificate.status).toBe(422);

    const link = await ok(
      call(credentials.url, 'POST', `/api/credentials/learners/me/credentials/${id}/share-links`, {
        headers,
      }),
    );
    const shared = await ok(
      call(credentials.url, 'GET', `/api/credentials/shared/${link.token}/verification`),
    );
    expect(shared).toMatchObject({ status: 'valid', summary: { credentialId: id } });
  });

  it('limits each client’s verification requests a minute, with the time to wait', async () => {
    const limited = await startTestService('credentials', credentialsService, {
      topicPrefix: prefix,
      env: { VERIFY_RATE_LIMIT: '3' },
    });
    try {
      const statuses = [];
      for (let i = 0; i < 5; i += 1) {
        const answer = await call(limited.url, 'POST', '/api/credentials/verify', {
          body: { credential: ours.valid.jwt },
        });
        statuses.push(answer.status);
        if (answer.status === 429) expect(answer.body.message).toMatch(/at most 3 a minute/);
      }
      expect(statuses).toEqual([200, 200, 200, 429, 429]);
    } finally {
      await limited.stop();
    }
  });

  it('lets an admin keep the hub-wide trust list, and refuses bad requests with field detail', async () => {
    const list = await ok(call(credentials.url, 'GET', '/api/credentials/trust-list?pageSize=200'));
    expect(list.items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ issuerId: payloadOf(ours.valid.jwt).iss, kind: 'own' }),
        expect.objectContaining({
          issuerId: hub.issuerId,
          kind: 'external',
          trustedBy: 'hub',
          jwksUrl: hub.jwksUrl,
        }),
      ]),
    );
    const admin = bearer('admin');
    const again = await call(credentials.url, 'POST', '/api/credentials/trust-list', {
      headers: admin,
      body: { issuerId: hub.issuerId, name: hub.name, jwksUrl: hub.jwksUrl },
    });
    expect(again.status).toBe(409);
    for (const headers of [bearer('learner'), uni.registrar]) {
      const notAdmin = await call(credentials.url, 'POST', '/api/credentials/trust-list', {
        headers,
        body: { issuerId: untrusted.issuerId, name: 'x', jwksUrl: untrusted.jwksUrl },
      });
      expect(notAdmin.status).toBe(403);
      const removalNotAdmin = await call(credentials.url, 'POST', '/api/credentials/trust-list/removal', {
        headers,
        body: { issuerId: hub.issuerId },
      });
      expect(removalNotAdmin.status).toBe(403);
    }
    const bad = await call(credentials.url, 'POST', '/api/credentials/trust-list', {
      headers: admin,
      body: { issuerId: 'not a url', name: '', jwksUrl: 'ftp://x' },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((error: any) => error.field).sort()).toEqual(['issuerId', 'jwksUrl', 'name']);
    const noCredential = await call(credentials.url, 'POST', '/api/credentials/verify', { body: {} });
    expect(noCredential.status).toBe(400);
    expect(noCredential.body.errors).toEqual([expect.objectContaining({ field: 'credential' })]);

    // Trusting, then no longer trusting, the second hub.
    await ok(
      call(credentials.url, 'POST', '/api/credentials/trust-list', {
        headers: admin,
        body: { issuerId: untrusted.issuerId, name: untrusted.name, jwksUrl: untrusted.jwksUrl },
      }),
    );
    const fromSecondHub = untrusted.sign(untrusted.credential());
    expect((await verify(fromSecondHub)).status).toBe('valid');
    const removal = await call(credentials.url, 'POST', '/api/credentials/trust-list/removal', {
      headers: admin,
      body: { issuerId: untrusted.issuerId },
    });
    expect(removal.status).toBe(204);
    await waitFor(async () => (await verify(fromSecondHub)).status === 'untrusted-issuer', {
      what: 'the removal to take effect',
    });
    const readded = await call(credentials.url, 'POST', '/api/credentials/trust-list', {
      headers: admin,
      body: { issuerId: untrusted.issuerId, name: untrusted.name, jwksUrl: untrusted.jwksUrl },
    });
    expect(readded.status).toBe(201);
    expect((await verify(fromSecondHub)).status).toBe('valid');
  });
});
