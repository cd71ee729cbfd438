import { addToIdLists, ID_LIST_MODEL, type IdList, runOncePerDatabase } from '@lib/persistence';
import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import type { Claim, ExternalCredential } from '../claims/claim.schema';
import { CLAIM_MODEL, EXTERNAL_CREDENTIAL_MODEL } from '../claims/claim.schema';
import {
  CREDENTIAL_STATUS_FACT_MODEL,
  type CredentialStatusFact,
  KNOWN_CREDENTIAL_MODEL,
  type KnownCredential,
} from '../credentials/known-credential.schema';
import { CREDIT_HOLD_MODEL, CREDIT_MODEL, type Credit, type CreditHold } from '../ledger/ledger.schema';
import { MODULE_MODEL, type ProgrammeModule } from '../programmes/programme.schema';
import { idListKeys } from './id-list-keys';

/** Marks a database whose records written before the id lists existed have been listed. */
const BACKFILLED = 'backfill:id-lists:v1';

/**
 * Once per database, at start-up: lists the records written before the id lists existed, so readers that go
 * through the lists find them. One scan of each collection, then never again (a keyed marker says it is done).
 */
@Injectable()
export class IdListsBackfillRepository implements OnApplicationBootstrap {
  private readonly logger = new Logger(IdListsBackfillRepository.name);

  constructor(
    @InjectModel(ID_LIST_MODEL) private readonly lists: Model<IdList>,
    @InjectModel(KNOWN_CREDENTIAL_MODEL) private readonly credentials: Model<KnownCredential>,
    @InjectModel(CREDENTIAL_STATUS_FACT_MODEL) private readonly facts: Model<CredentialStatusFact>,
    @InjectModel(CLAIM_MODEL) private readonly claims: Model<Claim>,
    @InjectModel(EXTERNAL_CREDENTIAL_MODEL) private readonly uploads: Model<ExternalCredential>,
    @InjectModel(MODULE_MODEL) private readonly modules: Model<ProgrammeModule>,
    @InjectModel(CREDIT_MODEL) private readonly credits: Model<Credit>,
    @InjectModel(CREDIT_HOLD_MODEL) private readonly holds: Model<CreditHold>,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await runOncePerDatabase(this.lists, BACKFILLED, () => this.listOlderRecords());
  }

  private async listOlderRecords(): Promise<void> {
    const lists = await this.listsOfExistingRecords();
    await addToIdLists(this.lists, new Map([...lists].map(([key, ids]) => [key, [...ids]])));
    if (lists.size)
      this.logger.log(`Listed the records of ${lists.size} owners written before the id lists.`);
  }

  private async listsOfExistingRecords(): Promise<Map<string, Set<string>>> {
    const lists = new Map<string, Set<string>>();
    const add = (key: string, id: string) => lists.set(key, (lists.get(key) ?? new Set()).add(id));
    const all = <T>(model: Model<T>, fields: string) => model.find({}, fields).lean<T[]>().exec();
    const credentials = await all(this.credentials, 'learnerId');
    const learnerOf = new Map(credentials.map((credential) => [credential._id, credential.learnerId]));
    for (const { _id, learnerId } of credentials) add(idListKeys.learnerCredentials(learnerId), _id);
    for (const { _id, credentialId } of await all(this.facts, 'credentialId')) {
      const learnerId = learnerOf.get(credentialId);
      if (learnerId) add(idListKeys.learnerCredentialStatus(learnerId), _id);
    }
    for (const { _id, learnerId } of await all(this.claims, 'learnerId'))
      add(idListKeys.learnerClaims(learnerId), _id);
    for (const { _id, claimId } of await all(this.uploads, 'claimId'))
      add(idListKeys.claimUploads(claimId), _id);
    for (const { _id, programmeId } of await all(this.modules, 'programmeId'))
      add(idListKeys.programmeModules(programmeId), _id);
    for (const credit of await all(this.credits, 'programmeId learnerId credentialIds')) {
      add(idListKeys.learnerCredits(credit.programmeId, credit.learnerId), credit._id);
      for (const credentialId of credit.credentialIds)
        add(idListKeys.credentialCredits(credentialId), credit._id);
    }
    for (const { _id, creditId } of await all(this.holds, 'creditId'))
      add(idListKeys.creditHolds(creditId), _id);
    return lists;
  }
}
