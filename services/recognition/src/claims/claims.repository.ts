import {
  addToIdList,
  allIds,
  findPage,
  ID_LIST_MODEL,
  type IdList,
  idListOf,
  idListsOf,
  insertOnce,
  type Page,
  pageOf,
  type Pagination,
} from '@lib/persistence';
import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { idListKeys } from '../common/id-list-keys';
import {
  CLAIM_MODEL,
  type Claim,
  type ClaimState,
  DECISION_MODEL,
  type Decision,
  EXTERNAL_CREDENTIAL_MODEL,
  type ExternalCredential,
} from './claim.schema';

/**
 * Claims, the credentials put in or uploaded to them, and the decisions made on them; all read by `_id`: a learner's
 * claims, a claim's chosen credentials and its uploads through keyed id lists, a claim's decisions by their
 * `<claimId>:<moduleCode>` ids.
 */
@Injectable()
export class ClaimsRepository {
  constructor(
    @InjectModel(CLAIM_MODEL) private readonly claims: Model<Claim>,
    @InjectModel(DECISION_MODEL) private readonly decisions: Model<Decision>,
    @InjectModel(EXTERNAL_CREDENTIAL_MODEL) private readonly uploads: Model<ExternalCredential>,
    @InjectModel(ID_LIST_MODEL) private readonly lists: Model<IdList>,
  ) {}

  async insertClaim(claim: Claim): Promise<boolean> {
    await addToIdList(this.lists, idListKeys.learnerClaims(claim.learnerId), [claim._id]);
    return insertOnce(this.claims, claim);
  }

  findClaim(claimId: string): Promise<Claim | null> {
    return this.claims.findById(claimId).lean<Claim>().exec();
  }

  /**
   * A body's claims in a state, oldest first, over its programmes or one of them (the claims schema's compound
   * indexes serve both). Claims opened before states were recorded have none: they count as awaiting.
   */
  pageOfBody(
    awardingBodyId: string,
    scope: { state: ClaimState; programmeId?: string },
    pagination: Pagination,
  ): Promise<Page<Claim>> {
    const state = scope.state === 'awaiting-decision' ? { $in: [scope.state, null] } : scope.state;
    const filter = {
      awardingBodyId,
      ...(scope.programmeId ? { programmeId: scope.programmeId } : {}),
      state,
    };
    return findPage(this.claims, filter, { openedAt: 1 }, pagination);
  }

  /** The last module decided: the claim leaves the exam board's list of claims awaiting a decision. */
  async markDecided(claimId: string, decidedAt: Date): Promise<void> {
    await this.claims.updateOne({ _id: claimId }, { state: 'decided', decidedAt }).exec();
  }

  /** A learner's claims, newest first (a learner has a handful: all are read, then paged). */
  async pageOfLearner(learnerId: string, pagination: Pagination): Promise<Page<Claim>> {
    const claims = await this.claimsOf(learnerId);
    return pageOf(
      claims.sort((a, b) => b.openedAt.getTime() - a.openedAt.getTime()),
      pagination,
    );
  }

  /** The ids of a learner's claims in a programme. */
  async claimIdsOf(learnerId: string, programmeId: string): Promise<string[]> {
    const claims = await this.claimsOf(learnerId);
    return claims.filter((claim) => claim.programmeId === programmeId).map((claim) => claim._id);
  }

  private async claimsOf(learnerId: string): Promise<Claim[]> {
    const ids = await idListOf(this.lists, idListKeys.learnerClaims(learnerId));
    if (ids.length === 0) return [];
    return this.claims
      .find({ _id: { $in: ids } })
      .lean<Claim[]>()
      .exec();
  }

  /** False when that module of the claim is decided already. */
  insertDecision(decision: Decision): Promise<boolean> {
    return insertOnce(this.decisions, decision);
  }

  async decisionExists(decisionId: string): Promise<boolean> {
    return (await this.decisions.exists({ _id: decisionId }).exec()) !== null;
  }

  /** A claim's decisions on any of the modules, oldest first: decisions are keyed `<claimId>:<moduleCode>`. */
  decisionsOf(claimId: string, moduleCodes: readonly string[]): Promise<Decision[]> {
    if (moduleCodes.length === 0) return Promise.resolve([]);
    return this.decisions
      .find({ _id: { $in: moduleCodes.map((code) => `${claimId}:${code}`) } })
      .sort({ decidedAt: 1 })
      .lean<Decision[]>()
      .exec();
  }

  /** Records that the learner put these of our credentials in the claim. */
  addChosenCredentials(claimId: string, credentialIds: readonly string[]): Promise<void> {
    return addToIdList(this.lists, idListKeys.claimCredentials(claimId), credentialIds);
  }

  /** Our credentials the learner put in any of the claims. */
  async chosenCredentialsOf(claimIds: readonly string[]): Promise<string[]> {
    if (claimIds.length === 0) return [];
    return allIds(await idListsOf(this.lists, claimIds.map(idListKeys.claimCredentials)));
  }

  /** False when the same credential was uploaded to the claim already. */
  async insertUpload(upload: ExternalCredential): Promise<boolean> {
    await addToIdList(this.lists, idListKeys.claimUploads(upload.claimId), [upload._id]);
    return insertOnce(this.uploads, upload);
  }

  /** The credentials uploaded to any of the claims, oldest first. */
  async uploadsOf(claimIds: string[]): Promise<ExternalCredential[]> {
    const lists = await idListsOf(this.lists, claimIds.map(idListKeys.claimUploads));
    const ids = allIds(lists);
    if (ids.length === 0) return [];
    return this.uploads
      .find({ _id: { $in: ids } })
      .sort({ addedAt: 1 })
      .lean<ExternalCredential[]>()
      .exec();
  }
}
