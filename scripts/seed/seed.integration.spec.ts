import {
  type RunningService,
  startTestService,
  testIdentityProvider,
  testTopicPrefix,
  waitFor,
} from '@lib/testing';
import type { INestApplication } from '@nestjs/common';
import { assessmentService } from '../../services/assessment/src/assessment.definition';
import { credentialsService } from '../../services/credentials/src/credentials.definition';
import { enrolmentService } from '../../services/enrolment/src/enrolment.definition';
import { recognitionService } from '../../services/recognition/src/recognition.definition';
import { startTestGateway } from '../../services/spec-support/gateway';
import { runSeed, type SeedSummary } from './run-seed';
import { LEARNERS } from './seed-data';

/** `npm run -s seed`'s engine on a stack of its own: the data it promises, through the gateway, and only once. */
describe('the development seed', () => {
  const prefix = testTopicPrefix();
  const services: RunningService[] = [];
  let gateway: { app: INestApplication; url: string };
  let first: SeedSummary;

  const get = async (path: string, token: string): Promise<any> => {
    const response = await fetch(`${gateway.url}${path}`, { headers: { authorization: `Bearer ${token}` } });
    expect(response.status).toBe(200);
    return response.json();
  };
  const learnerToken = (email: string) =>
    testIdentityProvider().mint({
      roles: ['learner'],
      sub: first.learners.find((l) => l.email === email)!.learnerId,
    });
  const credentialsOf = async (email: string) =>
    (await get('/api/credentials/learners/me/credentials', learnerToken(email))).items as any[];

  beforeAll(async () => {
    const enrolment = await startTestService('enrolment', enrolmentService, { topicPrefix: prefix });
    const assessment = await startTestService('assessment', assessmentService, { topicPrefix: prefix });
    const credentials = await startTestService('credentials', credentialsService, { topicPrefix: prefix });
    const recognition = await startTestService('recognition', recognitionService, {
      topicPrefix: prefix,
      env: { CREDENTIALS_URL: credentials.url },
    });
    services.push(enrolment, assessment, credentials, recognition);
    gateway = await startTestGateway({
      enrolment: enrolment.url,
      assessment: assessment.url,
      credentials: credentials.url,
      recognition: recognition.url,
    });
    first = await runSeed({ gatewayUrl: gateway.url, identityProvider: testIdentityProvider(), minutes: 2 });
  }, 180_000);

  afterAll(async () => {
    await gateway?.app.close();
    for (const service of services.reverse()) await service.stop();
  });

  it('makes a university, two partners, three courses with offerings and achievements, and an MSc', async () => {
    expect(first.partnerIds).toHaveLength(2);
    expect(first.courses.map((c) => c.code)).toEqual(['C4H-APP', 'C4H-DATA', 'C4H-HACK']);
    expect(new Set(first.courses.map((c) => c.partnerId))).toEqual(new Set(first.partnerIds));
    const registrar = testIdentityProvider().mint({ roles: ['registrar'], org: first.universityId });
    const achievements = await get('/api/credentials/achievements', registrar);
    expect(achievements.items.map((a: any) => a.courseId).sort()).toEqual(
      first.courses.map((c) => c.courseId).sort(),
    );
    const programme = await get(`/api/recognition/programmes/${first.programmeId}`, registrar);
    expect(programme.modules.map((m: any) => m.code)).toEqual(['HI-701', 'HI-799']);
  });

  it('enrols every learner on every offering, and the passes become credentials', async () => {
    expect(first.learners.map((l) => l.email)).toEqual(LEARNERS.map((l) => l.email));
    // Passed all three (marks 91, 86, 77); failed one (38 of 40 needed); absent from one.
    const everyPass = await waitFor(
      async () => ((await credentialsOf('priya.raghunathan@nhs.example')).length === 3 ? true : undefined),
      { timeoutMs: 60_000, what: 'three credentials for a learner who passed all three' },
    );
    expect(everyPass).toBe(true);
    await waitFor(async () => (await credentialsOf('dmitri.volkov@nhs.example')).length === 2 || undefined, {
      timeoutMs: 30_000,
      what: 'two credentials for a learner who failed one course',
    });
    await waitFor(
      async () => (await credentialsOf('oluwaseun.adeyemi@nhs.example')).length === 2 || undefined,
      {
        timeoutMs: 30_000,
        what: 'two credentials for a learner absent from one course',
      },
    );
    // Names in any script are carried as written.
    const [credential] = await credentialsOf('zhang.wei@nhs.example');
    const payload = JSON.parse(Buffer.from(credential.jwt.split('.')[1], 'base64url').toString());
    expect(payload.credentialSubject.name).toContain('张');
  });

  it('makes nothing twice when run again', async () => {
    const again = await runSeed({
      gatewayUrl: gateway.url,
      identityProvider: testIdentityProvider(),
      minutes: 2,
    });
    expect(again).toEqual(first);
    const partner = testIdentityProvider().mint({ roles: ['partner'], org: first.courses[0]!.partnerId });
    const enrolments = await get(
      `/api/enrolment/offerings/${first.courses[0]!.offeringId}/enrolments`,
      partner,
    );
    expect(enrolments.total).toBe(LEARNERS.length);
    // Give any event a second run could have caused the time to arrive before counting.
    await new Promise((done) => setTimeout(done, 3000));
    expect(await credentialsOf('priya.raghunathan@nhs.example')).toHaveLength(3);
  });
});
