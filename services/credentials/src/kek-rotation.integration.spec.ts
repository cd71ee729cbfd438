import { randomBytes, randomUUID } from 'node:crypto';
import { MongoClient } from 'mongodb';
import { importJWK, jwtVerify } from 'jose';
import {
  bearer,
  call,
  type RunningService,
  startTestService,
  testStack,
  testTopicPrefix,
  waitFor,
} from '@lib/testing';
import { signCredential } from '@lib/vc';
import { enrolmentService } from '../../enrolment/src/enrolment.definition';
import { ok } from '../../spec-support/university';
import { credentialsService } from './credentials.definition';
import { IssuersService } from './issuers/issuers.service';

/**
 * Rotating the key-encryption key without stopping signing: the new key configured with the old one as
 * CREDENTIALS_KEK_PREVIOUS, the service restarted, every stored private key re-encrypted at start-up; then the old
 * key dropped, and everything still signs.
 */
describe('rotating the key-encryption key', () => {
  const prefix = testTopicPrefix();
  const database = `spec_kek_${randomUUID().slice(0, 8)}`;
  const consumerGroup = `spec-kek-${randomUUID().slice(0, 8)}`;
  const kek1 = randomBytes(32).toString('base64');
  const kek2 = randomBytes(32).toString('base64');
  let enrolment: RunningService;
  let credentials: RunningService | undefined;
  let mongo: MongoClient;
  let organisationId: string;

  const startCredentials = async (env: Record<string, string>) => {
    await credentials?.stop();
    credentials = await startTestService('credentials', credentialsService, {
      topicPrefix: prefix,
      database,
      consumerGroup,
      env,
    });
    return credentials;
  };

  /** Which key-encryption key each stored private key is under, with its ciphertext. */
  async function storedKeys(): Promise<{ kekId: string; ciphertext: string }[]> {
    const db = mongo.db(database);
    const records = [
      ...(await db.collection('signing_keys').find({}).sort({ _id: 1 }).toArray()),
      ...(await db.collection('trust_list_keys').find({}).sort({ _id: 1 }).toArray()),
    ];
    return records.map((record) => ({
      kekId: record.encryptedPrivateKey.kekId,
      ciphertext: record.encryptedPrivateKey.ciphertext,
    }));
  }

  /** Signs with the body's VC-JWT key and checks it with the published key; signs a Data Integrity proof and a
   * trust snapshot: each private key stored is read. */
  async function signsWithEveryKey(service: RunningService): Promise<void> {
    const issuers = service.app.get(IssuersService);
    const issuer = `http://localhost:3000/api/credentials/issuers/${organisationId}`;
    const jwt = signCredential(
      {
        id: `urn:uuid:${randomUUID()}`,
        issuer: { id: issuer },
        validFrom: new Date(Date.now() - 60000).toISOString().replace(/\.\d+Z$/, 'Z'),
        credentialSubject: { id: `urn:uuid:${randomUUID()}` },
      },
      await issuers.signingKey(organisationId),
    );
    const kid = JSON.parse(Buffer.from(jwt.split('.')[0]!, 'base64url').toString()).kid as string;
    const jwk = await ok(call(service.url, 'GET', kid.replace('http://localhost:3000', '')));
    expect((await jwtVerify(jwt, await importJWK(jwk, jwk.alg))).payload.iss).toBe(issuer);
    const proved = await issuers.prove(
      organisationId,
      { '@context': ['https://www.w3.org/ns/credentials/v2'], type: ['VerifiableCredential'] } as any,
      new Date().toISOString(),
    );
    expect(proved.proof).toMatchObject({ cryptosuite: 'eddsa-rdfc-2022' });
    const snapshot = await call(service.url, 'GET', '/api/credentials/trust-list/snapshot');
    expect(snapshot.status).toBe(200);
  }

  beforeAll(async () => {
    mongo = await MongoClient.connect(testStack().mongoServerUrl);
    enrolment = await startTestService('enrolment', enrolmentService, { topicPrefix: prefix });
    const first = await startCredentials({ CREDENTIALS_KEK: kek1, CREDENTIALS_KEK_ID: 'kek-1' });
    const org = await ok(
      call(enrolment.url, 'POST', '/api/enrolment/organisations', {
        headers: bearer('admin'),
        body: { kind: 'awarding-body', name: `University ${randomUUID().slice(0, 6)}` },
      }),
    );
    organisationId = org.id;
    await waitFor(
      async () =>
        (await call(first.url, 'GET', `/api/credentials/issuers/${organisationId}`)).status === 200 ||
        undefined,
      { what: 'the organisation to become an issuer' },
    );
    await signsWithEveryKey(first);
  });

  afterAll(async () => {
    await credentials?.stop();
    await enrolment?.stop();
    await mongo?.close();
  });

  it('re-encrypts every stored private key under the new key at start-up, and signs throughout', async () => {
    const before = await storedKeys();
    // The body's VC-JWT and Data Integrity keys, and the hub's trust-list key.
    expect(before.map((key) => key.kekId)).toEqual(['kek-1', 'kek-1', 'kek-1']);

    const rotating = await startCredentials({
      CREDENTIALS_KEK: kek2,
      CREDENTIALS_KEK_ID: 'kek-2',
      CREDENTIALS_KEK_PREVIOUS: kek1,
      CREDENTIALS_KEK_PREVIOUS_ID: 'kek-1',
    });
    const after = await storedKeys();
    expect(after.map((key) => key.kekId)).toEqual(['kek-2', 'kek-2', 'kek-2']);
    for (const [i, key] of after.entries()) expect(key.ciphertext).not.toBe(before[i]!.ciphertext);
    await signsWithEveryKey(rotating);

    // A second start (or a second instance) finds nothing left to do and changes nothing.
    await startCredentials({
      CREDENTIALS_KEK: kek2,
      CREDENTIALS_KEK_ID: 'kek-2',
      CREDENTIALS_KEK_PREVIOUS: kek1,
      CREDENTIALS_KEK_PREVIOUS_ID: 'kek-1',
    });
    expect(await storedKeys()).toEqual(after);
  });

  it('signs with the new key alone once the old one is dropped', async () => {
    const rotated = await startCredentials({ CREDENTIALS_KEK: kek2, CREDENTIALS_KEK_ID: 'kek-2' });
    await signsWithEveryKey(rotated);
  });

  it('starts without a key it cannot read and says so when asked to sign, changing nothing stored', async () => {
    const stored = await storedKeys();
    const wrong = await startCredentials({
      CREDENTIALS_KEK: randomBytes(32).toString('base64'),
      CREDENTIALS_KEK_ID: 'kek-3',
    });
    expect(await storedKeys()).toEqual(stored);
    await expect(wrong.app.get(IssuersService).signingKey(organisationId)).rejects.toThrow(
      'the secret was encrypted with key-encryption key kek-2, not kek-3',
    );
  });
});
