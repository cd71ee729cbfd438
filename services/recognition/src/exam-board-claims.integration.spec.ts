import { randomUUID } from 'node:crypto';
import { credentialIssuedV1, enrolmentCreatedV1 } from '@lib/contracts';
import {
  bearer,
  call,
  eventFactories,
  EventPublisher,
  type RunningService,
  startTestService,
  testTopicPrefix,
  waitFor,
} from '@lib/testing';
import { recognitionService } from './recognition.definition';

const LEVEL_7 = { framework: 'FHEQ', level: 7, eqfLevel: 7 };

/** The exam board's list of claims: its own body's only, oldest waiting first, leaving it once every module its proposal credits is decided. */
describe('the exam board’s claims awaiting a decision', () => {
  const prefix = testTopicPrefix();
  const publisher = new EventPublisher(prefix, '/spec/enrolment-and-credentials');
  const bodyId = randomUUID();
  const otherBodyId = randomUUID();
  const registrar = bearer('registrar', { org: bodyId });
  const otherRegistrar = bearer('registrar', { org: otherBodyId });
  const ada = randomUUID();
  const grace = randomUUID();
  const adaCredential = eventFactories.credentialIssued({ learnerId: ada, awardingBodyId: bodyId });
  let recognition: RunningService;
  let health: { id: string; code: string };
  let data: { id: string; code: string };
  let foreign: { id: string };

  const api = (headers: { authorization: string }, method: string, path: string, body?: unknown) =>
    call(recognition.url, method, `/api/recognition${path}`, { headers, body });
  const listed = async (query = '', headers = registrar) => {
    const response = await api(headers, 'GET', `/claims${query}`);
    expect(response.status).toBe(200);
    return response.body;
  };

  async function programme(headers: { authorization: string }, title: string, modules: unknown[]) {
    const created = await api(headers, 'POST', '/programmes', {
      code: `MSC-${randomUUID().slice(0, 6).toUpperCase()}`,
      title,
      credits: 180,
      level: LEVEL_7,
      modules,
    });
    expect(created.status).toBe(201);
    return created.body;
  }

  const openClaim = async (learnerId: string, programmeId: string) => {
    const opened = await api(bearer('learner', { sub: learnerId }), 'POST', '/claims', { programmeId });
    expect(opened.status).toBe(201);
    return opened.body.id as string;
  };

  beforeAll(async () => {
    await publisher.start();
    recognition = await startTestService('recognition', recognitionService, {
      topicPrefix: prefix,
      // No credential is uploaded here, so the credentials service's verifier is never asked.
      env: { CREDENTIALS_URL: 'http://127.0.0.1:9' },
    });
    const byAda = {
      combination: 'any',
      criteria: [{ kind: 'achievement', achievementId: adaCredential.achievementId }],
    };
    health = await programme(registrar, 'MSc Digital Health', [
      { code: 'DH-APPS', title: 'Digital health apps', credits: 15, level: LEVEL_7, rule: byAda },
      { code: 'DH-DATA', title: 'Health data', credits: 15, level: LEVEL_7 },
      { code: 'DH-DISS', title: 'Dissertation', credits: 60, level: LEVEL_7, eligible: false },
    ]);
    data = await programme(registrar, 'MSc Health Data Science', [
      { code: 'HD-STATS', title: 'Statistics', credits: 15, level: LEVEL_7 },
    ]);
    foreign = await programme(otherRegistrar, 'MSc Elsewhere', [
      { code: 'EL-ONE', title: 'One', credits: 15, level: LEVEL_7 },
    ]);
    await publisher.publish(
      enrolmentCreatedV1,
      eventFactories.enrolmentCreated({
        learnerId: ada,
        awardingBodyId: bodyId,
        learner: { givenName: 'Ada', familyName: 'Lovelace', email: 'ada@example.nhs.uk' },
      }),
    );
    await publisher.publish(credentialIssuedV1, adaCredential);
  }, 60_000);

  afterAll(async () => {
    await recognition.stop();
    await publisher.stop();
  });

  it('lists its own body’s claims awaiting a decision, oldest first, with the proposal now', async () => {
    const first = await openClaim(ada, health.id);
    const second = await openClaim(grace, data.id);
    const foreignClaim = await openClaim(grace, foreign.id);

    const page = await waitFor(
      async () => {
        const seen = await listed();
        return seen.items[0]?.proposal.modulesProposed.length ? seen : undefined;
      },
      { what: 'Ada’s credential to be proposed for DH-APPS' },
    );
    expect(page).toMatchObject({ page: 1, pageSize: 20, total: 2 });
    expect(page.items).toEqual([
      {
        id: first,
        state: 'awaiting-decision',
        learner: { id: ada, email: 'ada@example.nhs.uk' },
        programme: { id: health.id, code: health.code, title: 'MSc Digital Health' },
        openedAt: expect.any(String),
        proposal: { modulesProposed: ['DH-APPS'], creditsProposed: 15, modulesDecided: 0 },
      },
      {
        id: second,
        state: 'awaiting-decision',
        learner: { id: grace },
        programme: { id: data.id, code: data.code, title: 'MSc Health Data Science' },
        openedAt: expect.any(String),
        proposal: { modulesProposed: [], creditsProposed: 0, modulesDecided: 0 },
      },
    ]);

    expect((await listed(`?programmeId=${data.id}`)).items.map((item: any) => item.id)).toEqual([second]);
    const paged = await listed('?pageSize=1&page=2');
    expect(paged).toMatchObject({ total: 2, pageSize: 1, items: [{ id: second }] });

    // Another awarding body's registrar sees its own claim only, and none in this body's programme.
    expect((await listed('', otherRegistrar)).items.map((item: any) => item.id)).toEqual([foreignClaim]);
    expect(await listed(`?programmeId=${health.id}`, otherRegistrar)).toMatchObject({ total: 0, items: [] });
  }, 60_000);

  it('keeps a claim in the list until every module its proposal credits is decided', async () => {
    const claimId = await openClaim(ada, health.id);
    await waitFor(
      async () => ((await listed()).items.some((item: any) => item.id === claimId) ? true : undefined),
      { what: 'the claim listed' },
    );
    const decide = (moduleCode: string, decision: string) =>
      api(registrar, 'POST', `/claims/${claimId}/decisions`, { moduleCode, decision, reason: 'Seen.' });
    // A module the proposal does not credit may be refused, but the claim still waits for the one it does.
    expect((await decide('DH-DATA', 'reject')).status).toBe(201);
    const stillWaiting = (await listed()).items.find((item: any) => item.id === claimId);
    expect(stillWaiting).toMatchObject({
      state: 'awaiting-decision',
      proposal: { modulesProposed: ['DH-APPS'], modulesDecided: 1 },
    });

    const approved = await waitFor(
      async () => {
        const response = await decide('DH-APPS', 'approve');
        return response.status === 201 ? response : undefined;
      },
      { what: 'DH-APPS approved' },
    );
    expect(approved.body).toMatchObject({ decision: 'approved' });
    expect((await listed()).items.map((item: any) => item.id)).not.toContain(claimId);
    const decided = await listed('?state=decided');
    expect(decided.items).toEqual([
      expect.objectContaining({
        id: claimId,
        state: 'decided',
        proposal: expect.objectContaining({ modulesDecided: 2 }),
      }),
    ]);
    expect((await listed('?state=decided', otherRegistrar)).items).toEqual([]);
  }, 60_000);

  it('is the registrar’s only, and says which parameter is wrong', async () => {
    for (const role of ['learner', 'assessor', 'partner'] as const) {
      const response = await api(bearer(role, { org: bodyId, sub: ada }), 'GET', '/claims');
      expect(response.status).toBe(403);
    }
    const bad = async (query: string, field: string) => {
      const response = await api(registrar, 'GET', `/claims${query}`);
      expect(response.status).toBe(400);
      expect(response.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field })]));
    };
    await bad('?state=finished', 'state');
    await bad('?programmeId=MSC-1', 'programmeId');
    await bad('?pageSize=500', 'pageSize');
    await bad('?page=0', 'page');
    await bad('?learnerId=x', 'learnerId');
  }, 30_000);
});
