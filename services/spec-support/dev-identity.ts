import {
  freePort,
  type RunningService,
  type ServiceProcess,
  spawnService,
  startTestService,
  testIdentityProvider,
  testTopicPrefix,
} from '@lib/testing';
import type { INestApplication } from '@nestjs/common';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as client from 'openid-client';
import { enrolmentService } from '../enrolment/src/enrolment.definition';
import { startTestGateway } from './gateway';

export const WEB_CLIENT_ID = 'credit-bridge-web';

/** The development sign-in provider, built, as a process of its own, signing with this test process's key. */
export async function startTestDevIdentity(options: {
  /** Where it reads organisations and learners (the gateway). */
  enrolmentUrl: string;
  /** The web app's public origin: its redirect URIs are under `/app/`. */
  publicOrigin: string;
  /** The port, decided before the services that must trust its issuer start; a free one when left out. */
  port?: number;
}): Promise<{ provider: ServiceProcess; issuer: string }> {
  const port = options.port ?? (await freePort());
  const issuer = `http://127.0.0.1:${port}`;
  const provider = await spawnService(
    'dev-identity',
    {
      NODE_ENV: 'test',
      DEV_IDP_DIR: testIdentityProvider().directory,
      DEV_OIDC_ISSUER: issuer,
      ENROLMENT_URL: options.enrolmentUrl,
      PUBLIC_BASE_URL: options.publicOrigin,
    },
    { port, logFile: join(tmpdir(), `dev-identity-${port}.log`) },
  );
  return { provider, issuer };
}

/** The web app's side, as a relying party: openid-client configured for the public client (PKCE, no secret). */
export async function webAppClient(issuer: string): Promise<client.Configuration> {
  return client.discovery(new URL(issuer), WEB_CLIENT_ID, undefined, client.None(), {
    // The provider is plain HTTP in development and tests.
    execute: [client.allowInsecureRequests],
  });
}

export interface AuthorisationRequest {
  readonly url: string;
  readonly verifier: string;
  readonly state: string;
}

/** An authorisation request with PKCE (S256) for the API, as the web app starts a sign-in. */
export async function authorisationRequest(
  config: client.Configuration,
  redirectUri: string,
  scope = 'openid profile api',
): Promise<AuthorisationRequest> {
  const verifier = client.randomPKCECodeVerifier();
  const state = client.randomState();
  const url = client.buildAuthorizationUrl(config, {
    redirect_uri: redirectUri,
    scope,
    code_challenge: await client.calculatePKCECodeChallenge(verifier),
    code_challenge_method: 'S256',
    state,
  });
  return { url: url.toString(), verifier, state };
}

export interface SignInStack {
  readonly enrolment: RunningService;
  readonly gateway: { app: INestApplication; url: string };
  readonly provider: ServiceProcess;
  readonly issuer: string;
  /** The web app's redirect URI on the gateway (the app is not built: the spec reads the code from the URL). */
  readonly callback: string;
  stop(): Promise<void>;
}

/**
 * What a sign-in needs: the enrolment service (trusting the provider's issuer) behind a gateway, and the development
 * sign-in provider reading organisations and learners through that gateway.
 */
export async function startSignInStack(): Promise<SignInStack> {
  const port = await freePort();
  const enrolment = await startTestService('enrolment', enrolmentService, {
    topicPrefix: testTopicPrefix(),
    // One partition a topic: the shared broker's open files are finite, and these specs need no parallelism.
    env: { DEV_OIDC_ISSUER: `http://127.0.0.1:${port}`, KAFKA_TOPIC_PARTITIONS: '1' },
  });
  const gateway = await startTestGateway({ enrolment: enrolment.url });
  const { provider, issuer } = await startTestDevIdentity({
    enrolmentUrl: gateway.url,
    publicOrigin: gateway.url,
    port,
  });
  return {
    enrolment,
    gateway,
    provider,
    issuer,
    callback: `${gateway.url}/app/callback`,
    stop: async () => {
      await provider.stop();
      await gateway.app.close();
      await enrolment.stop();
    },
  };
}
