import { ID_LIST_MODEL, ID_LISTS_COLLECTION, IdListSchema } from '@lib/persistence';
import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { CatalogueConsumer } from './catalogue/catalogue.consumer';
import { CatalogueRepository } from './catalogue/catalogue.repository';
import { CatalogueService } from './catalogue/catalogue.service';
import {
  ENROLMENT_FACT_MODEL,
  EnrolmentFactSchema,
  KNOWN_COURSE_MODEL,
  KNOWN_OFFERING_MODEL,
  KnownCourseSchema,
  KnownOfferingSchema,
} from './catalogue/catalogue.schema';
import { KeysBackfillRepository } from './common/keys-backfill.repository';
import { BulkMarksService } from './results/bulk-marks.service';
import { MarksService } from './results/marks.service';
import {
  RATIFICATION_MODEL,
  RatificationSchema,
  RESULT_COLLECTIONS,
  RESULT_RELEASE_MODEL,
  RESULT_VERSION_MODEL,
  ResultReleaseSchema,
  ResultVersionSchema,
} from './results/result.schema';
import { ResultsController } from './results/results.controller';
import { ResultsRepository } from './results/results.repository';
import { ResultsService } from './results/results.service';
import { SCHEME_MODEL, SchemeSchema } from './schemes/scheme.schema';
import { SchemesController } from './schemes/schemes.controller';
import { SchemesRepository } from './schemes/schemes.repository';
import { SchemesService } from './schemes/schemes.service';

/** Collections whose records carry events for the outbox relay. */
export const ASSESSMENT_OUTBOX_COLLECTIONS = [RESULT_COLLECTIONS.releases, RESULT_COLLECTIONS.ratifications];

const models = [
  { name: KNOWN_COURSE_MODEL, schema: KnownCourseSchema, collection: 'known_courses' },
  { name: KNOWN_OFFERING_MODEL, schema: KnownOfferingSchema, collection: 'known_offerings' },
  { name: ENROLMENT_FACT_MODEL, schema: EnrolmentFactSchema, collection: 'enrolment_facts' },
  { name: SCHEME_MODEL, schema: SchemeSchema, collection: 'schemes' },
  { name: RESULT_VERSION_MODEL, schema: ResultVersionSchema, collection: RESULT_COLLECTIONS.versions },
  { name: RESULT_RELEASE_MODEL, schema: ResultReleaseSchema, collection: RESULT_COLLECTIONS.releases },
  { name: RATIFICATION_MODEL, schema: RatificationSchema, collection: RESULT_COLLECTIONS.ratifications },
  { name: ID_LIST_MODEL, schema: IdListSchema, collection: ID_LISTS_COLLECTION },
];

/** Assessment schemes, marks, results, ratification and amendments. */
@Module({
  imports: [MongooseModule.forFeature(models)],
  controllers: [SchemesController, ResultsController, CatalogueConsumer],
  providers: [
    KeysBackfillRepository,
    CatalogueRepository,
    CatalogueService,
    SchemesRepository,
    SchemesService,
    ResultsRepository,
    MarksService,
    ResultsService,
    BulkMarksService,
  ],
})
export class AssessmentModule {}
