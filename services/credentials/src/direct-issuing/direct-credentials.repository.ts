import type { OutboxFields } from '@lib/messaging';
import { insertManyOnce, WITHOUT_OUTBOX } from '@lib/persistence';
import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { DIRECT_CREDENTIAL_MODEL, type DirectCredential } from './direct-credential.schema';

/** Credentials issued through the VC-API: each an insert under its credential id. */
@Injectable()
export class DirectCredentialsRepository {
  constructor(@InjectModel(DIRECT_CREDENTIAL_MODEL) private readonly credentials: Model<DirectCredential>) {}

  async exists(credentialId: string): Promise<boolean> {
    return (await this.credentials.exists({ _id: credentialId }).exec()) !== null;
  }

  async credentialById(credentialId: string): Promise<DirectCredential | null> {
    return this.credentials.findById(credentialId, WITHOUT_OUTBOX).lean<DirectCredential>().exec();
  }

  /** False when a credential with this id exists already (a retry, or another request at the same moment). */
  async insertOnce(credential: DirectCredential & OutboxFields): Promise<boolean> {
    const [inserted] = await insertManyOnce(this.credentials, [credential]);
    return inserted!;
  }
}
