import { type ServiceConfig, ServicePlatformModule } from '@lib/platform';
import { type DynamicModule, Module } from '@nestjs/common';
import { ASSESSMENT_ACCESS } from './assessment.access';
import { ASSESSMENT_OUTBOX_COLLECTIONS, AssessmentModule } from './assessment.module';

/** The assessment service: assessment schemes, marks, results and their ratification by the exam board. */
@Module({})
export class AppModule {
  static register(config: ServiceConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ServicePlatformModule.forService({
          config,
          access: ASSESSMENT_ACCESS,
          outboxCollections: ASSESSMENT_OUTBOX_COLLECTIONS,
        }),
        AssessmentModule,
      ],
    };
  }
}
