import type { OutboxFields } from '@lib/messaging';
import { findPage, insertOnce, type Page, type Pagination, WITHOUT_OUTBOX } from '@lib/persistence';
import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import {
  AWARD_HOLD_MODEL,
  type AwardHold,
  ISSUED_CREDENTIAL_MODEL,
  type IssuedCredential,
  STATUS_ALLOCATION_MODEL,
  type StatusAllocation,
} from './issued-credential.schema';

/** What credentials issued or held, and the status list indexes taken. Every write is an insert under a unique key. */
@Injectable()
export class IssuingRepository {
  constructor(
    @InjectModel(ISSUED_CREDENTIAL_MODEL) private readonly credentials: Model<IssuedCredential>,
    @InjectModel(STATUS_ALLOCATION_MODEL) private readonly allocations: Model<StatusAllocation>,
    @InjectModel(AWARD_HOLD_MODEL) private readonly holds: Model<AwardHold>,
  ) {}

  credential(key: string): Promise<IssuedCredential | null> {
    return this.credentials.findById(key, WITHOUT_OUTBOX).lean<IssuedCredential>().exec();
  }

  credentialsOf(learnerId: string, pagination: Pagination): Promise<Page<IssuedCredential>> {
    return findPage(this.credentials, { learnerId }, { issuedAt: -1 }, pagination);
  }

  credentialById(credentialId: string): Promise<IssuedCredential | null> {
    return this.credentials.findOne({ credentialId }, WITHOUT_OUTBOX).lean<IssuedCredential>().exec();
  }

  /** False when the credential exists already: another delivery or process issued it first. */
  insertCredential(credential: IssuedCredential & OutboxFields): Promise<boolean> {
    return insertOnce(this.credentials, credential);
  }

  allocate(allocation: StatusAllocation): Promise<boolean> {
    return insertOnce(this.allocations, allocation);
  }

  insertHold(hold: AwardHold): Promise<boolean> {
    return insertOnce(this.holds, hold);
  }

  holdsOf(awardingBodyId: string, pagination: Pagination): Promise<Page<AwardHold>> {
    return findPage(this.holds, { awardingBodyId }, { heldAt: -1 }, pagination);
  }
}
