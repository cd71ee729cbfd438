import { badgeCredential, membershipCredential } from '../../spec-support/vc-api-credentials';
import { call, type RunningService, startTestService, testTopicPrefix, waitFor } from '@lib/testing';
import { enrolmentService } from '../../enrolment/src/enrolment.definition';
import { independentlyVerifiedDataIntegrity } from '../../spec-support/independent-di-verifier';
import { ok, setUpUniversity, type University } from '../../spec-support/university';
import { credentialsService } from './credentials.definition';

/**
 * Our Data Integrity proofs (eddsa-rdfc-2022) as an independent implementation reads them (issue 14): Digital
 * Bazaar's @digitalbazaar/vc, which no runtime code imports, with its own document loader resolving our did:web.
 */
describe('Data Integrity credentials checked by an independent verifier', () => {
  const prefix = testTopicPrefix();
  let enrolment: RunningService;
  let credentials: RunningService;
  let uni: University;
  let did: string;

  beforeAll(async () => {
    enrolment = await startTestService('enrolment', enrolmentService, { topicPrefix: prefix });
    credentials = await startTestService('credentials', credentialsService, { topicPrefix: prefix });
    uni = await setUpUniversity(enrolment.url, 5);
    await waitFor(
      async () =>
        (await call(credentials.url, 'GET', `/api/credentials/issuers/${uni.awardingBodyId}`)).status === 200,
      { what: 'the awarding body to become an issuer' },
    );
    did = (await ok(call(credentials.url, 'GET', `/api/credentials/issuers/${uni.awardingBodyId}/did.json`)))
      .id;
  }, 120_000);

  afterAll(async () => {
    await credentials?.stop();
    await enrolment?.stop();
  });

  const membership = () => membershipCredential(did);
  const badge = () => badgeCredential(did);

  const issued = (credential: unknown) =>
    ok(
      call(credentials.url, 'POST', '/api/credentials/credentials/issue', {
        headers: uni.registrar,
        body: { credential, options: { format: 'data-integrity' } },
      }),
    ).then((body) => body.verifiableCredential);

  it.each([
    ['a plain VC 2.0 credential', membership],
    ['an Open Badges 3.0 credential', badge],
  ])(
    'issues %s whose proof the independent verifier accepts, and refuses once tampered with',
    async (_, build) => {
      const secured = await issued(build());
      expect(secured.proof).toMatchObject({ type: 'DataIntegrityProof', cryptosuite: 'eddsa-rdfc-2022' });
      // The verifier reads this entry's bit from the body's status list (a VC-JWT it checks with jose).
      expect(secured.credentialStatus).toMatchObject({
        type: 'BitstringStatusListEntry',
        statusPurpose: 'revocation',
      });

      expect(await independentlyVerifiedDataIntegrity(secured, credentials.url)).toEqual({ verified: true });

      for (const spoil of [
        (vc: any) => (vc.credentialSubject.id = 'did:example:someone-else'),
        (vc: any) => (vc.validFrom = '2020-01-01T00:00:00Z'),
        (vc: any) => (vc.proof.created = '2020-01-01T00:00:00Z'),
      ]) {
        const copy = structuredClone(secured);
        spoil(copy);
        expect(await independentlyVerifiedDataIntegrity(copy, credentials.url)).toEqual({
          verified: false,
          error: expect.stringContaining('Invalid signature'),
        });
      }
      // The key is looked up in the DID document the did:web resolves to, not taken from the proof.
      const elsewhere = structuredClone(secured);
      elsewhere.proof.verificationMethod = `${did}#not-a-key-of-ours`;
      expect(await independentlyVerifiedDataIntegrity(elsewhere, credentials.url)).toEqual({
        verified: false,
        error: `${did} has no verification method ${did}#not-a-key-of-ours`,
      });
    },
  );
});
