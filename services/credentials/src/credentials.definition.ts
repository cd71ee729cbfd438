import { json, raw, text } from 'express';
import { TOPICS } from '@lib/contracts';
import { loadServiceConfig, type ServiceDefinition } from '@lib/platform';
import { AppModule } from './app.module';

export const SERVICE_NAME = 'credentials';
export const DEFAULT_PORT = 3003;

/** How the credentials service starts, from `main.ts` and from the integration specs alike. */
export function credentialsService(env: NodeJS.ProcessEnv = process.env): ServiceDefinition {
  const config = loadServiceConfig(SERVICE_NAME, DEFAULT_PORT, env);
  return {
    module: AppModule.register(config),
    config,
    description:
      'Issuer profiles and signing keys, achievements, award rules, signed Open Badges 3.0 credentials, status lists and verification.',
    largeBodies: [
      // A batch of up to 1,000 credentials, as JSON or as a CSV/text file of JWTs.
      { path: '/api/credentials/verify/batch', parser: json({ limit: '8mb' }) },
      {
        path: '/api/credentials/verify/batch',
        parser: text({ type: ['text/csv', 'text/plain'], limit: '8mb' }),
      },
      // A PDF certificate uploaded for verification.
      { path: '/api/credentials/verify', parser: raw({ type: 'application/pdf', limit: '5mb' }) },
    ],
    publishes: [
      TOPICS.credentialsCredentialIssued,
      TOPICS.credentialsCredentialRevoked,
      TOPICS.credentialsCredentialSuspended,
      TOPICS.credentialsCredentialReinstated,
    ],
  };
}
