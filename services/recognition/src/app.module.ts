import { type ServiceConfig, ServicePlatformModule } from '@lib/platform';
import { type DynamicModule, Module } from '@nestjs/common';

/** The recognition service: MSc programmes and modules, recognition rules, claims, exam-board decisions and the credit ledger. */
@Module({})
export class AppModule {
  static register(config: ServiceConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [ServicePlatformModule.forService({ config, outboxCollections: [] })],
    };
  }
}
