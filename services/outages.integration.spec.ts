import { randomUUID } from 'node:crypto';
import {
  bearer,
  call,
  type DatabaseProcess,
  type RunningService,
  startDatabase,
  startTestService,
  testStack,
  testTopicPrefix,
  waitFor,
} from '@lib/testing';
import type { INestApplication } from '@nestjs/common';
import { MongoClient } from 'mongodb';
import { enrolmentService } from './enrolment/src/enrolment.definition';
import { startGateway } from './gateway/src/gateway';
import { loadGatewayConfig } from './gateway/src/gateway-config';
import { courseBody, ok } from './spec-support/university';

/** An answer with the one header these specs look at. */
async function request(
  baseUrl: string,
  method: 'GET' | 'POST',
  path: string,
  headers: Record<string, string>,
  body?: unknown,
): Promise<{ status: number; retryAfter: string | null; body: unknown }> {
  const response = await fetch(`${baseUrl}${path}`, {
    method,
    headers: { ...headers, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return {
    status: response.status,
    retryAfter: response.headers.get('retry-after'),
    body: await response.json(),
  };
}

const unavailable = (message: string) => ({
  status: 503,
  retryAfter: '5',
  body: { statusCode: 503, error: 'Service Unavailable', message, retryAfterSeconds: 5 },
});

/** Nothing listens on port 1: the services routed there are as good as not running. */
const NOT_RUNNING = 'http://127.0.0.1:1';
const DATABASE_AWAY = 'The service cannot reach its database at the moment; try again in 5 seconds.';

describe('HTTP while the database or a service is away', () => {
  let database: DatabaseProcess;
  let enrolment: RunningService;
  let gateway: INestApplication;

  beforeAll(async () => {
    database = await startDatabase(testStack().databaseLauncher);
    enrolment = await startTestService('enrolment', enrolmentService, {
      mongoServerUrl: database.url,
      topicPrefix: testTopicPrefix(),
    });
    gateway = await startGateway(
      loadGatewayConfig({
        NODE_ENV: 'test',
        PORT: '0',
        ENROLMENT_URL: enrolment.url,
        ASSESSMENT_URL: NOT_RUNNING,
        CREDENTIALS_URL: NOT_RUNNING,
        RECOGNITION_URL: NOT_RUNNING,
      }),
    );
  });

  afterAll(async () => {
    await gateway?.close();
    await enrolment?.stop();
    await database?.remove();
  });

  it('answers a read and a write 503 with Retry-After, directly and through the gateway, and writes nothing', async () => {
    const awardingBody = await ok(
      call(enrolment.url, 'POST', '/api/enrolment/organisations', {
        headers: bearer('admin'),
        body: { kind: 'awarding-body', name: `University ${randomUUID().slice(0, 8)}` },
      }),
    );
    const registrar = bearer('registrar', { org: awardingBody.id });
    const before = courseBody();
    const published = await ok(
      call(enrolment.url, 'POST', '/api/enrolment/courses', { headers: registrar, body: before }),
    );
    const read = `/api/enrolment/courses/${published.id}`;
    expect(await request(enrolment.url, 'GET', read, registrar)).toMatchObject({ status: 200 });

    await database.stop();
    const during = courseBody();
    expect(await request(enrolment.url, 'GET', read, registrar)).toEqual(unavailable(DATABASE_AWAY));
    expect(await request(enrolment.url, 'POST', '/api/enrolment/courses', registrar, during)).toEqual(
      unavailable(DATABASE_AWAY),
    );
    const gatewayUrl = await gateway.getUrl();
    expect(await request(gatewayUrl, 'GET', read, registrar)).toEqual(unavailable(DATABASE_AWAY));

    await database.start();
    const client = new MongoClient(database.url);
    try {
      const codes = await client
        .db(enrolment.database)
        .collection('courses')
        .find({}, { projection: { code: 1 } })
        .toArray();
      expect(codes.map((course) => course['code'])).toEqual([before.code]);
    } finally {
      await client.close();
    }
    // Once the service has its database again it answers as before, and no write it refused turns up late.
    const list = await waitFor(
      async () => {
        const answer = await call(enrolment.url, 'GET', '/api/enrolment/courses', { headers: registrar });
        return answer.status === 200 ? answer.body : undefined;
      },
      { what: 'the enrolment service to read its courses again' },
    );
    expect(list.items.map((course: { code: string }) => course.code)).toEqual([before.code]);
  }, 120000);

  it('answers 503 with Retry-After through the gateway for a service that is not running', async () => {
    const gatewayUrl = await gateway.getUrl();
    expect(
      await request(gatewayUrl, 'GET', '/api/assessment/assessments', bearer('assessor', { org: 'o1' })),
    ).toEqual(unavailable('The assessment service is not answering; try again in 5 seconds.'));
    expect(
      await request(gatewayUrl, 'POST', '/api/credentials/credentials', bearer('admin'), { x: 1 }),
    ).toEqual(unavailable('The credentials service is not answering; try again in 5 seconds.'));
  });
});
