import { TOPICS } from '@lib/contracts';
import { loadServiceConfig, type ServiceDefinition } from '@lib/platform';
import { AppModule } from './app.module';
import { loadRecognitionSettings } from './claims/credential-verifier';

export const SERVICE_NAME = 'recognition';
export const DEFAULT_PORT = 3004;

/** How the recognition service starts, from `main.ts` and from the integration specs alike. */
export function recognitionService(env: NodeJS.ProcessEnv = process.env): ServiceDefinition {
  const config = loadServiceConfig(SERVICE_NAME, DEFAULT_PORT, env);
  return {
    module: AppModule.register(config, loadRecognitionSettings(env)),
    config,
    description:
      'MSc programmes and modules, recognition rules, claims, exam-board decisions and the credit ledger.',
    publishes: [TOPICS.recognitionCreditApproved, TOPICS.recognitionCreditWithdrawn],
  };
}
