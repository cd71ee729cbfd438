import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { ORGANISATION_MODEL, ORGANISATIONS_COLLECTION, OrganisationSchema } from './organisation.schema';
import { OrganisationsController } from './organisations.controller';
import { OrganisationsRepository } from './organisations.repository';
import { OrganisationsService } from './organisations.service';

@Module({
  imports: [
    MongooseModule.forFeature([
      { name: ORGANISATION_MODEL, schema: OrganisationSchema, collection: ORGANISATIONS_COLLECTION },
    ]),
  ],
  controllers: [OrganisationsController],
  providers: [OrganisationsRepository, OrganisationsService],
  exports: [OrganisationsService],
})
export class OrganisationsModule {}
