import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  credentialIssuedV1,
  credentialReinstatedV1,
  credentialRevokedV1,
  credentialSuspendedV1,
  enrolmentCreatedV1,
  type EventContract,
  type EventData,
} from '@lib/contracts';
import {
  bearer,
  call,
  eventFactories,
  EventPublisher,
  indexesOf,
  type QueryRecorder,
  recordQueries,
  type RunningService,
  startTestService,
  testTopicPrefix,
  uniqueKeysOf,
  unindexedQueries,
  unkeyedQueries,
  waitFor,
} from '@lib/testing';
import { getConnectionToken } from '@nestjs/mongoose';
import type { Connection } from 'mongoose';
import { recognitionService } from './recognition.definition';

const LEVEL_7 = { framework: 'FHEQ', level: 7, eqfLevel: 7 };

/** A stand-in for the credentials service's batch verifier: every uploaded credential is answered `invalid`. */
async function fakeVerifier(): Promise<Server> {
  const server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      const { credentials } = JSON.parse(body) as { credentials: string[] };
      const results = credentials.map(() => ({
        status: 'invalid',
        verified: false,
        headline: 'Not valid (spec verifier).',
        checks: [],
        summary: {},
        checkedAt: new Date().toISOString(),
      }));
      response.setHeader('content-type', 'application/json');
      response.end(JSON.stringify({ results }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return server;
}

/**
 * Every per-event and per-request path of recognition reads and writes by `_id` or a unique key: the consumers of
 * credentials' events, a learner's claims and standing, claim evaluation, and credit approved and withdrawn.
 */
describe('recognition hot paths', () => {
  const prefix = testTopicPrefix();
  const awardingBodyId = randomUUID();
  const registrar = bearer('registrar', { org: awardingBodyId });
  const learnerId = randomUUID();
  const learnerHeaders = bearer('learner', { sub: learnerId });
  const issued = eventFactories.credentialIssued({ learnerId, awardingBodyId });
  const other = eventFactories.credentialIssued({ learnerId, awardingBodyId });
  const ofCredential = {
    credentialId: issued.credentialId,
    learnerId,
    achievementId: issued.achievementId,
    awardingBodyId,
  };
  const publisher = new EventPublisher(prefix, '/spec/credentials');
  let verifier: Server;
  let recognition: RunningService;
  let recorder: QueryRecorder;
  let programmeId: string;

  const publish = <C extends EventContract>(contract: C, data: EventData<C>, id?: string) =>
    publisher.publish(contract, data, id);

  const asLearner = (method: string, path: string, body?: unknown) =>
    call(recognition.url, method, `/api/recognition${path}`, { headers: learnerHeaders, body });
  const standing = async () => (await asLearner('GET', `/learners/me/programmes/${programmeId}`)).body;

  beforeAll(async () => {
    verifier = await fakeVerifier();
    await publisher.start();
    recorder = recordQueries();
    recognition = await startTestService('recognition', recognitionService, {
      topicPrefix: prefix,
      env: { CREDENTIALS_URL: `http://127.0.0.1:${(verifier.address() as AddressInfo).port}` },
    });
    const created = await call(recognition.url, 'POST', '/api/recognition/programmes', {
      headers: registrar,
      body: {
        code: `MSC-${randomUUID().slice(0, 6).toUpperCase()}`,
        title: 'MSc Digital Health',
        credits: 180,
        level: LEVEL_7,
        policy: {},
        modules: [
          {
            code: 'DH-APPS',
            title: 'Digital health apps',
            credits: 5,
            level: LEVEL_7,
            rule: {
              combination: 'any',
              criteria: [{ kind: 'achievement', achievementId: issued.achievementId }],
            },
          },
          { code: 'DH-DISS', title: 'Dissertation', credits: 60, level: LEVEL_7, eligible: false },
        ],
      },
    });
    expect(created.status).toBe(201);
    programmeId = created.body.id;
  }, 60_000);

  afterAll(async () => {
    recorder.stop();
    await recognition.stop();
    await publisher.stop();
    await new Promise((resolve) => verifier.close(resolve));
  });

  it('reads and writes by _id or a unique key when consuming events and serving a learner', async () => {
    recorder.clear();
    await publish(enrolmentCreatedV1, eventFactories.enrolmentCreated({ learnerId }));
    await publish(credentialIssuedV1, issued);
    await publish(credentialIssuedV1, other);

    const claim = (await asLearner('POST', '/claims', { programmeId })).body;
    const seen = await waitFor(
      async () => {
        const view = (await asLearner('GET', `/claims/${claim.id}`)).body;
        return view.proposal.modules.find((m: any) => m.moduleCode === 'DH-APPS')?.exempt ? view : undefined;
      },
      { what: 'the claim to credit DH-APPS' },
    );
    expect(seen.learnerId).toBe(learnerId);
    expect(
      (await asLearner('POST', `/claims/${claim.id}/external-credentials`, { credential: 'e30.e30.sig' }))
        .status,
    ).toBe(201);
    expect((await asLearner('GET', '/learners/me/claims')).body.items).toEqual([
      expect.objectContaining({ id: claim.id, programmeId }),
    ]);

    const decision = await call(recognition.url, 'POST', `/api/recognition/claims/${claim.id}/decisions`, {
      headers: registrar,
      body: { moduleCode: 'DH-APPS', decision: 'approve', reason: 'Meets the outcomes.' },
    });
    expect(decision.status).toBe(201);
    expect(await standing()).toMatchObject({ creditsCredited: 5, credited: [{ onHold: false }] });

    await publish(credentialSuspendedV1, eventFactories.credentialSuspended(ofCredential));
    await waitFor(async () => ((await standing()).credited[0]?.onHold ? true : undefined), {
      what: 'the credit on hold',
    });
    await publish(credentialReinstatedV1, eventFactories.credentialReinstated(ofCredential));
    await waitFor(async () => ((await standing()).credited[0]?.onHold === false ? true : undefined), {
      what: 'the credit released',
    });
    await publish(credentialRevokedV1, eventFactories.credentialRevoked(ofCredential));
    await waitFor(async () => ((await standing()).creditsCredited === 0 ? true : undefined), {
      what: 'the credit withdrawn',
    });

    const connection = recognition.app.get<Connection>(getConnectionToken());
    expect(unkeyedQueries(recorder.queries, uniqueKeysOf([connection]))).toEqual([]);
  }, 120_000);

  it('lists the exam board’s claims by a declared compound index, and all else by key', async () => {
    const claim = (await asLearner('POST', '/claims', { programmeId })).body;
    recorder.clear();
    for (const query of ['', `&programmeId=${programmeId}`, '&state=decided']) {
      const listed = await call(recognition.url, 'GET', `/api/recognition/claims?pageSize=50${query}`, {
        headers: registrar,
      });
      expect(listed.status).toBe(200);
      if (!query.includes('decided'))
        expect(listed.body.items.map((item: any) => item.id)).toContain(claim.id);
    }
    const connection = recognition.app.get<Connection>(getConnectionToken());
    const unkeyed = unkeyedQueries(recorder.queries, uniqueKeysOf([connection]));
    // The list itself is a range of an index (a find and a count per call); everything it reads besides, by key.
    expect(unkeyed.map((query) => `${query.collection}.${query.method}`).sort()).toEqual([
      ...Array<string>(3).fill('claims.countDocuments'),
      ...Array<string>(3).fill('claims.find'),
    ]);
    expect(unindexedQueries(unkeyed, indexesOf([connection]))).toEqual([]);
  }, 60_000);
});
