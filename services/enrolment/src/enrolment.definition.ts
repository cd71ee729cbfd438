import { TOPICS } from '@lib/contracts';
import { loadServiceConfig, type ServiceDefinition } from '@lib/platform';
import { AppModule } from './app.module';

export const SERVICE_NAME = 'enrolment';
export const DEFAULT_PORT = 3001;

/** How the enrolment service starts, from `main.ts` and from the integration specs alike. */
export function enrolmentService(env: NodeJS.ProcessEnv = process.env): ServiceDefinition {
  const config = loadServiceConfig(SERVICE_NAME, DEFAULT_PORT, env);
  return {
    module: AppModule.register(config),
    config,
    description:
      'Organisations, partner authorisations, courses, offerings, learners, enrolments and waitlists.',
    publishes: [
      TOPICS.enrolmentOrganisationRegistered,
      TOPICS.enrolmentAuthorisationGranted,
      TOPICS.enrolmentAuthorisationWithdrawn,
      TOPICS.enrolmentCoursePublished,
      TOPICS.enrolmentOfferingPublished,
      TOPICS.enrolmentEnrolmentCreated,
      TOPICS.enrolmentEnrolmentWithdrawn,
      TOPICS.enrolmentWaitlistPromoted,
      TOPICS.enrolmentEnrolmentCompleted,
    ],
  };
}
