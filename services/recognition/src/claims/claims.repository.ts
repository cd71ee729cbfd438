import { findPage, insertOnce, type Page, type Pagination } from '@lib/persistence';
import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import {
  CLAIM_MODEL,
  type Claim,
  DECISION_MODEL,
  type Decision,
  EXTERNAL_CREDENTIAL_MODEL,
  type ExternalCredential,
} from './claim.schema';

/** Claims, the credentials uploaded to them, and the decisions made on them. */
@Injectable()
export class ClaimsRepository {
  constructor(
    @InjectModel(CLAIM_MODEL) private readonly claims: Model<Claim>,
    @InjectModel(DECISION_MODEL) private readonly decisions: Model<Decision>,
    @InjectModel(EXTERNAL_CREDENTIAL_MODEL) private readonly uploads: Model<ExternalCredential>,
  ) {}

  insertClaim(claim: Claim): Promise<boolean> {
    return insertOnce(this.claims, claim);
  }

  findClaim(claimId: string): Promise<Claim | null> {
    return this.claims.findById(claimId).lean<Claim>().exec();
  }

  /** A learner's claims, newest first. */
  pageOfLearner(learnerId: string, pagination: Pagination): Promise<Page<Claim>> {
    return findPage(this.claims, { learnerId }, { openedAt: -1 }, pagination);
  }

  /** The ids of a learner's claims in a programme. */
  async claimIdsOf(learnerId: string, programmeId: string): Promise<string[]> {
    const claims = await this.claims
      .find({ learnerId, programmeId }, { _id: 1 })
      .lean<{ _id: string }[]>()
      .exec();
    return claims.map((claim) => claim._id);
  }

  /** False when that module of the claim is decided already. */
  insertDecision(decision: Decision): Promise<boolean> {
    return insertOnce(this.decisions, decision);
  }

  async decisionExists(decisionId: string): Promise<boolean> {
    return (await this.decisions.exists({ _id: decisionId }).exec()) !== null;
  }

  /** A claim's decisions, oldest first. */
  decisionsOf(claimId: string): Promise<Decision[]> {
    return this.decisions.find({ claimId }).sort({ decidedAt: 1 }).lean<Decision[]>().exec();
  }

  /** False when the same credential was uploaded to the claim already. */
  insertUpload(upload: ExternalCredential): Promise<boolean> {
    return insertOnce(this.uploads, upload);
  }

  /** The credentials uploaded to any of the claims, oldest first. */
  uploadsOf(claimIds: string[]): Promise<ExternalCredential[]> {
    if (claimIds.length === 0) return Promise.resolve([]);
    return this.uploads
      .find({ claimId: { $in: claimIds } })
      .sort({ addedAt: 1 })
      .lean<ExternalCredential[]>()
      .exec();
  }
}
