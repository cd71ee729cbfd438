import { insertOnce, setIfUnchanged } from '@lib/persistence';
import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import type { EncryptedSecret } from '../issuers/key-encryption';
import { TRUST_LIST_KEY_MODEL, type TrustListKeyRecord } from './trust-list-key.schema';

/** The hub's trust-list key, by `_id` ("hub"): one per deployment. */
@Injectable()
export class TrustListKeyRepository {
  constructor(@InjectModel(TRUST_LIST_KEY_MODEL) private readonly keys: Model<TrustListKeyRecord>) {}

  find(id: string): Promise<TrustListKeyRecord | null> {
    return this.keys.findById(id).lean<TrustListKeyRecord>().exec();
  }

  /** Stores the key unless one with its `_id` is there already (made meanwhile by another instance). */
  insertOnce(key: TrustListKeyRecord): Promise<boolean> {
    return insertOnce(this.keys, key);
  }

  /** Replaces the key's encrypted private key if it is still `from`: false when another instance did it first. */
  replaceEncryptedKey(id: string, from: EncryptedSecret, to: EncryptedSecret): Promise<boolean> {
    // A fresh nonce makes every ciphertext unique: it tells whether the key was re-encrypted since it was read.
    return setIfUnchanged(
      this.keys,
      id,
      { 'encryptedPrivateKey.ciphertext': from.ciphertext },
      { encryptedPrivateKey: to },
    );
  }
}
