import { type ServiceConfig, ServicePlatformModule } from '@lib/platform';
import { type DynamicModule, Module } from '@nestjs/common';

/** The credentials service: Issuer profiles and signing keys, achievements, award rules, signed Open Badges 3.0 credentials, status lists and verification. */
@Module({})
export class AppModule {
  static register(config: ServiceConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [ServicePlatformModule.forService({ config, outboxCollections: [] })],
    };
  }
}
