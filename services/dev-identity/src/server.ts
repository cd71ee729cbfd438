import { DevIdentityProvider } from '@lib/auth';
import { createStructuredLogger } from '@lib/platform';
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { AccountStore } from './accounts';
import { type DevIdentityConfig, SERVICE_NAME } from './dev-identity.definition';
import { EnrolmentDirectory } from './enrolment-directory';
import { SignIn } from './interaction';
import { messagePage, pageHeaders } from './page-layout';
import { createProvider } from './provider';

/** The stylesheet beside `src`, in the sources and in dist alike (the build copies it). */
const STYLESHEET = join(__dirname, '..', 'public', 'sign-in.css');
const INTERACTION = /^\/interaction\/[A-Za-z0-9_-]+$/;

export interface RunningDevIdentity {
  readonly server: Server;
  getUrl(): Promise<string>;
  close(): Promise<void>;
}

/**
 * The development sign-in provider's HTTP server: health and readiness, the sign-in pages and their stylesheet,
 * and everything else (discovery, authorisation, token, keys, logout) answered by oidc-provider.
 */
export async function startDevIdentity(config: DevIdentityConfig): Promise<RunningDevIdentity> {
  const keys = new DevIdentityProvider(config.keyDirectory);
  const accounts = new AccountStore();
  const provider = createProvider(config, keys.signingJwk(), accounts);
  const signIn = new SignIn(provider, new EnrolmentDirectory(config.enrolmentUrl, keys), accounts);
  const providerCallback = provider.callback();
  const headers = pageHeaders([
    ...config.webClient.redirectUris.map((uri) => new URL(uri).origin),
    ...config.webClient.postLogoutRedirectUris.map((uri) => new URL(uri).origin),
    // The terminal client's loopback redirect, on whichever port it listens.
    'http://127.0.0.1:*',
  ]);
  const stylesheet = readFileSync(STYLESHEET);
  const log = createStructuredLogger(SERVICE_NAME, config.logging);

  const route = async (request: IncomingMessage, response: ServerResponse) => {
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    const send = (status: number, body: string | Buffer, type = headers['content-type']!) => {
      response.writeHead(status, { ...headers, 'content-type': type }).end(body);
    };
    if (path === '/health' || path === '/ready')
      return send(200, JSON.stringify({ status: 'ok' }), 'application/json');
    // Browsers ask for an icon; there is none, and a 404 would read as a fault in their consoles.
    if (path === '/favicon.ico') return send(204, '', 'image/x-icon');
    if (path === '/assets/sign-in.css') return send(200, stylesheet, 'text/css; charset=utf-8');
    if (INTERACTION.test(path) && (request.method === 'GET' || request.method === 'POST'))
      return signIn.handle(request, response, (status, html) => send(status, html));
    // The provider's own pages (logout, errors) are under the same policy; its other answers set their own caching.
    for (const name of ['content-security-policy', 'referrer-policy', 'x-content-type-options'])
      response.setHeader(name, headers[name]!);
    return providerCallback(request, response);
  };

  const server = createServer((request, response) => {
    route(request, response).catch((error: unknown) => {
      log.error(
        { err: error },
        `${request.method} ${new URL(request.url ?? '/', 'http://localhost').pathname} failed`,
      );
      if (!response.headersSent)
        response
          .writeHead(500, headers)
          .end(messagePage('Something went wrong', ['The error is in the log.']));
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, resolve);
  });
  const { port } = server.address() as AddressInfo;
  return {
    server,
    getUrl: () => Promise.resolve(`http://${config.host}:${port}`),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
