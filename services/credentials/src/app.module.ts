import { type ServiceConfig, ServicePlatformModule } from '@lib/platform';
import { type DynamicModule, Module } from '@nestjs/common';
import { CredentialsModule } from './credentials.module';

/** The credentials service: issuer profiles and signing keys so far; issuing, status lists and verification follow. */
@Module({})
export class AppModule {
  static register(config: ServiceConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [ServicePlatformModule.forService({ config, outboxCollections: [] }), CredentialsModule],
    };
  }
}
