import { type ServiceConfig, SERVICE_CONFIG } from '@lib/platform';
import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { ISSUER_MODEL, IssuerSchema, SIGNING_KEY_MODEL, SigningKeySchema } from './issuers/issuer.schema';
import { IssuersController } from './issuers/issuers.controller';
import { IssuersRepository } from './issuers/issuers.repository';
import { IssuersService } from './issuers/issuers.service';
import { KEY_ENCRYPTER, loadKeyEncrypter } from './issuers/key-encrypter.provider';
import { OrganisationsConsumer } from './issuers/organisations.consumer';

const models = [
  { name: ISSUER_MODEL, schema: IssuerSchema, collection: 'issuers' },
  { name: SIGNING_KEY_MODEL, schema: SigningKeySchema, collection: 'signing_keys' },
];

/** Issuer profiles and signing keys (credential issuing, status lists and verification build on these). */
@Module({
  imports: [MongooseModule.forFeature(models)],
  controllers: [IssuersController, OrganisationsConsumer],
  providers: [
    IssuersRepository,
    IssuersService,
    {
      provide: KEY_ENCRYPTER,
      inject: [SERVICE_CONFIG],
      useFactory: (config: ServiceConfig) => loadKeyEncrypter(config),
    },
  ],
})
export class CredentialsModule {}
