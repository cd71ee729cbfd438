import { pageOf, type Page, type Pagination } from '@lib/persistence';
import type { Claim, ClaimState, Decision, ExternalCredential } from '../claims/claim.schema';
import type { ClaimsRepository } from '../claims/claims.repository';
import { insertInto } from './insert-into';
import type { PublicOf } from '@lib/fakes';

/** Claims, decisions and uploads in maps, unique by `_id`. */
export class InMemoryClaims implements PublicOf<ClaimsRepository> {
  readonly claims = new Map<string, Claim>();
  readonly decisions = new Map<string, Decision>();
  readonly uploads = new Map<string, ExternalCredential>();
  readonly chosen = new Map<string, Set<string>>();

  insertClaim(claim: Claim): Promise<boolean> {
    return Promise.resolve(insertInto(this.claims, claim));
  }

  findClaim(claimId: string): Promise<Claim | null> {
    return Promise.resolve(this.claims.get(claimId) ?? null);
  }

  pageOfBody(
    awardingBodyId: string,
    scope: { state: ClaimState; programmeId?: string },
    pagination: Pagination,
  ): Promise<Page<Claim>> {
    const claims = [...this.claims.values()]
      .filter(
        (claim) =>
          claim.awardingBodyId === awardingBodyId &&
          (claim.state ?? 'awaiting-decision') === scope.state &&
          (!scope.programmeId || claim.programmeId === scope.programmeId),
      )
      .sort((a, b) => a.openedAt.getTime() - b.openedAt.getTime());
    return Promise.resolve(pageOf(claims, pagination));
  }

  markDecided(claimId: string, decidedAt: Date): Promise<void> {
    const claim = this.claims.get(claimId);
    if (claim) this.claims.set(claimId, { ...claim, state: 'decided', decidedAt });
    return Promise.resolve();
  }

  pageOfLearner(learnerId: string, pagination: Pagination): Promise<Page<Claim>> {
    const claims = [...this.claims.values()]
      .filter((claim) => claim.learnerId === learnerId)
      .sort((a, b) => b.openedAt.getTime() - a.openedAt.getTime());
    return Promise.resolve(pageOf(claims, pagination));
  }

  claimIdsOf(learnerId: string, programmeId: string): Promise<string[]> {
    const claims = [...this.claims.values()].filter(
      (claim) => claim.learnerId === learnerId && claim.programmeId === programmeId,
    );
    return Promise.resolve(claims.map((claim) => claim._id));
  }

  insertDecision(decision: Decision): Promise<boolean> {
    return Promise.resolve(insertInto(this.decisions, decision));
  }

  decisionExists(decisionId: string): Promise<boolean> {
    return Promise.resolve(this.decisions.has(decisionId));
  }

  decisionsOf(claimId: string, moduleCodes: readonly string[]): Promise<Decision[]> {
    const decisions = [...this.decisions.values()]
      .filter((decision) => decision.claimId === claimId && moduleCodes.includes(decision.moduleCode))
      .sort((a, b) => a.decidedAt.getTime() - b.decidedAt.getTime());
    return Promise.resolve(decisions);
  }

  /** Like the id list, adds nothing (not even an empty list) when given no ids. */
  addChosenCredentials(claimId: string, credentialIds: readonly string[]): Promise<void> {
    if (credentialIds.length === 0) return Promise.resolve();
    const chosen = this.chosen.get(claimId) ?? new Set<string>();
    credentialIds.forEach((id) => chosen.add(id));
    this.chosen.set(claimId, chosen);
    return Promise.resolve();
  }

  chosenCredentialsOf(claimIds: readonly string[]): Promise<string[]> {
    return Promise.resolve([...new Set(claimIds.flatMap((id) => [...(this.chosen.get(id) ?? [])]))]);
  }

  insertUpload(upload: ExternalCredential): Promise<boolean> {
    return Promise.resolve(insertInto(this.uploads, upload));
  }

  uploadsOf(claimIds: string[]): Promise<ExternalCredential[]> {
    const uploads = [...this.uploads.values()]
      .filter((upload) => claimIds.includes(upload.claimId))
      .sort((a, b) => a.addedAt.getTime() - b.addedAt.getTime());
    return Promise.resolve(uploads);
  }
}
