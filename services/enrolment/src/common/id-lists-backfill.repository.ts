import { addToIdLists, groupIds, runOncePerDatabase } from '@lib/persistence';
import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import {
  type Authorisation,
  AUTHORISATION_MODEL,
  PARTNER_AUTHORISATION_IDS_MODEL,
  type PartnerAuthorisationIds,
} from '../authorisations/authorisation.schema';
import {
  type Enrolment,
  ENROLMENT_MODEL,
  type EnrolmentIds,
  LEARNER_ENROLMENT_IDS_MODEL,
  OFFERING_ENROLMENT_IDS_MODEL,
} from '../enrolments/enrolment.schema';

/** Marks a database whose older records have been listed; kept among the offerings' lists. */
const BACKFILLED = 'backfill:id-lists:v1';

/**
 * Once per database, at start-up: lists the enrolments and authorisations written before the id lists existed, so
 * readers that go through the lists find them. One scan of each collection, then never again (a keyed marker).
 */
@Injectable()
export class IdListsBackfillRepository implements OnApplicationBootstrap {
  private readonly logger = new Logger(IdListsBackfillRepository.name);

  constructor(
    @InjectModel(ENROLMENT_MODEL) private readonly enrolments: Model<Enrolment>,
    @InjectModel(OFFERING_ENROLMENT_IDS_MODEL) private readonly byOffering: Model<EnrolmentIds>,
    @InjectModel(LEARNER_ENROLMENT_IDS_MODEL) private readonly byLearner: Model<EnrolmentIds>,
    @InjectModel(AUTHORISATION_MODEL) private readonly grants: Model<Authorisation>,
    @InjectModel(PARTNER_AUTHORISATION_IDS_MODEL) private readonly byPartner: Model<PartnerAuthorisationIds>,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await runOncePerDatabase(this.byOffering, BACKFILLED, () => this.listOlderRecords(), 'enrolmentIds');
  }

  private async listOlderRecords(): Promise<void> {
    const enrolments = await this.enrolments
      .find({}, { offeringId: 1, learnerId: 1 })
      .lean<Pick<Enrolment, '_id' | 'offeringId' | 'learnerId'>[]>()
      .exec();
    const grants = await this.grants
      .find({}, { partnerId: 1 })
      .lean<Pick<Authorisation, '_id' | 'partnerId'>[]>()
      .exec();
    const idOf = (record: { _id: string }) => record._id;
    await addToIdLists(
      this.byOffering,
      groupIds(enrolments, (e) => e.offeringId, idOf),
      'enrolmentIds',
    );
    await addToIdLists(
      this.byLearner,
      groupIds(enrolments, (e) => e.learnerId, idOf),
      'enrolmentIds',
    );
    await addToIdLists(
      this.byPartner,
      groupIds(grants, (g) => g.partnerId, idOf),
      'authorisationIds',
    );
    if (enrolments.length || grants.length) {
      this.logger.log(
        `Listed ${enrolments.length} enrolments and ${grants.length} authorisations written before the id lists.`,
      );
    }
  }
}
