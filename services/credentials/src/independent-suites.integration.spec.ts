import { multibaseBase58btcEncode } from '@lib/vc';
import { call, type RunningService, startTestService, testTopicPrefix, waitFor } from '@lib/testing';
import { enrolmentService } from '../../enrolment/src/enrolment.definition';
import { type IndependentSuite, independentlySigned } from '../../spec-support/independent-di-signer';
import { setUpUniversity, type University } from '../../spec-support/university';
import { membershipCredential } from '../../spec-support/vc-api-credentials';
import { credentialsService } from './credentials.definition';

/**
 * The proofs we verify beside eddsa-rdfc-2022 (issue 14), made by an independent implementation: Digital Bazaar's
 * @digitalbazaar/vc with ecdsa-rdfc-2019 (P-256 and P-384) and Ed25519Signature2020, which no runtime code imports,
 * each by a did:key issuer an awarding body trusts. Checked through the VC-API and our own verify call.
 */
describe('ecdsa-rdfc-2019 and Ed25519Signature2020 credentials signed by an independent implementation', () => {
  const prefix = testTopicPrefix();
  let enrolment: RunningService;
  let credentials: RunningService;
  let uni: University;

  beforeAll(async () => {
    enrolment = await startTestService('enrolment', enrolmentService, { topicPrefix: prefix });
    credentials = await startTestService('credentials', credentialsService, { topicPrefix: prefix });
    uni = await setUpUniversity(enrolment.url, 5);
    await waitFor(
      async () =>
        (await call(credentials.url, 'GET', trustList(), { headers: uni.registrar })).status === 200,
      {
        what: 'the awarding body to become an issuer',
      },
    );
  }, 120_000);

  afterAll(async () => {
    await credentials?.stop();
    await enrolment?.stop();
  });

  const trustList = () => `/api/credentials/organisations/${uni.awardingBodyId}/trust-list`;
  const trust = (did: string) =>
    call(credentials.url, 'POST', trustList(), {
      headers: uni.registrar,
      body: { issuerId: did, name: 'Mentor' },
    });
  const vcApiVerify = (verifiableCredential: unknown) =>
    call(
      credentials.url,
      'POST',
      `/api/credentials/credentials/verify?organisationId=${uni.awardingBodyId}`,
      {
        body: { verifiableCredential },
      },
    );
  /** A membership in the name of `issuer`, or of no one: the signer then names its own did:key. */
  const unsigned = (issuer?: string) => {
    const { issuer: _none, ...credential } = membershipCredential('');
    return issuer ? { ...credential, issuer } : credential;
  };
  const failedChecks = (body: any) => body.errors.map((error: any) => error.check);

  it.each<[string, IndependentSuite, Record<string, unknown>]>([
    [
      'ecdsa-rdfc-2019 with P-256',
      { suite: 'ecdsa-rdfc-2019', curve: 'P-256' },
      { type: 'DataIntegrityProof', cryptosuite: 'ecdsa-rdfc-2019' },
    ],
    [
      'ecdsa-rdfc-2019 with P-384',
      { suite: 'ecdsa-rdfc-2019', curve: 'P-384' },
      { type: 'DataIntegrityProof', cryptosuite: 'ecdsa-rdfc-2019' },
    ],
    ['Ed25519Signature2020', { suite: 'Ed25519Signature2020' }, { type: 'Ed25519Signature2020' }],
  ])(
    'verifies %s from a trusted did:key issuer, and refuses it tampered with or signed by another key',
    async (_, suite, proof) => {
      const signed = await independentlySigned(suite, unsigned());
      const credential = signed.verifiableCredential;
      expect(credential.issuer).toBe(signed.did);
      expect(credential.proof).toMatchObject({ ...proof, verificationMethod: signed.verificationMethod });

      const untrusted = await vcApiVerify(credential);
      expect([untrusted.status, failedChecks(untrusted.body)]).toEqual([400, ['trust']]);
      expect((await trust(signed.did)).status).toBe(201);

      const verified = await vcApiVerify(credential);
      expect([verified.status, verified.body]).toEqual([
        200,
        expect.objectContaining({ verified: true, status: 'valid', errors: [] }),
      ]);
      expect(verified.body.checks).toEqual(expect.arrayContaining(['header', 'trust', 'key', 'signature']));
      const ours = await call(
        credentials.url,
        'POST',
        `/api/credentials/verify?organisationId=${uni.awardingBodyId}`,
        {
          body: { credential },
        },
      );
      expect([ours.status, ours.body.status]).toEqual([200, 'valid']);

      const tampered = structuredClone(credential);
      tampered.credentialSubject.memberOf = 'Code4Health York';
      const refused = await vcApiVerify(tampered);
      expect([refused.status, refused.body.verified, failedChecks(refused.body)]).toEqual([
        400,
        false,
        ['signature'],
      ]);
      expect(refused.body.errors[0].message).toContain(
        'the signature does not match the document and its proof',
      );

      // Signed by a new key of the same kind, in the trusted issuer's name: its did:key is not the issuer's.
      const impostor = await independentlySigned(suite, unsigned(signed.did));
      expect(impostor.verifiableCredential.issuer).toBe(signed.did);
      expect(impostor.verificationMethod).not.toBe(signed.verificationMethod);
      const notTheIssuers = await vcApiVerify(impostor.verifiableCredential);
      expect([notTheIssuers.status, failedChecks(notTheIssuers.body)]).toEqual([400, ['key']]);
      expect(notTheIssuers.body.errors[0].message).toBe(
        `${impostor.verificationMethod} is not a key of ${signed.did}.`,
      );
    },
    60_000,
  );

  it('refuses on the trust list a did:key of a key type no suite we verify uses, and a P-256 point off its curve', async () => {
    // secp256k1 (multicodec 0xe7): a did:key, but neither Ed25519, P-256 nor P-384.
    const answer = await trust('did:key:zQ3shokFTS3brHcDQrn82RUDfCZESWL1ZdCEJwekUDPQiYBme');
    expect([answer.status, answer.body.errors?.[0]?.field]).toEqual([400, 'issuerId']);
    expect(answer.body.errors[0].message).toBe(
      'must be an http(s) URL, an Ed25519, P-256 or P-384 did:key or a did:web DID',
    );
    const offCurve = multibaseBase58btcEncode(
      Uint8Array.from([0x80, 0x24, 0x02, ...new Array<number>(32).fill(0xff)]),
    );
    const unreadable = await trust(`did:key:${offCurve}`);
    expect([unreadable.status, unreadable.body.message, unreadable.body.errors?.[0]?.field]).toEqual([
      422,
      'The did:key is not an Ed25519, P-256 or P-384 public key.',
      'issuerId',
    ]);
  });
});
