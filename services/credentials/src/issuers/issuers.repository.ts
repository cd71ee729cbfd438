import { insertOnce, setIfUnchanged } from '@lib/persistence';
import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { type Issuer, ISSUER_MODEL, SIGNING_KEY_MODEL, type SigningKeyRecord } from './issuer.schema';
import type { EncryptedSecret } from './key-encryption';

@Injectable()
export class IssuersRepository {
  constructor(
    @InjectModel(ISSUER_MODEL) private readonly issuers: Model<Issuer>,
    @InjectModel(SIGNING_KEY_MODEL) private readonly keys: Model<SigningKeyRecord>,
  ) {}

  insertIssuer(issuer: Issuer): Promise<boolean> {
    return insertOnce(this.issuers, issuer);
  }

  insertKey(key: SigningKeyRecord): Promise<boolean> {
    return insertOnce(this.keys, key);
  }

  findIssuer(id: string): Promise<Issuer | null> {
    return this.issuers.findById(id).lean<Issuer>().exec();
  }

  findKey(id: string): Promise<SigningKeyRecord | null> {
    return this.keys.findById(id).lean<SigningKeyRecord>().exec();
  }

  /** An issuer's keys, newest (the active one) first. */
  keysOf(issuerId: string): Promise<SigningKeyRecord[]> {
    return this.keys.find({ issuerId }).sort({ createdAt: -1, _id: 1 }).lean<SigningKeyRecord[]>().exec();
  }

  allIssuers(): Promise<Issuer[]> {
    return this.issuers.find({}).sort({ name: 1 }).lean<Issuer[]>().exec();
  }

  /** Keys whose private key is encrypted under another key-encryption key than `kekId` (by an index). */
  keysEncryptedOtherThan(kekId: string): Promise<SigningKeyRecord[]> {
    return this.keys
      .find({ 'encryptedPrivateKey.kekId': { $ne: kekId } })
      .lean<SigningKeyRecord[]>()
      .exec();
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

  allKeys(): Promise<SigningKeyRecord[]> {
    return this.keys.find({}).sort({ issuerId: 1, createdAt: -1 }).lean<SigningKeyRecord[]>().exec();
  }
}
