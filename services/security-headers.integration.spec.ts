import { DEFAULT_HTML_CSP } from '@lib/platform';
import { getWithLongToken, type RunningService, startTestService, testTopicPrefix } from '@lib/testing';
import type { INestApplication } from '@nestjs/common';
import { assessmentService } from './assessment/src/assessment.definition';
import { credentialsService } from './credentials/src/credentials.definition';
import { enrolmentService } from './enrolment/src/enrolment.definition';
import { recognitionService } from './recognition/src/recognition.definition';
import { startTestGateway } from './spec-support/gateway';

type Service = 'enrolment' | 'assessment' | 'credentials' | 'recognition';

/** Routes of each service that need a token: a GET, and a POST that takes a JSON body. */
const PROTECTED: Record<Service, { get: string; post: string }> = {
  enrolment: { get: '/api/enrolment/organisations', post: '/api/enrolment/organisations' },
  assessment: { get: '/api/assessment/learners/me/results', post: '/api/assessment/schemes' },
  credentials: { get: '/api/credentials/achievements', post: '/api/credentials/achievements' },
  recognition: { get: '/api/recognition/programmes', post: '/api/recognition/programmes' },
};

/** Answers of every kind a service gives: its own JSON, the guard's 401, the router's 404, body-parser's 400, HTML. */
const answers = (service: Service): [string, string, RequestInit, number, string][] => [
  ['health', '/health', {}, 200, 'application/json'],
  ['no token', PROTECTED[service].get, {}, 401, 'application/json'],
  ['unknown route', `/api/${service}/no-such-thing`, {}, 404, 'application/json'],
  [
    'unreadable JSON',
    PROTECTED[service].post,
    { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"name":' },
    400,
    'application/json',
  ],
  ['OpenAPI page', `/api/${service}/docs`, {}, 200, 'text/html'],
];

/** Every service and the gateway, on the real stack: the same security headers on every kind of answer. */
describe('security headers', () => {
  const prefix = testTopicPrefix();
  const services = new Map<Service, RunningService>();
  let gateway: INestApplication;
  let gatewayUrl: string;

  beforeAll(async () => {
    services.set('enrolment', await startTestService('enrolment', enrolmentService, { topicPrefix: prefix }));
    services.set(
      'assessment',
      await startTestService('assessment', assessmentService, { topicPrefix: prefix }),
    );
    services.set(
      'credentials',
      await startTestService('credentials', credentialsService, { topicPrefix: prefix }),
    );
    services.set(
      'recognition',
      await startTestService('recognition', recognitionService, { topicPrefix: prefix }),
    );
    ({ app: gateway, url: gatewayUrl } = await startTestGateway(
      Object.fromEntries([...services].map(([name, service]) => [name, service.url])),
    ));
  }, 120000);

  afterAll(async () => {
    await gateway?.close();
    for (const service of services.values()) await service.stop();
  });

  const everyService: Service[] = ['enrolment', 'assessment', 'credentials', 'recognition'];

  it.each(everyService.map((service) => [service]))(
    '%s sends nosniff and no X-Powered-By with every kind of answer, directly and through the gateway',
    async (service) => {
      for (const [origin, base] of [
        ['directly', services.get(service)!.url],
        ['through the gateway', gatewayUrl],
      ]) {
        for (const [kind, path, init, status, type] of answers(service)) {
          const response = await fetch(`${base}${path}`, init);
          const seen = {
            origin,
            kind,
            status: response.status,
            type: response.headers.get('content-type')?.split(';')[0],
            nosniff: response.headers.get('x-content-type-options'),
            poweredBy: response.headers.get('x-powered-by'),
            csp: response.headers.get('content-security-policy'),
          };
          expect(seen).toEqual({
            origin,
            kind,
            status,
            type,
            nosniff: 'nosniff',
            poweredBy: null,
            csp: type === 'text/html' ? DEFAULT_HTML_CSP : null,
          });
        }
      }
    },
  );

  it.each(everyService.map((service) => [service]))(
    '%s answers a 60 kB access token with 431 in the JSON error shape',
    async (service) => {
      const answer = await getWithLongToken(`${services.get(service)!.url}${PROTECTED[service].get}`, 60_000);
      expect(answer.status).toBe(431);
      expect(answer.headers['content-type']).toBe('application/json; charset=utf-8');
      expect(answer.headers['x-content-type-options']).toBe('nosniff');
      expect(JSON.parse(answer.body)).toMatchObject({
        statusCode: 431,
        error: 'Request Header Fields Too Large',
      });
    },
  );

  it('keeps the strict policy of the verification page and sends no HSTS over plain HTTP', async () => {
    const page = await fetch(`${gatewayUrl}/verify`, { headers: { 'x-forwarded-proto': 'https' } });
    expect(page.headers.get('content-security-policy')).toMatch(/^default-src 'none';/);
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    expect(page.headers.has('strict-transport-security')).toBe(false);
    expect(page.headers.has('x-powered-by')).toBe(false);
  });
});
