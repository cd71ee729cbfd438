/**
 * Signs in through the development sign-in provider from a terminal, for a token to call the API with:
 *   npm run -s sign-in [-- --issuer http://localhost:3005]
 * A native client (RFC 8252): it listens on a loopback port, prints an address to open in a browser (the
 * authorisation code flow with PKCE), receives the browser back after the sign-in and exchanges the code. The access
 * token is printed on stdout, so TOKEN=$(npm run -s sign-in) works; everything else goes to stderr.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parseArgs } from 'node:util';
import * as client from 'openid-client';

const CLIENT_ID = 'credit-bridge-terminal';
const WAIT_MS = 10 * 60 * 1000;

const { values } = parseArgs({
  options: { issuer: { type: 'string', default: process.env.DEV_OIDC_ISSUER ?? 'http://localhost:3005' } },
});

/** The first request to /callback: the browser back from the provider. */
function callbackOf(server: Server, base: string): Promise<URL> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('no sign-in within ten minutes')), WAIT_MS);
    server.on('request', (request, response) => {
      const url = new URL(request.url ?? '/', base);
      if (url.pathname !== '/callback') return void response.writeHead(404).end();
      response
        .writeHead(200, { 'content-type': 'text/plain; charset=utf-8' })
        .end('Signed in: the token is in your terminal. You can close this page.\n');
      clearTimeout(timer);
      resolve(url);
    });
  });
}

async function signIn(issuer: string): Promise<string> {
  const config = await client.discovery(new URL(issuer), CLIENT_ID, undefined, client.None(), {
    execute: [client.allowInsecureRequests],
  });
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  try {
    const verifier = client.randomPKCECodeVerifier();
    const state = client.randomState();
    const url = client.buildAuthorizationUrl(config, {
      redirect_uri: `${base}/callback`,
      scope: 'openid profile',
      code_challenge: await client.calculatePKCECodeChallenge(verifier),
      code_challenge_method: 'S256',
      state,
    });
    console.error(`Open this address in a browser and sign in:\n\n  ${url.href}\n`);
    const arrived = await callbackOf(server, base);
    const tokens = await client.authorizationCodeGrant(config, arrived, {
      pkceCodeVerifier: verifier,
      expectedState: state,
    });
    const { sub, roles, org } = JSON.parse(
      Buffer.from(tokens.access_token.split('.')[1]!, 'base64url').toString('utf8'),
    ) as { sub: string; roles: string[]; org?: string };
    console.error(`Signed in: ${JSON.stringify({ sub, roles, org })}`);
    return tokens.access_token;
  } finally {
    server.close();
  }
}

signIn(values.issuer)
  .then((token) => console.log(token))
  .catch((error: unknown) => {
    console.error(`sign-in failed: ${(error as Error).message}`);
    process.exitCode = 1;
  });
