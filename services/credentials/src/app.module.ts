import { type ServiceConfig, ServicePlatformModule } from '@lib/platform';
import { type DynamicModule, Module } from '@nestjs/common';
import { CREDENTIALS_ACCESS } from './credentials.access';
import type { CredentialsSettings } from './credentials-settings';
import { CREDENTIALS_OUTBOX_COLLECTIONS, CredentialsModule } from './credentials.module';

/** The credentials service: issuers and keys, achievements and issuing; status lists, downloads and verification follow. */
@Module({})
export class AppModule {
  static register(config: ServiceConfig, settings: CredentialsSettings): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ServicePlatformModule.forService({
          config,
          access: CREDENTIALS_ACCESS,
          outboxCollections: CREDENTIALS_OUTBOX_COLLECTIONS,
        }),
        CredentialsModule.register(settings),
      ],
    };
  }
}
