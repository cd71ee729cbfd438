import { type ServiceConfig, ServicePlatformModule } from '@lib/platform';
import { type DynamicModule, Module } from '@nestjs/common';
import { ENROLMENT_ACCESS } from './enrolment.access';
import { ENROLMENT_OUTBOX_COLLECTIONS, EnrolmentModule } from './enrolment.module';

/** The enrolment service: organisations, partner authorisations, courses, offerings, learners, enrolments and waitlists. */
@Module({})
export class AppModule {
  static register(config: ServiceConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ServicePlatformModule.forService({
          config,
          access: ENROLMENT_ACCESS,
          outboxCollections: ENROLMENT_OUTBOX_COLLECTIONS,
        }),
        EnrolmentModule,
      ],
    };
  }
}
