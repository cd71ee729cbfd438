import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import {
  AUTHORISATION_MODEL,
  AUTHORISATION_WITHDRAWAL_MODEL,
  AUTHORISATION_WITHDRAWALS_COLLECTION,
  AUTHORISATIONS_COLLECTION,
  AuthorisationSchema,
  AuthorisationWithdrawalSchema,
  PARTNER_AUTHORISATION_IDS_COLLECTION,
  PARTNER_AUTHORISATION_IDS_MODEL,
  PartnerAuthorisationIdsSchema,
} from './authorisations/authorisation.schema';
import { AuthorisationsController } from './authorisations/authorisations.controller';
import { AuthorisationsRepository } from './authorisations/authorisations.repository';
import { AuthorisationsService } from './authorisations/authorisations.service';
import { IdListsBackfillRepository } from './common/id-lists-backfill.repository';
import { COURSE_MODEL, COURSES_COLLECTION, CourseSchema } from './courses/course.schema';
import { CoursesController } from './courses/courses.controller';
import { CoursesRepository } from './courses/courses.repository';
import { CoursesService } from './courses/courses.service';
import { BulkCompletionService } from './enrolments/bulk-completion.service';
import { BulkEnrolmentService } from './enrolments/bulk-enrolment.service';
import {
  ENROLMENT_COLLECTIONS,
  ENROLMENT_COMPLETION_MODEL,
  ENROLMENT_MODEL,
  ENROLMENT_WITHDRAWAL_MODEL,
  LEARNER_ENROLMENT_IDS_MODEL,
  OFFERING_ENROLMENT_IDS_MODEL,
  EnrolmentCompletionSchema,
  EnrolmentIdsSchema,
  EnrolmentSchema,
  EnrolmentWithdrawalSchema,
  SEAT_CLAIM_MODEL,
  SeatClaimSchema,
  WAITLIST_ENTRY_MODEL,
  WaitlistEntrySchema,
} from './enrolments/enrolment.schema';
import { EnrolmentsController } from './enrolments/enrolments.controller';
import { EnrolmentsRepository } from './enrolments/enrolments.repository';
import { EnrolmentsService } from './enrolments/enrolments.service';
import { OwnEnrolmentsService } from './enrolments/own-enrolments.service';
import { PlacementIntentsRepository } from './enrolments/placement-intents.repository';
import { PlacementSweeper } from './enrolments/placement-sweeper';
import { SeatAllocator } from './enrolments/seat-allocator';
import { LEARNER_MODEL, LEARNERS_COLLECTION, LearnerSchema } from './learners/learner.schema';
import { LearnerAccessService } from './learners/learner-access.service';
import { LearnersController } from './learners/learners.controller';
import { LearnersRepository } from './learners/learners.repository';
import { LearnersService } from './learners/learners.service';
import {
  ORGANISATION_LEARNER_MODEL,
  ORGANISATION_LEARNERS_COLLECTION,
  OrganisationLearnerSchema,
} from './learners/organisation-learner.schema';
import { OrganisationLearnersRepository } from './learners/organisation-learners.repository';
import {
  OFFERING_MODEL,
  OFFERING_STATUS_COLLECTION,
  OFFERING_STATUS_MODEL,
  OFFERINGS_COLLECTION,
  OfferingSchema,
  OfferingStatusChangeSchema,
} from './offerings/offering.schema';
import { OfferingsController } from './offerings/offerings.controller';
import { OfferingsRepository } from './offerings/offerings.repository';
import { OfferingsService } from './offerings/offerings.service';
import {
  ORGANISATION_MODEL,
  ORGANISATIONS_COLLECTION,
  OrganisationSchema,
} from './organisations/organisation.schema';
import { OrganisationsController } from './organisations/organisations.controller';
import { OrganisationsRepository } from './organisations/organisations.repository';
import { OrganisationsService } from './organisations/organisations.service';

/** Collections whose records carry events for the outbox relay. */
export const ENROLMENT_OUTBOX_COLLECTIONS = [
  ORGANISATIONS_COLLECTION,
  AUTHORISATIONS_COLLECTION,
  AUTHORISATION_WITHDRAWALS_COLLECTION,
  COURSES_COLLECTION,
  OFFERING_STATUS_COLLECTION,
  ENROLMENT_COLLECTIONS.seatClaims,
  ENROLMENT_COLLECTIONS.waitlistEntries,
  ENROLMENT_COLLECTIONS.withdrawals,
  ENROLMENT_COLLECTIONS.completions,
];

const models = [
  { name: ORGANISATION_MODEL, schema: OrganisationSchema, collection: ORGANISATIONS_COLLECTION },
  { name: AUTHORISATION_MODEL, schema: AuthorisationSchema, collection: AUTHORISATIONS_COLLECTION },
  {
    name: AUTHORISATION_WITHDRAWAL_MODEL,
    schema: AuthorisationWithdrawalSchema,
    collection: AUTHORISATION_WITHDRAWALS_COLLECTION,
  },
  {
    name: PARTNER_AUTHORISATION_IDS_MODEL,
    schema: PartnerAuthorisationIdsSchema,
    collection: PARTNER_AUTHORISATION_IDS_COLLECTION,
  },
  { name: COURSE_MODEL, schema: CourseSchema, collection: COURSES_COLLECTION },
  { name: OFFERING_MODEL, schema: OfferingSchema, collection: OFFERINGS_COLLECTION },
  { name: OFFERING_STATUS_MODEL, schema: OfferingStatusChangeSchema, collection: OFFERING_STATUS_COLLECTION },
  { name: LEARNER_MODEL, schema: LearnerSchema, collection: LEARNERS_COLLECTION },
  {
    name: ORGANISATION_LEARNER_MODEL,
    schema: OrganisationLearnerSchema,
    collection: ORGANISATION_LEARNERS_COLLECTION,
  },
  { name: ENROLMENT_MODEL, schema: EnrolmentSchema, collection: ENROLMENT_COLLECTIONS.enrolments },
  { name: SEAT_CLAIM_MODEL, schema: SeatClaimSchema, collection: ENROLMENT_COLLECTIONS.seatClaims },
  {
    name: WAITLIST_ENTRY_MODEL,
    schema: WaitlistEntrySchema,
    collection: ENROLMENT_COLLECTIONS.waitlistEntries,
  },
  {
    name: ENROLMENT_WITHDRAWAL_MODEL,
    schema: EnrolmentWithdrawalSchema,
    collection: ENROLMENT_COLLECTIONS.withdrawals,
  },
  {
    name: ENROLMENT_COMPLETION_MODEL,
    schema: EnrolmentCompletionSchema,
    collection: ENROLMENT_COLLECTIONS.completions,
  },
  {
    name: OFFERING_ENROLMENT_IDS_MODEL,
    schema: EnrolmentIdsSchema,
    collection: ENROLMENT_COLLECTIONS.offeringEnrolmentIds,
  },
  {
    name: LEARNER_ENROLMENT_IDS_MODEL,
    schema: EnrolmentIdsSchema,
    collection: ENROLMENT_COLLECTIONS.learnerEnrolmentIds,
  },
];

/** Organisations, partner authorisations, courses, offerings, learners and enrolments. */
@Module({
  imports: [MongooseModule.forFeature(models)],
  controllers: [
    OrganisationsController,
    CoursesController,
    AuthorisationsController,
    OfferingsController,
    LearnersController,
    EnrolmentsController,
  ],
  providers: [
    IdListsBackfillRepository,
    OrganisationsRepository,
    OrganisationsService,
    CoursesRepository,
    CoursesService,
    AuthorisationsRepository,
    AuthorisationsService,
    OfferingsRepository,
    OfferingsService,
    LearnersRepository,
    OrganisationLearnersRepository,
    LearnersService,
    LearnerAccessService,
    EnrolmentsRepository,
    EnrolmentsService,
    OwnEnrolmentsService,
    SeatAllocator,
    PlacementIntentsRepository,
    PlacementSweeper,
    BulkEnrolmentService,
    BulkCompletionService,
  ],
})
export class EnrolmentModule {}
