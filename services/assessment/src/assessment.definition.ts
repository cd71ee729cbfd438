import { TOPICS } from '@lib/contracts';
import { loadServiceConfig, type ServiceDefinition } from '@lib/platform';
import { AppModule } from './app.module';

export const SERVICE_NAME = 'assessment';
export const DEFAULT_PORT = 3002;

/** How the assessment service starts, from `main.ts` and from the integration specs alike. */
export function assessmentService(env: NodeJS.ProcessEnv = process.env): ServiceDefinition {
  const config = loadServiceConfig(SERVICE_NAME, DEFAULT_PORT, env);
  return {
    module: AppModule.register(config),
    config,
    description: 'Assessment schemes, marks, results and their ratification by the exam board.',
    publishes: [
      TOPICS.assessmentResultRecorded,
      TOPICS.assessmentResultRatified,
      TOPICS.assessmentResultAmended,
    ],
  };
}
