import type { INestApplication } from '@nestjs/common';
import { connect } from 'node:net';
import { getWithLongToken } from '@lib/testing';
import { startGateway } from './gateway';
import { loadGatewayConfig } from './gateway-config';

const NOT_ANSWERING = 'http://127.0.0.1:1';

async function startOn(env: NodeJS.ProcessEnv = {}): Promise<{ app: INestApplication; url: string }> {
  const app = await startGateway(
    loadGatewayConfig({
      NODE_ENV: 'test',
      PORT: '0',
      ENROLMENT_URL: NOT_ANSWERING,
      ASSESSMENT_URL: NOT_ANSWERING,
      CREDENTIALS_URL: NOT_ANSWERING,
      RECOGNITION_URL: NOT_ANSWERING,
      ...env,
    }),
  );
  return { app, url: await app.getUrl() };
}

/** Sends bytes as they are and returns what came back before the server closed the connection. */
function rawExchange(url: string, bytes: string): Promise<string> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname, () => socket.write(bytes));
    let received = '';
    socket.on('data', (chunk: Buffer) => (received += chunk.toString()));
    socket.on('close', () => resolve(received));
    socket.on('error', reject);
  });
}

/** The headers every answer of the public origin carries, whatever produced it; HSTS only over (trusted) HTTPS. */
describe('gateway HTTP hardening', () => {
  let gateway: { app: INestApplication; url: string };
  let behindProxy: { app: INestApplication; url: string };

  beforeAll(async () => {
    gateway = await startOn();
    behindProxy = await startOn({ TRUST_PROXY: 'loopback' });
  });

  afterAll(async () => {
    await gateway?.app.close();
    await behindProxy?.app.close();
  });

  it.each([
    ['its own JSON', '/health', 200, 'application/json'],
    ['a 404 in the error shape', '/no-such-page', 404, 'application/json'],
    ['a 503 from the proxy when a service is down', '/api/enrolment/organisations', 503, 'application/json'],
    ['a static file', '/assets/verify/verify.js', 200, 'javascript'],
    ['the verification page', '/verify', 200, 'text/html'],
    ['the OpenAPI page', '/api/gateway/docs', 200, 'text/html'],
  ])('sends nosniff and no X-Powered-By with %s', async (_, path, status, type) => {
    const response = await fetch(`${gateway.url}${path}`);
    expect(response.status).toBe(status);
    expect(response.headers.get('content-type')).toContain(type);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.has('x-powered-by')).toBe(false);
  });

  it('gives HTML without a policy of its own the default CSP, and keeps the strict one of /verify', async () => {
    const docs = await fetch(`${gateway.url}/api/gateway/docs`);
    expect(docs.headers.get('content-security-policy')).toBe(
      "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'",
    );
    const verify = await fetch(`${gateway.url}/verify`);
    expect(verify.headers.get('content-security-policy')).toMatch(/^default-src 'none'; script-src 'self';/);
    const json = await fetch(`${gateway.url}/health`);
    expect(json.headers.has('content-security-policy')).toBe(false);
  });

  it('sends HSTS only when a trusted proxy says the request came over HTTPS', async () => {
    const hsts = async (url: string, proto?: string) =>
      (await fetch(`${url}/health`, { headers: proto ? { 'x-forwarded-proto': proto } : {} })).headers.get(
        'strict-transport-security',
      );
    expect(await hsts(behindProxy.url, 'https')).toBe('max-age=31536000');
    expect(await hsts(behindProxy.url, 'http')).toBeNull();
    expect(await hsts(behindProxy.url)).toBeNull();
    // Without TRUST_PROXY the client's own claim of HTTPS is not believed.
    expect(await hsts(gateway.url, 'https')).toBeNull();
  });

  it('answers a 60 kB access token with 431 in the JSON error shape', async () => {
    for (const answer of [
      await getWithLongToken(`${gateway.url}/api/enrolment/organisations`, 60_000),
      await fetch(`${gateway.url}/health`, {
        headers: { authorization: `Bearer ${'a'.repeat(60_000)}` },
      }).then(async (response) => ({
        status: response.status,
        headers: Object.fromEntries(response.headers),
        body: await response.text(),
      })),
    ]) {
      expect(answer.status).toBe(431);
      expect(answer.headers['content-type']).toBe('application/json; charset=utf-8');
      expect(answer.headers['x-content-type-options']).toBe('nosniff');
      expect(JSON.parse(answer.body)).toEqual({
        statusCode: 431,
        error: 'Request Header Fields Too Large',
        message:
          'The request headers are larger than the 16 kB the server accepts; send a shorter access token or fewer headers.',
      });
    }
    // A token below the limit still reaches the route (here the proxy, with every service down).
    expect((await getWithLongToken(`${gateway.url}/api/enrolment/organisations`, 8_000)).status).toBe(503);
  });

  it('answers a request that is not HTTP with 400 in the JSON error shape', async () => {
    const answer = await rawExchange(gateway.url, 'GET /health HTTP/1.1\r\nHost: x\r\nBad Header\r\n\r\n');
    const [head, body] = answer.split('\r\n\r\n');
    expect(head).toMatch(/^HTTP\/1\.1 400 Bad Request\r\n/);
    expect(JSON.parse(body!)).toEqual({
      statusCode: 400,
      error: 'Bad Request',
      message: 'The request is not valid HTTP.',
    });
  });
});
