import { randomUUID } from 'node:crypto';
import { ServiceMetrics } from '@lib/platform';
import {
  call,
  freePort,
  type PromFamily,
  type RunningService,
  sampleValue,
  scrapeMetrics,
  startTestService,
  testTopicPrefix,
  waitFor,
} from '@lib/testing';
import type { INestApplication } from '@nestjs/common';
import { assessmentService } from './assessment/src/assessment.definition';
import { credentialsService } from './credentials/src/credentials.definition';
import { enrolmentService } from './enrolment/src/enrolment.definition';
import { recognitionService } from './recognition/src/recognition.definition';
import { earnCredential } from './spec-support/credentials';
import { startTestGateway } from './spec-support/gateway';
import { setUpUniversity } from './spec-support/university';

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;
const DOMAIN_SERVICES = ['enrolment', 'assessment', 'credentials', 'recognition'] as const;

const metricsUrlOf = (app: INestApplication) => app.get(ServiceMetrics).url!;

/** Every label value of every sample, to look for ids. */
const labelValues = (families: Map<string, PromFamily>) =>
  [...families.values()].flatMap((family) =>
    family.samples.flatMap((sample) => Object.values(sample.labels)),
  );

/** `/metrics` of each service and the gateway, on ports of their own, as Prometheus scrapes them. */
describe('metrics', () => {
  const prefix = testTopicPrefix();
  const running = {} as Record<(typeof DOMAIN_SERVICES)[number], RunningService>;
  let gateway: INestApplication;
  let origin: string;

  beforeAll(async () => {
    const port = await freePort();
    origin = `http://127.0.0.1:${port}`;
    const env = { PUBLIC_BASE_URL: origin };
    [running.enrolment, running.assessment, running.credentials] = await Promise.all([
      startTestService('enrolment', enrolmentService, { topicPrefix: prefix, env }),
      startTestService('assessment', assessmentService, { topicPrefix: prefix, env }),
      startTestService('credentials', credentialsService, { topicPrefix: prefix, env }),
    ]);
    running.recognition = await startTestService('recognition', recognitionService, {
      topicPrefix: prefix,
      env: { ...env, CREDENTIALS_URL: running.credentials.url },
    });
    ({ app: gateway } = await startTestGateway(
      Object.fromEntries(DOMAIN_SERVICES.map((name) => [name, running[name].url])),
      port,
    ));
  });

  afterAll(async () => {
    await gateway?.close();
    for (const name of [...DOMAIN_SERVICES].reverse()) await running[name]?.stop();
  });

  it('serves each service its own /metrics in the Prometheus text format, process metrics included', async () => {
    for (const name of DOMAIN_SERVICES) {
      const url = metricsUrlOf(running[name].app);
      expect(new URL(url).port).not.toBe(new URL(running[name].url).port);
      const families = await scrapeMetrics(url);
      for (const family of [
        'process_resident_memory_bytes',
        'nodejs_eventloop_lag_p99_seconds',
        'http_request_duration_seconds',
        'credit_bridge_events_consumed_total',
        'credit_bridge_consumer_lag',
        'credit_bridge_outbox_pending',
        'credit_bridge_outbox_oldest_pending_age_seconds',
      ])
        expect([name, families.has(family)]).toEqual([name, true]);
      expect(sampleValue(families, 'process_resident_memory_bytes', { service: name })).toBeGreaterThan(0);
    }
    const gatewayFamilies = await scrapeMetrics(metricsUrlOf(gateway));
    expect(gatewayFamilies.has('http_request_duration_seconds')).toBe(true);
    expect(gatewayFamilies.has('nodejs_heap_size_used_bytes')).toBe(true);
  });

  it('moves when a credential is issued and verified: issued, signing time, events consumed by topic', async () => {
    const credentialsMetrics = metricsUrlOf(running.credentials.app);
    const recognitionMetrics = metricsUrlOf(running.recognition.app);
    const before = await scrapeMetrics(credentialsMetrics);
    const recognitionBefore = await scrapeMetrics(recognitionMetrics);
    const count = (families: Map<string, PromFamily>) => ({
      issued: sampleValue(families, 'credit_bridge_credentials_issued_total', { kind: 'award' }),
      signed: sampleValue(families, 'credit_bridge_signing_duration_seconds_count', { format: 'jwt' }),
      ratified: sampleValue(families, 'credit_bridge_events_consumed_total', {
        topic: 'assessment.result.ratified.v1',
      }),
      valid: sampleValue(families, 'credit_bridge_verifications_total', { result: 'valid' }),
      verifyTimed: sampleValue(families, 'credit_bridge_verification_duration_seconds_count'),
    });
    const was = count(before);

    const uni = await setUpUniversity(running.enrolment.url, 5);
    const services = {
      enrolment: running.enrolment.url,
      assessment: running.assessment.url,
      credentials: running.credentials.url,
    };
    const { credential } = await earnCredential(services, uni, 72);
    const verified = await call(origin, 'POST', '/api/credentials/verify', {
      body: { credential: credential.jwt },
    });
    expect(verified.body.status).toBe('valid');

    const now = count(await scrapeMetrics(credentialsMetrics));
    expect(now.issued).toBe(was.issued + 1);
    expect(now.signed).toBeGreaterThan(was.signed);
    expect(now.ratified).toBeGreaterThan(was.ratified);
    expect(now.valid).toBe(was.valid + 1);
    expect(now.verifyTimed).toBe(was.verifyTimed + 1);
    // Recognition hears of the credential from its event.
    const issuedTopic = { topic: 'credentials.credential.issued.v1' };
    const heardBefore = sampleValue(recognitionBefore, 'credit_bridge_events_consumed_total', issuedTopic);
    await waitFor(
      async () =>
        sampleValue(
          await scrapeMetrics(recognitionMetrics),
          'credit_bridge_events_consumed_total',
          issuedTopic,
        ) > heardBefore,
      { what: 'recognition counting the issued credential event' },
    );
  });

  it('labels requests by route pattern, never by the ids in their URLs', async () => {
    const id = randomUUID();
    for (const path of [`/api/enrolment/offerings/${id}`, `/api/enrolment/no-such-thing/${id}`])
      await fetch(`${running.enrolment.url}${path}`);
    await fetch(`${origin}/api/credentials/credentials/${id}`);
    const enrolment = await scrapeMetrics(metricsUrlOf(running.enrolment.app));
    const routes = enrolment
      .get('http_request_duration_seconds')!
      .samples.map((sample) => sample.labels.route);
    expect(routes).toEqual(expect.arrayContaining(['/api/enrolment/offerings/:id', '(unmatched)']));
    const gatewayFamilies = await scrapeMetrics(metricsUrlOf(gateway));
    expect(
      gatewayFamilies
        .get('http_request_duration_seconds')!
        .samples.some((sample) => sample.labels.route === '/api/credentials/*'),
    ).toBe(true);
    for (const families of [enrolment, gatewayFamilies])
      expect(labelValues(families).filter((v) => UUID.test(v))).toEqual([]);
  });

  it('is not reachable through the public gateway, nor on any public port', async () => {
    const paths = ['/metrics', ...DOMAIN_SERVICES.map((name) => `/api/${name}/metrics`)];
    for (const path of paths) expect([path, (await fetch(`${origin}${path}`)).status]).toEqual([path, 404]);
    for (const name of DOMAIN_SERVICES)
      expect([name, (await fetch(`${running[name].url}/metrics`)).status]).toEqual([name, 404]);
  });
});
