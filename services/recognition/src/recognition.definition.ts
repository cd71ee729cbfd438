import { TOPICS } from '@lib/contracts';
import { loadServiceEnvironment, type ServiceConfig, type ServiceDefinition } from '@lib/platform';
import { z } from 'zod';
import { AppModule } from './app.module';
import type { RecognitionSettings } from './claims/credential-verifier';

export const SERVICE_NAME = 'recognition';
export const DEFAULT_PORT = 3004;

/** Recognition's own variables, validated with the common ones in one schema. */
const recognitionVariables = {
  CREDENTIALS_URL: z
    .url()
    .default('http://127.0.0.1:3003')
    .describe('the credentials service, for its verifier'),
};

/** The common configuration and recognition's settings; a bad value stops the service, naming the variable. */
export function loadRecognitionEnvironment(env: NodeJS.ProcessEnv = process.env): {
  config: ServiceConfig;
  settings: RecognitionSettings;
} {
  const { config, own } = loadServiceEnvironment(SERVICE_NAME, DEFAULT_PORT, recognitionVariables, env);
  return { config, settings: { credentialsUrl: own.CREDENTIALS_URL.replace(/\/+$/, '') } };
}

/** How the recognition service starts, from `main.ts` and from the integration specs alike. */
export function recognitionService(env: NodeJS.ProcessEnv = process.env): ServiceDefinition {
  const { config, settings } = loadRecognitionEnvironment(env);
  return {
    module: AppModule.register(config, settings),
    config,
    description:
      'MSc programmes and modules, recognition rules, claims, exam-board decisions and the credit ledger.',
    largeBodies: [
      // Opening a claim may bring up to 50 external credentials of up to 70,000 characters each (claim.dto.ts).
      { path: '/api/recognition/claims', kind: 'json', limit: '4mb', exact: true },
    ],
    publishes: [TOPICS.recognitionCreditApproved, TOPICS.recognitionCreditWithdrawn],
  };
}
