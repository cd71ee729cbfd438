import { type ServiceConfig, ServicePlatformModule } from '@lib/platform';
import { type DynamicModule, Module } from '@nestjs/common';

/** The enrolment service: Organisations, partner authorisations, courses, offerings, learners, enrolments and waitlists. */
@Module({})
export class AppModule {
  static register(config: ServiceConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [ServicePlatformModule.forService({ config, outboxCollections: [] })],
    };
  }
}
