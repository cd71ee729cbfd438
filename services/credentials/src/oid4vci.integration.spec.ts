import { generateKeyPairSync } from 'node:crypto';
import { bearer, call, type RunningService, startTestService, testTopicPrefix } from '@lib/testing';
import { didKeyOf, didKeyVerificationMethodOf, signJws } from '@lib/vc';
import { assessmentService } from '../../assessment/src/assessment.definition';
import { enrolmentService } from '../../enrolment/src/enrolment.definition';
import { earnCredential } from '../../spec-support/credentials';
import { setUpUniversity, type University } from '../../spec-support/university';
import { credentialsService } from './credentials.definition';

const GRANT = 'urn:ietf:params:oauth:grant-type:pre-authorized_code';

/**
 * OpenID4VCI, pre-authorised code flow (issue 16), with a test client playing an EU wallet: the offer's code and PIN
 * for a token, a proof of possession by its did:key over the nonce, and the credential bound to that DID.
 */
describe('sending a credential to an OpenID4VCI wallet (pre-authorised code)', () => {
  const prefix = testTopicPrefix();
  let enrolment: RunningService;
  let assessment: RunningService;
  let credentials: RunningService;
  let uni: University;
  let learnerId: string;
  let credential: { credentialId: string; jwt: string };

  beforeAll(async () => {
    enrolment = await startTestService('enrolment', enrolmentService, { topicPrefix: prefix });
    assessment = await startTestService('assessment', assessmentService, { topicPrefix: prefix });
    credentials = await startTestService('credentials', credentialsService, { topicPrefix: prefix });
    uni = await setUpUniversity(enrolment.url, 5);
    const services = { enrolment: enrolment.url, assessment: assessment.url, credentials: credentials.url };
    ({ learnerId, credential } = await earnCredential(services, uni, 66));
  }, 120_000);

  afterAll(async () => {
    await credentials?.stop();
    await assessment?.stop();
    await enrolment?.stop();
  });

  const path = (url: string) => new URL(url).pathname;
  const offer = async () => {
    const answer = await call(
      credentials.url,
      'POST',
      `/api/credentials/learners/me/credentials/${encodeURIComponent(credential.credentialId)}/oid4vci-offers`,
      { headers: bearer('learner', { sub: learnerId }) },
    );
    expect(answer.status).toBe(201);
    return answer.body;
  };
  /** The token request, form-encoded as OAuth wallets send it. */
  const token = (
    tokenEndpoint: string,
    form: Record<string, string>,
  ): Promise<{ status: number; body: any }> =>
    fetch(`${credentials.url}${path(tokenEndpoint)}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(form).toString(),
    }).then(async (response) => ({ status: response.status, body: await response.json() }));
  const wallet = () => {
    const { publicKey, privateKey } = generateKeyPairSync('ed25519');
    const kid = didKeyVerificationMethodOf(publicKey);
    return {
      did: didKeyOf(publicKey),
      proof: (aud: string, nonce: string, typ = 'openid4vci-proof+jwt') =>
        signJws({ alg: 'EdDSA', typ, kid }, { aud, nonce, iat: Math.floor(Date.now() / 1000) }, privateKey),
    };
  };

  it('issues the credential bound to the wallet’s DID: metadata, token with the PIN, proof of possession', async () => {
    const made = await offer();
    expect(made.credentialOfferUri).toBe(
      `openid-credential-offer://?credential_offer=${encodeURIComponent(JSON.stringify(made.credentialOffer))}`,
    );
    expect(made.txCode).toMatch(/^\d{6}$/);
    const issuer = made.credentialOffer.credential_issuer;
    const metadata = await call(
      credentials.url,
      'GET',
      `${path(issuer)}/.well-known/openid-credential-issuer`,
    );
    expect(metadata.status).toBe(200);
    expect(metadata.body.credential_issuer).toBe(issuer);
    const server = await call(
      credentials.url,
      'GET',
      `${path(issuer)}/.well-known/oauth-authorization-server`,
    );
    const code = made.credentialOffer.grants[GRANT]['pre-authorized_code'];

    const wrong = await token(server.body.token_endpoint, {
      grant_type: GRANT,
      'pre-authorized_code': code,
      tx_code: made.txCode === '000000' ? '111111' : '000000',
    });
    expect([wrong.status, wrong.body.error]).toEqual([400, 'invalid_grant']);
    const granted = await token(server.body.token_endpoint, {
      grant_type: GRANT,
      'pre-authorized_code': code,
      tx_code: made.txCode,
    });
    expect(granted.status).toBe(200);
    expect(granted.body).toMatchObject({ token_type: 'Bearer', c_nonce: expect.any(String) });
    const reused = await token(server.body.token_endpoint, {
      grant_type: GRANT,
      'pre-authorized_code': code,
      tx_code: made.txCode,
    });
    expect([reused.status, reused.body.error]).toEqual([400, 'invalid_grant']);

    const holder = wallet();
    const ask = (jwt: string, accessToken = granted.body.access_token) =>
      call(credentials.url, 'POST', path(metadata.body.credential_endpoint), {
        headers: { authorization: `Bearer ${accessToken}` },
        body: { format: 'ldp_vc', proof: { proof_type: 'jwt', jwt } },
      });
    for (const badProof of [
      holder.proof(issuer, 'another nonce'),
      holder.proof('https://elsewhere.example', granted.body.c_nonce),
      holder.proof(issuer, granted.body.c_nonce, 'JWT'),
    ]) {
      const refused = await ask(badProof);
      expect([refused.status, refused.body.error]).toEqual([400, 'invalid_proof']);
    }
    expect((await ask(holder.proof(issuer, granted.body.c_nonce), 'not-a-token')).status).toBe(401);
    const issued = await ask(holder.proof(issuer, granted.body.c_nonce));
    expect(issued.status).toBe(200);
    expect(issued.body.credential.credentialSubject.id).toBe(holder.did);
    const verified = await call(credentials.url, 'POST', '/api/credentials/credentials/verify', {
      body: { verifiableCredential: issued.body.credential },
    });
    expect([verified.status, verified.body.verified]).toEqual([200, true]);
    // Nothing is issued twice for one offer.
    expect((await ask(holder.proof(issuer, granted.body.c_nonce))).status).toBe(410);
  });

  it('refuses the code for good after three wrong PINs', async () => {
    const made = await offer();
    const code = made.credentialOffer.grants[GRANT]['pre-authorized_code'];
    const endpoint = `${made.credentialOffer.credential_issuer}/token`;
    const wrongPin = made.txCode === '000000' ? '111111' : '000000';
    for (let i = 0; i < 3; i += 1)
      await token(endpoint, { grant_type: GRANT, 'pre-authorized_code': code, tx_code: wrongPin });
    const late = await token(endpoint, {
      grant_type: GRANT,
      'pre-authorized_code': code,
      tx_code: made.txCode,
    });
    expect([late.status, late.body.error]).toEqual([400, 'invalid_grant']);
  });
});
