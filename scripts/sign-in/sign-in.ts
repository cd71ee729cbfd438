/**
 * Signs in through the development sign-in provider as the web app would, from a terminal, until the web app exists:
 *   npm run -s sign-in [-- --issuer http://localhost:3005] [--redirect-uri http://localhost:3000/app/callback]
 * Prints an address to open in a browser (the authorisation code flow with PKCE, as the public client
 * credit-bridge-web); after signing in, paste the address the browser ends on (the app's callback with the code).
 * The access token is printed on stdout, so TOKEN=$(npm run -s sign-in) works; everything else goes to stderr.
 */
import { createInterface } from 'node:readline/promises';
import { parseArgs } from 'node:util';
import * as client from 'openid-client';

const { values } = parseArgs({
  options: {
    issuer: { type: 'string', default: process.env.DEV_OIDC_ISSUER ?? 'http://localhost:3005' },
    'redirect-uri': { type: 'string', default: 'http://localhost:3000/app/callback' },
  },
});

async function signIn(issuer: string, redirectUri: string): Promise<string> {
  const config = await client.discovery(new URL(issuer), 'credit-bridge-web', undefined, client.None(), {
    execute: [client.allowInsecureRequests],
  });
  const verifier = client.randomPKCECodeVerifier();
  const state = client.randomState();
  const url = client.buildAuthorizationUrl(config, {
    redirect_uri: redirectUri,
    scope: 'openid profile api',
    code_challenge: await client.calculatePKCECodeChallenge(verifier),
    code_challenge_method: 'S256',
    state,
  });
  console.error(`Open this address in a browser and sign in:\n\n  ${url.href}\n`);
  console.error(`Then paste the address the browser ends on (it starts with ${redirectUri}?):`);
  const prompt = createInterface({ input: process.stdin, output: process.stderr, terminal: false });
  const line: IteratorResult<string> = await prompt[Symbol.asyncIterator]().next();
  prompt.close();
  const arrived = line.done ? '' : line.value.trim();
  const tokens = await client.authorizationCodeGrant(config, new URL(arrived), {
    pkceCodeVerifier: verifier,
    expectedState: state,
  });
  const { sub, roles, org } = JSON.parse(
    Buffer.from(tokens.access_token.split('.')[1]!, 'base64url').toString('utf8'),
  ) as { sub: string; roles: string[]; org?: string };
  console.error(`Signed in: ${JSON.stringify({ sub, roles, org })}`);
  return tokens.access_token;
}

signIn(values.issuer, values['redirect-uri'])
  .then((token) => console.log(token))
  .catch((error: unknown) => {
    console.error(`sign-in failed: ${(error as Error).message}`);
    process.exitCode = 1;
  });
