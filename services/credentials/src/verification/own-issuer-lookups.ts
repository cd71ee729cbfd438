import type { KeyObject } from 'node:crypto';
import {
  type PartnerQuestion,
  publicKeyFromJwk,
  type StatusEntryRef,
  type StatusPurpose,
  type StatusReading,
  UnreachableError,
} from '@lib/vc';
import { Injectable } from '@nestjs/common';
import { AchievementsRepository } from '../achievements/achievements.repository';
import { AchievementsService } from '../achievements/achievements.service';
import { IssuersRepository } from '../issuers/issuers.repository';
import { IssuersService } from '../issuers/issuers.service';
import { authorisedOn } from '../progress/award-rule';
import type { AuthorisationFact } from '../progress/progress.schema';
import { ProgressRepository } from '../progress/progress.repository';
import { inOrder, stateAfter } from '../status-lists/credential-status';
import type { StatusChange } from '../status-lists/status-change.schema';
import { StatusChangesRepository } from '../status-lists/status-changes.repository';

const AUTHORISATIONS_TTL_MS = 5_000;

/**
 * What verifying one of our own credentials needs, read from our own records without a network round trip: keys
 * (immutable, so kept in memory once read), statuses (read fresh, by key), and partner authorisations.
 */
@Injectable()
export class OwnIssuerLookups {
  private readonly keys = new Map<string, KeyObject>();
  private readonly knownIssuers = new Set<string>();
  private readonly courseOfAchievement = new Map<string, string>();
  /** One read of a credential's changes serves its revocation and suspension checks, made at once. */
  private readonly changesInFlight = new Map<string, Promise<StatusChange[]>>();
  /** Authorisations change seldom; a few seconds' reuse spares a query per verification. */
  private readonly authorisations = new Map<string, { facts: Promise<AuthorisationFact[]>; until: number }>();

  constructor(
    private readonly issuers: IssuersService,
    private readonly issuerRecords: IssuersRepository,
    private readonly progress: ProgressRepository,
    private readonly statusChanges: StatusChangesRepository,
    private readonly achievements: AchievementsRepository,
    private readonly achievementUrls: AchievementsService,
  ) {}

  isOwnUrl(issuerId: string): boolean {
    return this.issuers.ownIssuerIdOf(issuerId) !== undefined;
  }

  async exists(issuerId: string): Promise<boolean> {
    const organisationId = this.issuers.ownIssuerIdOf(issuerId);
    if (!organisationId) return false;
    return this.isAwardingBody(organisationId);
  }

  /** Whether an organisation is one of our awarding bodies (an issuer here). */
  async isAwardingBody(organisationId: string): Promise<boolean> {
    if (this.knownIssuers.has(organisationId)) return true;
    const found = (await this.issuerRecords.findIssuer(organisationId)) !== null;
    if (found) this.knownIssuers.add(organisationId);
    return found;
  }

  async resolveKey(kid: string, issuerId: string): Promise<KeyObject | undefined> {
    const cached = this.keys.get(kid);
    if (cached) return cached;
    const organisationId = this.issuers.ownIssuerIdOf(issuerId);
    if (!organisationId) return undefined;
    // A VC-JWT's kid URL, or a Data Integrity proof's DID URL (`<issuer DID>#<key>`): each names its own kind of key.
    const jwtPrefix = `${this.issuers.issuerUrl(organisationId)}/keys/`;
    const didPrefix = `${this.issuers.issuerDid(organisationId)}#`;
    const prefix = [jwtPrefix, didPrefix].find((candidate) => kid.startsWith(candidate));
    if (!prefix) return undefined;
    const record = await this.issuerRecords.findKey(kid.slice(prefix.length));
    if (!record || record.issuerId !== organisationId) return undefined;
    if ((record.algorithm === 'Ed25519') !== (prefix === didPrefix)) return undefined;
    const key = publicKeyFromJwk(record.publicJwk);
    this.keys.set(kid, key);
    return key;
  }

  /** A credential's state from its status changes; the entry must name one of this issuer's lists. */
  async readStatus(entry: StatusEntryRef, issuerId: string): Promise<StatusReading> {
    const organisationId = this.issuers.ownIssuerIdOf(issuerId);
    const listsUrl = `${this.issuers.statusListsUrl()}/`;
    if (!organisationId || !entry.listUrl.startsWith(`${listsUrl}${organisationId}-${entry.purpose}-`))
      throw new UnreachableError(`${entry.listUrl} is not a ${entry.purpose} list of this issuer.`);
    return this.readingOf(entry.credentialId, entry.purpose);
  }

  /** Whether one of our credentials is on hold, from its status changes (its credential carries no entry for it). */
  async readHold(credentialId: string, issuerId: string): Promise<StatusReading | undefined> {
    return this.issuers.ownIssuerIdOf(issuerId) ? this.readingOf(credentialId, 'suspension') : undefined;
  }

  /** Revoked or suspended, with the reason given, after the credential's status changes in order. */
  private async readingOf(credentialId: string, purpose: StatusPurpose): Promise<StatusReading> {
    const changes = inOrder(await this.changesOf(credentialId));
    const state = stateAfter(changes);
    const set = purpose === 'revocation' ? state.revoked : state.suspended;
    const action = purpose === 'revocation' ? 'revoke' : 'suspend';
    const reason = set ? changes.filter((change) => change.action === action).at(-1)?.reason : undefined;
    return { set, ...(reason ? { reason } : {}) };
  }

  async partnerAuthorised(question: PartnerQuestion): Promise<boolean> {
    const partnerId = /^urn:uuid:([0-9a-f-]{36})$/.exec(question.partnerId)?.[1];
    const courseId = await this.courseOf(question.achievementId);
    if (!partnerId || !courseId) return false;
    return authorisedOn(await this.authorisationsOf(partnerId, courseId), question.awardedOn);
  }

  private changesOf(credentialId: string): Promise<StatusChange[]> {
    let pending = this.changesInFlight.get(credentialId);
    if (!pending) {
      pending = this.statusChanges
        .statusChangesOf(credentialId)
        .finally(() => this.changesInFlight.delete(credentialId));
      this.changesInFlight.set(credentialId, pending);
    }
    return pending;
  }

  private authorisationsOf(partnerId: string, courseId: string): Promise<AuthorisationFact[]> {
    const key = `${partnerId}:${courseId}`;
    const cached = this.authorisations.get(key);
    if (cached && cached.until > Date.now()) return cached.facts;
    const facts = this.progress.authorisationsOf(partnerId, courseId);
    this.authorisations.set(key, { facts, until: Date.now() + AUTHORISATIONS_TTL_MS });
    facts.catch(() => this.authorisations.delete(key));
    return facts;
  }

  private async courseOf(achievementUrl: string): Promise<string | undefined> {
    const prefix = this.achievementUrls.url('');
    if (!achievementUrl.startsWith(prefix)) return undefined;
    const achievementId = achievementUrl.slice(prefix.length);
    let courseId = this.courseOfAchievement.get(achievementId);
    if (!courseId) {
      courseId = (await this.achievements.version(achievementId, 1))?.courseId;
      if (courseId) this.courseOfAchievement.set(achievementId, courseId);
    }
    return courseId;
  }
}
