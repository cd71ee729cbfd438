import { bearer, call, type RunningService, startTestService, testTopicPrefix } from '@lib/testing';
import { jwtPayloadOf } from '@lib/vc';
import { assessmentService } from '../../assessment/src/assessment.definition';
import { enrolmentService } from '../../enrolment/src/enrolment.definition';
import { earnCredential } from '../../spec-support/credentials';
import { independentlyVerifiedDataIntegrity } from '../../spec-support/independent-di-verifier';
import { type PresentationRequest, testWallet } from '../../spec-support/test-wallet';
import { ok, setUpUniversity, type University } from '../../spec-support/university';
import { credentialsService } from './credentials.definition';

const OFFER_SECONDS = 15;

/**
 * A learner sends a credential to a wallet through a W3C VC-API exchange (issue 16, the Learner Credential Wallet's
 * flow): a one-time offer that expires; the wallet, played here with a did:key it makes, starts the exchange, is asked
 * for DIDAuth with a challenge and this hub as domain, and receives the credential bound to its DID.
 */
describe('sending a credential to a wallet (VC-API exchange with DIDAuth)', () => {
  const prefix = testTopicPrefix();
  let enrolment: RunningService;
  let assessment: RunningService;
  let credentials: RunningService;
  let uni: University;
  let learnerId: string;
  let credential: { credentialId: string; jwt: string };
  let early: { exchangeUrl: string; expiresAt: string };
  let earlyRequest: PresentationRequest;

  beforeAll(async () => {
    enrolment = await startTestService('enrolment', enrolmentService, { topicPrefix: prefix });
    assessment = await startTestService('assessment', assessmentService, { topicPrefix: prefix });
    credentials = await startTestService('credentials', credentialsService, {
      topicPrefix: prefix,
      env: { WALLET_OFFER_SECONDS: String(OFFER_SECONDS) },
    });
    uni = await setUpUniversity(enrolment.url, 5);
    const services = { enrolment: enrolment.url, assessment: assessment.url, credentials: credentials.url };
    ({ learnerId, credential } = await earnCredential(services, uni, 68));
    // Made first and left alone: it has expired by the last test.
    early = await offer();
    earlyRequest = await start(early.exchangeUrl);
  }, 120_000);

  afterAll(async () => {
    await credentials?.stop();
    await assessment?.stop();
    await enrolment?.stop();
  });

  const offersPath = () =>
    `/api/credentials/learners/me/credentials/${encodeURIComponent(credential.credentialId)}/wallet-offers`;
  async function offer(sub = learnerId) {
    return ok(call(credentials.url, 'POST', offersPath(), { headers: bearer('learner', { sub }) }));
  }
  /** The wallet's side: the path of the exchange URL on the service under test (the URL names the public host). */
  const exchange = (url: string, body: unknown) =>
    call(credentials.url, 'POST', new URL(url).pathname, { body });
  const start = async (url: string): Promise<PresentationRequest> => {
    const answer = await exchange(url, {});
    expect(answer.status).toBe(200);
    return answer.body.verifiablePresentationRequest;
  };
  const vcApiVerify = (verifiableCredential: unknown) =>
    call(credentials.url, 'POST', '/api/credentials/credentials/verify', { body: { verifiableCredential } });

  it('offers an exchange URL, an LCW deep link and a QR-able link, and asks the wallet for DIDAuth', async () => {
    const made = await offer();
    expect(made).toEqual({
      exchangeId: expect.stringMatching(/^[A-Za-z0-9_-]{32}$/),
      credentialId: credential.credentialId,
      exchangeUrl: `http://localhost:3000/api/credentials/exchanges/${made.exchangeId}`,
      walletRequest: {
        credentialRequestOrigin: 'http://localhost:3000',
        protocols: { vcapi: made.exchangeUrl },
      },
      deepLink: `dccrequest://request?request=${encodeURIComponent(JSON.stringify(made.walletRequest))}`,
      appLink: `https://lcw.app/request?request=${encodeURIComponent(JSON.stringify(made.walletRequest))}`,
      expiresAt: expect.any(String),
    });
    const lifetime = Date.parse(made.expiresAt) - Date.now();
    expect(lifetime).toBeGreaterThan((OFFER_SECONDS - 5) * 1000);
    expect(lifetime).toBeLessThanOrEqual(OFFER_SECONDS * 1000);

    const request = await start(made.exchangeUrl);
    expect(request).toEqual({
      query: [{ type: 'DIDAuthentication', acceptedMethods: [{ method: 'key' }] }],
      challenge: expect.stringMatching(/^[0-9a-f-]{36}$/),
      domain: 'http://localhost:3000',
      interact: {
        service: [{ type: 'UnmediatedHttpPresentationService2021', serviceEndpoint: made.exchangeUrl }],
      },
    });
    // Asking again is the same request: nothing is used up until a presentation proves a DID.
    expect(await start(made.exchangeUrl)).toEqual(request);
  });

  it('delivers the credential bound to the DID the wallet proves, verifiable by our verifier and another, once', async () => {
    const wallet = testWallet();
    const made = await offer();
    const request = await start(made.exchangeUrl);
    const presentation = await wallet.didAuth(request);
    const answer = await exchange(request.interact.service[0]!.serviceEndpoint, {
      verifiablePresentation: presentation,
    });
    expect(answer.status).toBe(200);
    expect(answer.body.verifiablePresentation).toMatchObject({
      '@context': ['https://www.w3.org/ns/credentials/v2'],
      type: ['VerifiablePresentation'],
    });
    const [delivered, ...more] = answer.body.verifiablePresentation.verifiableCredential;
    expect(more).toEqual([]);

    // The award as issued, bound to the wallet's DID and issued as the body's DID: same id, same status entry.
    const {
      iss: _iss,
      jti: _jti,
      sub: _sub,
      nbf: _nbf,
      iat: _iat,
      exp: _exp,
      ...vc
    } = jwtPayloadOf(credential.jwt) as Record<string, any>;
    const did = await ok(
      call(credentials.url, 'GET', `/api/credentials/issuers/${uni.awardingBodyId}/did.json`),
    );
    const { proof, issuer, credentialSubject, ...rest } = delivered;
    const { issuer: jwtIssuer, credentialSubject: jwtSubject, ...jwtRest } = vc;
    expect(rest).toEqual(jwtRest);
    expect(vc.credentialSubject.id).toBe(`urn:uuid:${learnerId}`);
    expect(credentialSubject).toEqual({ ...jwtSubject, id: wallet.did });
    expect(issuer).toEqual({ ...jwtIssuer, id: did.id });
    expect(proof).toMatchObject({
      type: 'DataIntegrityProof',
      cryptosuite: 'eddsa-rdfc-2022',
      verificationMethod: did.assertionMethod[0],
      proofPurpose: 'assertionMethod',
    });

    const verified = await vcApiVerify(delivered);
    expect([verified.status, verified.body.verified, verified.body.status]).toEqual([200, true, 'valid']);
    expect(await independentlyVerifiedDataIntegrity(delivered, credentials.url)).toEqual({ verified: true });
    const changed = structuredClone(delivered);
    changed.credentialSubject.id = testWallet().did;
    expect((await vcApiVerify(changed)).status).toBe(400);

    // Replayed, the same presentation or a fresh start, the offer is gone: nothing is delivered twice.
    for (const body of [{ verifiablePresentation: presentation }, {}]) {
      const replay = await exchange(made.exchangeUrl, body);
      expect([replay.status, replay.body.message]).toEqual([410, expect.stringContaining('already')]);
    }
  });

  it('takes a VP-JWT as the DIDAuth presentation too', async () => {
    const wallet = testWallet();
    const made = await offer();
    const request = await start(made.exchangeUrl);
    const answer = await exchange(made.exchangeUrl, {
      verifiablePresentation: wallet.didAuthJwt(request),
    });
    expect(answer.status).toBe(200);
    expect(answer.body.verifiablePresentation.verifiableCredential[0].credentialSubject.id).toBe(wallet.did);
  });

  it('takes a VC Data Model 1.1 DIDAuth as older Learner Credential Wallet builds sign it, still checking challenge, domain and key', async () => {
    const wallet = testWallet();
    const made = await offer();
    const request = await start(made.exchangeUrl);
    const refusedWith = async (presentation: unknown) => {
      const answer = await exchange(made.exchangeUrl, { verifiablePresentation: presentation });
      expect(answer.status).toBe(422);
      return answer.body.errors.map((error: { field: string }) => error.field);
    };
    const signed = await wallet.didAuthV1(request);
    expect(signed).toMatchObject({
      '@context': [
        'https://www.w3.org/2018/credentials/v1',
        'https://w3id.org/security/suites/ed25519-2020/v1',
      ],
      type: ['VerifiablePresentation'],
      holder: wallet.did,
      proof: { type: 'Ed25519Signature2020', proofPurpose: 'authentication', challenge: request.challenge },
    });
    expect(await refusedWith(await wallet.didAuthV1({ ...request, challenge: 'another' }))).toEqual([
      'verifiablePresentation.proof.challenge',
    ]);
    expect(
      await refusedWith(await wallet.didAuthV1({ ...request, domain: 'https://elsewhere.example' })),
    ).toEqual(['verifiablePresentation.proof.domain']);
    // Signed by another wallet's key while naming this one as holder; a changed proof; credentials carried.
    expect(await refusedWith({ ...(await testWallet().didAuthV1(request)), holder: wallet.did })).toEqual(
      expect.arrayContaining(['verifiablePresentation.holder']),
    );
    expect(
      await refusedWith({ ...signed, proof: { ...signed.proof, created: '2020-01-01T00:00:00Z' } }),
    ).toEqual(['verifiablePresentation.proof']);
    expect(await refusedWith({ ...signed, verifiableCredential: [] })).toEqual(['verifiablePresentation']);

    // The 2.0 path is as it was: a 1.1 presentation is no presentation to the verification API.
    const verified = await call(credentials.url, 'POST', '/api/credentials/presentations/verify', {
      body: {
        verifiablePresentation: signed,
        options: { challenge: request.challenge, domain: request.domain },
      },
    });
    expect(JSON.stringify(verified.body)).toContain(
      'must be an array beginning with https://www.w3.org/ns/credentials/v2',
    );

    const answer = await exchange(made.exchangeUrl, { verifiablePresentation: signed });
    expect(answer.status).toBe(200);
    expect(answer.body.verifiablePresentation['@context']).toEqual(['https://www.w3.org/ns/credentials/v2']);
    expect(answer.body.verifiablePresentation.verifiableCredential[0].credentialSubject.id).toBe(wallet.did);
  });

  it('refuses a wrong challenge, domain, proof or holder with a 422 naming it, and still delivers to the right one', async () => {
    const wallet = testWallet();
    const made = await offer();
    const request = await start(made.exchangeUrl);
    const refusedWith = async (presentation: unknown) => {
      const answer = await exchange(made.exchangeUrl, { verifiablePresentation: presentation });
      expect(answer.status).toBe(422);
      return answer.body.errors.map((error: { field: string }) => error.field);
    };
    expect(await refusedWith(await wallet.didAuth({ ...request, challenge: 'another' }))).toEqual([
      'verifiablePresentation.proof.challenge',
    ]);
    expect(
      await refusedWith(await wallet.didAuth({ ...request, domain: 'https://elsewhere.example' })),
    ).toEqual(['verifiablePresentation.proof.domain']);
    expect(await refusedWith(wallet.didAuthJwt({ ...request, challenge: 'another' }))).toEqual([
      'verifiablePresentation.proof.challenge',
    ]);
    const signed = await wallet.didAuth(request);
    expect(
      await refusedWith({ ...signed, proof: { ...signed.proof, created: '2020-01-01T00:00:00Z' } }),
    ).toEqual(['verifiablePresentation.proof']);
    // A presentation naming someone else as its holder, or signed by another key than it says.
    expect(await refusedWith({ ...(await testWallet().didAuth(request)), holder: wallet.did })).toEqual(
      expect.arrayContaining(['verifiablePresentation.holder']),
    );
    const unsigned = { ...signed } as Record<string, unknown>;
    delete unsigned.proof;
    expect(await refusedWith(unsigned)).toEqual(['verifiablePresentation.proof']);
    expect(await refusedWith({ type: 'VerifiableCredential' })).toEqual(['verifiablePresentation']);
    const malformed = await exchange(made.exchangeUrl, { verifiablePresentation: 42 });
    expect(malformed.status).toBe(400);

    const answer = await exchange(made.exchangeUrl, { verifiablePresentation: signed });
    expect(answer.status).toBe(200);
    expect(answer.body.verifiablePresentation.verifiableCredential[0].credentialSubject.id).toBe(wallet.did);
  });

  it('answers 404 for an offer nobody made, and for another learner’s credential', async () => {
    const unknown = await exchange('http://localhost:3000/api/credentials/exchanges/no-such-exchange', {});
    expect(unknown.status).toBe(404);
    const stranger = await call(credentials.url, 'POST', offersPath(), {
      headers: bearer('learner', { sub: uni.partnerId }),
    });
    expect(stranger.status).toBe(404);
  });

  it('delivers a copy that follows the award’s status: revoked with it', async () => {
    const wallet = testWallet();
    const made = await offer();
    const answer = await exchange(made.exchangeUrl, {
      verifiablePresentation: await wallet.didAuth(await start(made.exchangeUrl)),
    });
    const delivered = answer.body.verifiablePresentation.verifiableCredential[0];
    await ok(
      call(credentials.url, 'POST', `/api/credentials/credentials/${credential.credentialId}/revocation`, {
        headers: uni.registrar,
        body: { reason: 'Awarded in error' },
      }),
    );
    const refused = await vcApiVerify(delivered);
    expect([refused.status, refused.body.status]).toEqual([400, 'revoked']);
  });

  it('refuses an offer past its time with a 410, even with a right presentation', async () => {
    const wait = Date.parse(early.expiresAt) - Date.now() + 200;
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    const presentation = await testWallet().didAuth(earlyRequest);
    for (const body of [{ verifiablePresentation: presentation }, {}]) {
      const expired = await exchange(early.exchangeUrl, body);
      expect([expired.status, expired.body.message]).toEqual([410, expect.stringContaining('expired')]);
    }
  }, 30_000);
});
