import { randomUUID } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import {
  call,
  type RunningService,
  startTestService,
  testIdentityProvider,
  testTopicPrefix,
} from '@lib/testing';
import type { INestApplication } from '@nestjs/common';
import { enrolmentService } from './enrolment/src/enrolment.definition';
import { startTestGateway } from './spec-support/gateway';

/** The audience this spec's service is configured to expect, instead of the default `credit-bridge`. */
const AUDIENCE = 'https://credits.example.ac.uk';
const ORGANISATIONS = '/api/enrolment/organisations';
const now = () => Math.floor(Date.now() / 1000);
const adminClaims = (extra: Record<string, unknown> = {}) => ({
  iss: 'credit-bridge-dev-idp',
  aud: AUDIENCE,
  sub: randomUUID(),
  roles: ['admin'],
  iat: now(),
  exp: now() + 600,
  ...extra,
});
const bearerOf = (token: string) => ({ authorization: `Bearer ${token}` });
const signed = (extra: Record<string, unknown>) => bearerOf(testIdentityProvider().sign(adminClaims(extra)));

/** A GET with a header of `size` characters, through node:http as curl would send it. */
function getWithLongToken(
  url: string,
  size: number,
): Promise<{ status: number; type?: string; body: string }> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(`${url}${ORGANISATIONS}`, {
      headers: { authorization: `Bearer ${'x'.repeat(size)}` },
    });
    request.on('response', (response) => {
      let body = '';
      response.on('data', (chunk: Buffer) => (body += chunk.toString()));
      response.on('end', () =>
        resolve({ status: response.statusCode!, type: response.headers['content-type'], body }),
      );
    });
    request.on('error', reject);
    request.end();
  });
}

/** Access tokens on the real stack: only tokens that expire soon enough, are valid now and are meant for us pass. */
describe('access tokens', () => {
  let enrolment: RunningService;
  let gateway: INestApplication;
  const origins: [string, () => string][] = [];

  beforeAll(async () => {
    enrolment = await startTestService('enrolment', enrolmentService, {
      topicPrefix: testTopicPrefix(),
      env: { AUTH_AUDIENCE: AUDIENCE },
    });
    let gatewayUrl = '';
    ({ app: gateway, url: gatewayUrl } = await startTestGateway({ enrolment: enrolment.url }));
    origins.push(['the service', () => enrolment.url], ['the gateway', () => gatewayUrl]);
  });

  afterAll(async () => {
    await gateway?.close();
    await enrolment?.stop();
  });

  it('accepts a token for this audience that lives at most an hour, directly and through the gateway', async () => {
    const minted = bearerOf(testIdentityProvider().mint({ roles: ['admin'], audience: AUDIENCE }));
    for (const [, url] of origins) {
      expect((await call(url(), 'GET', ORGANISATIONS, { headers: minted })).status).toBe(200);
      expect((await call(url(), 'GET', ORGANISATIONS, { headers: signed({}) })).status).toBe(200);
      expect((await call(url(), 'GET', ORGANISATIONS, { headers: signed({ iat: undefined }) })).status).toBe(
        200,
      );
    }
  });

  it.each<[string, () => { authorization: string }, string | RegExp]>([
    [
      'has no exp',
      () => signed({ exp: undefined }),
      'the token has no expiry time (exp); tokens that never expire are not accepted',
    ],
    [
      'lives longer than an hour',
      () => signed({ exp: now() + 3601 }),
      /the token lives 3601 s \(exp - iat\), longer than the 3600 s accepted/,
    ],
    [
      'has no iat and a day to run',
      () => signed({ iat: undefined, exp: now() + 86400 }),
      /the token has no iat and expires in \d+ s, later than the 3600 s accepted/,
    ],
    ['is not valid yet (nbf)', () => signed({ nbf: now() + 300 }), /the token is not valid before 20\d\d-/],
    [
      'was issued in the future (iat)',
      () => signed({ iat: now() + 300, exp: now() + 900 }),
      /in the future; check the identity provider's clock/,
    ],
    ['has expired', () => signed({ iat: now() - 900, exp: now() - 300 }), /the token expired at 20\d\d-/],
    [
      'is for the default audience, not the configured one',
      () => signed({ aud: 'credit-bridge' }),
      `jwt audience invalid. expected: ${AUDIENCE}`,
    ],
    ['has no audience', () => signed({ aud: undefined }), `jwt audience invalid. expected: ${AUDIENCE}`],
  ])(
    'refuses a token that %s with 401 in the error shape, and stores nothing',
    async (_, headers, reason) => {
      for (const [where, url] of origins) {
        const name = `Refused University ${randomUUID()}`;
        const answer = await call(url(), 'POST', ORGANISATIONS, {
          headers: headers(),
          body: { kind: 'awarding-body', name },
        });
        expect({ where, ...answer }).toEqual({
          where,
          status: 401,
          body: { statusCode: 401, error: 'Unauthorized', message: expect.any(String) },
        });
        expect(answer.body.message).toMatch(/^The access token was refused: .+\.$/);
        if (typeof reason === 'string') expect(answer.body.message).toContain(reason);
        else expect(answer.body.message).toMatch(reason);
        const listed = await call(url(), 'GET', `${ORGANISATIONS}?pageSize=200`, { headers: signed({}) });
        expect(listed.body.items.map((organisation: { name: string }) => organisation.name)).not.toContain(
          name,
        );
      }
    },
  );

  it('answers a 60 kB access token with 431 in the JSON error shape, directly and through the gateway', async () => {
    for (const [where, url] of origins) {
      const answer = await getWithLongToken(url(), 60_000);
      expect({ where, status: answer.status, type: answer.type }).toEqual({
        where,
        status: 431,
        type: 'application/json; charset=utf-8',
      });
      expect(JSON.parse(answer.body)).toEqual({
        statusCode: 431,
        error: 'Request Header Fields Too Large',
        message: expect.stringMatching(/^The request headers are larger than the 16 kB the server accepts/),
      });
    }
  });
});
