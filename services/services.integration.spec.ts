import { randomUUID } from 'node:crypto';
import { startService, type ServiceDefinition } from '@lib/platform';
import { startDatabase, testIdentityProvider, testStack, waitFor } from '@lib/testing';
import type { INestApplication } from '@nestjs/common';
import { assessmentService } from './assessment/src/assessment.definition';
import { credentialsService } from './credentials/src/credentials.definition';
import { enrolmentService } from './enrolment/src/enrolment.definition';
import { startGateway } from './gateway/src/gateway';
import { loadGatewayConfig } from './gateway/src/gateway-config';
import { recognitionService } from './recognition/src/recognition.definition';

const stack = testStack();
const SERVICES: [string, (env: NodeJS.ProcessEnv) => ServiceDefinition][] = [
  ['enrolment', enrolmentService],
  ['assessment', assessmentService],
  ['credentials', credentialsService],
  ['recognition', recognitionService],
];

/** The environment a service gets in these specs: an ephemeral port, and a database and group of its own. */
function testEnv(name: string, mongoUrl = stack.mongoServerUrl): NodeJS.ProcessEnv {
  const run = randomUUID().slice(0, 8);
  return {
    NODE_ENV: 'test',
    PORT: '0',
    MONGODB_URL: mongoUrl,
    MONGODB_DATABASE: `spec_${name}_${run}`,
    KAFKA_BROKERS: stack.kafkaBrokers.join(','),
    KAFKA_GROUP_ID: `spec-${name}-${run}`,
    AUTH_JWKS_FILE: testIdentityProvider().jwksFile,
  };
}

async function get(
  url: string,
): Promise<{ status: number; body: Record<string, unknown>; headers: Headers }> {
  const response = await fetch(url, { headers: { 'x-correlation-id': 'spec-correlation-1' } });
  return {
    status: response.status,
    body: (await response.json()) as Record<string, unknown>,
    headers: response.headers,
  };
}

describe('every service against the real stack', () => {
  const apps = new Map<string, INestApplication>();
  let gateway: INestApplication;

  beforeAll(async () => {
    for (const [name, definition] of SERVICES) apps.set(name, await startService(definition(testEnv(name))));
    const upstream = async (name: string) => apps.get(name)!.getUrl();
    gateway = await startGateway(
      loadGatewayConfig({
        NODE_ENV: 'test',
        PORT: '0',
        ENROLMENT_URL: await upstream('enrolment'),
        ASSESSMENT_URL: await upstream('assessment'),
        CREDENTIALS_URL: await upstream('credentials'),
        RECOGNITION_URL: 'http://127.0.0.1:1',
      }),
    );
  });

  afterAll(async () => {
    await gateway.close();
    for (const app of apps.values()) await app.close();
  });

  it.each(SERVICES.map(([name]) => [name]))(
    '%s answers /health and /ready with its database and Kafka up',
    async (name) => {
      const url = await apps.get(name)!.getUrl();
      expect(await get(`${url}/health`)).toMatchObject({
        status: 200,
        body: { status: 'ok', service: name },
      });
      expect(await get(`${url}/ready`)).toMatchObject({
        status: 200,
        body: { status: 'ready', checks: { database: 'up', kafka: 'up' } },
      });
    },
  );

  it.each(SERVICES.map(([name]) => [name]))(
    '%s serves its OpenAPI document under /api/%s/docs',
    async (name) => {
      const url = await apps.get(name)!.getUrl();
      const docs = await get(`${url}/api/${name}/docs-json`);
      expect(docs.status).toBe(200);
      expect(docs.body.info).toMatchObject({ title: `Credit Bridge ${name}` });
    },
  );

  it('routes /api/<service>/... through the gateway, passing the correlation id on', async () => {
    const url = await gateway.getUrl();
    const docs = await get(`${url}/api/credentials/docs-json`);
    expect(docs.status).toBe(200);
    expect(docs.body.info).toMatchObject({ title: 'Credit Bridge credentials' });
    expect(docs.headers.get('x-correlation-id')).toBe('spec-correlation-1');
    expect(await get(`${url}/health`)).toMatchObject({
      status: 200,
      body: { status: 'ok', service: 'gateway' },
    });
  });

  it('answers 503 with Retry-After in the error shape, and /ready 503, when a service behind the gateway is down', async () => {
    const url = await gateway.getUrl();
    const answer = await get(`${url}/api/recognition/docs-json`);
    expect(answer).toMatchObject({
      status: 503,
      body: {
        statusCode: 503,
        error: 'Service Unavailable',
        message: 'The recognition service is not answering; try again in 5 seconds.',
        retryAfterSeconds: 5,
      },
    });
    expect(answer.headers.get('retry-after')).toBe('5');
    expect(await get(`${url}/ready`)).toMatchObject({
      status: 503,
      body: {
        status: 'not-ready',
        checks: { enrolment: 'up', assessment: 'up', credentials: 'up', recognition: 'down' },
      },
    });
  });

  it('answers 404 in the error shape for an unknown route', async () => {
    const url = await apps.get('enrolment')!.getUrl();
    expect(await get(`${url}/api/enrolment/no-such-thing`)).toEqual(
      expect.objectContaining({
        status: 404,
        body: { statusCode: 404, error: 'Not Found', message: 'Cannot GET /api/enrolment/no-such-thing' },
      }),
    );
  });
});

describe('readiness when the database stops', () => {
  it('turns /ready from 200 to 503 for every service, naming the database', async () => {
    const database = await startDatabase(stack.databaseLauncher);
    const started: INestApplication[] = [];
    try {
      for (const [name, definition] of SERVICES)
        started.push(await startService(definition(testEnv(name, database.url))));
      for (const app of started) expect((await get(`${await app.getUrl()}/ready`)).status).toBe(200);

      await database.stop();
      for (const app of started) {
        const url = await app.getUrl();
        const ready = await waitFor(
          async () => {
            const answer = await get(`${url}/ready`);
            return answer.status === 503 ? answer : undefined;
          },
          { what: `${url}/ready to fail` },
        );
        expect(ready.body).toMatchObject({ status: 'not-ready', checks: { database: 'down', kafka: 'up' } });
      }
    } finally {
      await database.remove();
      for (const app of started) await app.close();
    }
  });
});
