import type { EnrolmentsRepository } from '../enrolments/enrolments.repository';
import { EnrolmentsService } from '../enrolments/enrolments.service';
import { BulkCompletionService } from '../enrolments/bulk-completion.service';
import { BulkEnrolmentService } from '../enrolments/bulk-enrolment.service';
import { SeatAllocator } from '../enrolments/seat-allocator';
import { LearnerAccessService } from '../learners/learner-access.service';
import type { LearnersRepository } from '../learners/learners.repository';
import type { OrganisationLearnersRepository } from '../learners/organisation-learners.repository';
import { LearnersService } from '../learners/learners.service';
import type { OfferingsRepository } from '../offerings/offerings.repository';
import type { OfferingsService } from '../offerings/offerings.service';
import { asReal } from '@lib/fakes';
import { InMemoryEnrolments } from './in-memory-enrolments';
import { InMemoryLearners } from './in-memory-learners';
import { InMemoryOrganisationLearners } from './in-memory-organisation-learners';
import { InMemoryPlacementIntents } from './in-memory-placement-intents';
import type { PlacementIntentsRepository } from '../enrolments/placement-intents.repository';
import { FakeOfferings } from './in-memory-offerings';

/** The enrolment services wired as the module wires them, over in-memory repositories and offerings. */
export function enrolmentWorld() {
  const enrolments = new InMemoryEnrolments();
  const learnerRecords = new InMemoryLearners();
  const organisationRecords = new InMemoryOrganisationLearners();
  const offerings = new FakeOfferings();
  const access = new LearnerAccessService(
    asReal<EnrolmentsRepository>(enrolments),
    asReal<OfferingsRepository>(offerings),
    asReal<OrganisationLearnersRepository>(organisationRecords),
  );
  const learners = new LearnersService(
    asReal<LearnersRepository>(learnerRecords),
    asReal<OrganisationLearnersRepository>(organisationRecords),
    access,
  );
  const placementIntents = new InMemoryPlacementIntents();
  const seats = new SeatAllocator(
    asReal<EnrolmentsRepository>(enrolments),
    learners,
    asReal<PlacementIntentsRepository>(placementIntents),
  );
  const offeringsService = asReal<OfferingsService>(offerings);
  return {
    enrolments,
    learnerRecords,
    organisationRecords,
    offerings,
    learners,
    placementIntents,
    seats,
    service: new EnrolmentsService(
      asReal<EnrolmentsRepository>(enrolments),
      offeringsService,
      learners,
      seats,
    ),
    bulk: new BulkEnrolmentService(
      offeringsService,
      learners,
      asReal<EnrolmentsRepository>(enrolments),
      seats,
    ),
    bulkCompletions: new BulkCompletionService(
      offeringsService,
      learners,
      asReal<EnrolmentsRepository>(enrolments),
    ),
  };
}

/** A learner's details as a staff member gives them. */
export const details = (name: string) => ({
  email: `${name}@nhs.example`,
  givenName: name,
  familyName: 'Tester',
});
