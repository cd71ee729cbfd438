import { type ServiceConfig, ServicePlatformModule } from '@lib/platform';
import { type DynamicModule, Module } from '@nestjs/common';
import { RECOGNITION_ACCESS } from './recognition.access';
import type { RecognitionSettings } from './claims/credential-verifier';
import { RECOGNITION_OUTBOX_COLLECTIONS, RecognitionModule } from './recognition.module';

/** The recognition service: MSc programmes and modules, recognition rules, claims, exam-board decisions and the credit ledger. */
@Module({})
export class AppModule {
  static register(config: ServiceConfig, settings: RecognitionSettings): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ServicePlatformModule.forService({
          config,
          access: RECOGNITION_ACCESS,
          outboxCollections: RECOGNITION_OUTBOX_COLLECTIONS,
        }),
        RecognitionModule.register(settings),
      ],
    };
  }
}
