import { notHereYet } from '@lib/platform';
import type { Actor } from '@lib/auth';
import { type Page, type Pagination, pageOf } from '@lib/persistence';
import { isDidWeb, publicKeyOfDidKey } from '@lib/vc';
import {
  BadRequestException,
  ConflictException,
  Injectable,
  NotFoundException,
  UnprocessableEntityException,
} from '@nestjs/common';
import { IssuersRepository } from '../issuers/issuers.repository';
import { IssuersService } from '../issuers/issuers.service';
import { IssuerKeysCheck } from './issuer-keys-check';
import { type AddTrustedIssuerBody, jwksUrlProblem } from './trust-list.dto';
import { TrustListRepository } from './trust-list.repository';
import { HUB_LIST, trustedIssuerId } from './trust-list-keys';
import type { TrustedIssuer } from './trusted-issuer.schema';

export interface TrustListEntry {
  issuerId: string;
  name: string;
  /** None for a did:key issuer, which is its own key, or a did:web one, whose DID document lists its keys. */
  jwksUrl?: string;
  kind: 'own' | 'external';
  /** Whose trust: every verification's (`hub`), or only the awarding body's whose list this is (`organisation`). */
  trustedBy: 'hub' | 'organisation';
  addedAt?: string;
}

/**
 * Who trusts whom. Our own awarding bodies are trusted by every verification, without an entry. An admin keeps the
 * hub-wide list, also trusted by every verification (the public page and API, and every awarding body's). Each
 * awarding body's registrars keep its own list, trusted only when a verification is asked for that body.
 */
@Injectable()
export class TrustListService {
  constructor(
    private readonly entries: TrustListRepository,
    private readonly issuers: IssuersService,
    private readonly ownIssuers: IssuersRepository,
    private readonly keysCheck: IssuerKeysCheck,
  ) {}

  /** The hub-wide list: our own awarding bodies, and the issuers admins published. */
  async hubList(pagination: Pagination): Promise<Page<TrustListEntry>> {
    return pageOf(await this.entriesOf(HUB_LIST), pagination);
  }

  /** What an awarding body trusts: the hub-wide list and its own entries; 404 for anyone but its registrars. */
  async bodyList(
    actor: Actor,
    organisationId: string,
    pagination: Pagination,
  ): Promise<Page<TrustListEntry>> {
    await this.requireOwnList(actor, organisationId);
    return pageOf(await this.entriesOf(organisationId), pagination);
  }

  addToHub(actor: Actor, body: AddTrustedIssuerBody): Promise<TrustListEntry> {
    return this.addTo(HUB_LIST, actor, body);
  }

  async addForBody(
    actor: Actor,
    organisationId: string,
    body: AddTrustedIssuerBody,
  ): Promise<TrustListEntry> {
    await this.requireOwnList(actor, organisationId);
    return this.addTo(organisationId, actor, body);
  }

  removeFromHub(actor: Actor, issuerId: string): Promise<void> {
    return this.removeFrom(HUB_LIST, actor, issuerId);
  }

  async removeForBody(actor: Actor, organisationId: string, issuerId: string): Promise<void> {
    await this.requireOwnList(actor, organisationId);
    return this.removeFrom(organisationId, actor, issuerId);
  }

  /**
   * Where verification fetches an external issuer's keys: from the awarding body's own entry when the verification
   * is asked for that body and it has one, else from the hub-wide entry; undefined when the issuer is not trusted.
   */
  async jwksUrlFor(issuerId: string, organisationId?: string): Promise<string | undefined> {
    return (await this.entryFor(issuerId, organisationId))?.jwksUrl;
  }

  /** Whether an external issuer is on a list the verification trusts (a did:key or did:web entry has no JWKS URL). */
  async isTrusted(issuerId: string, organisationId?: string): Promise<boolean> {
    return (await this.entryFor(issuerId, organisationId)) !== undefined;
  }

  /** The hub-wide list's entry of one of our awarding bodies (what an offline bundle carries); undefined if none. */
  async ownEntry(organisationId: string): Promise<TrustListEntry | undefined> {
    const issuer = await this.ownIssuers.findIssuer(organisationId);
    return issuer ? this.ownEntryOf(issuer) : undefined;
  }

  private async entryFor(issuerId: string, organisationId?: string): Promise<TrustedIssuer | undefined> {
    const lists = organisationId ? [organisationId, HUB_LIST] : [HUB_LIST];
    const live = await this.entries.liveEntriesFor(issuerId, lists);
    return lists.map((list) => live.find((entry) => entry.trustedBy === list)).find(Boolean);
  }

  private async entriesOf(list: string): Promise<TrustListEntry[]> {
    const [own, hub, body] = await Promise.all([
      this.ownIssuers.allIssuers(),
      this.entries.liveEntriesOf(HUB_LIST),
      list === HUB_LIST ? Promise.resolve([]) : this.entries.liveEntriesOf(list),
    ]);
    return [
      ...own.map((issuer) => this.ownEntryOf(issuer)),
      ...hub.map(externalEntry),
      ...body.map(externalEntry),
    ];
  }

  private ownEntryOf(issuer: { _id: string; name: string }): TrustListEntry {
    return {
      issuerId: this.issuers.issuerUrl(issuer._id),
      name: issuer.name,
      jwksUrl: this.issuers.jwksUrl(),
      kind: 'own',
      trustedBy: 'hub',
    };
  }

  private async addTo(list: string, actor: Actor, body: AddTrustedIssuerBody): Promise<TrustListEntry> {
    const jwksUrl = jwksUrlProblem(body);
    if (jwksUrl)
      throw new BadRequestException({
        message: 'The request is not valid; see errors.',
        errors: [{ field: 'jwksUrl', message: jwksUrl }],
      });
    if (this.issuers.ownIssuerIdOf(body.issuerId) !== undefined)
      throw new ConflictException('Our own awarding bodies are trusted already.');
    if ((await this.entries.liveEntriesFor(body.issuerId, [list])).length > 0)
      throw alreadyListed(body.issuerId);
    if (body.jwksUrl) await this.keysCheck.requirePublishedKeys(body.jwksUrl);
    else if (isDidWeb(body.issuerId)) await this.keysCheck.requireDidDocument(body.issuerId);
    else requireReadableDidKey(body.issuerId);
    const entry: TrustedIssuer = {
      _id: trustedIssuerId(list, body.issuerId),
      trustedBy: list,
      issuerId: body.issuerId,
      name: body.name,
      ...(body.jwksUrl ? { jwksUrl: body.jwksUrl } : {}),
      addedBy: actor.sub,
      ...(actor.org ? { addedByOrganisation: actor.org } : {}),
      addedAt: new Date(),
    };
    // An entry removed earlier is replaced; a live one (added meanwhile) is a conflict.
    if (!(await this.entries.add(entry))) throw alreadyListed(body.issuerId);
    return externalEntry(entry);
  }

  private async removeFrom(list: string, actor: Actor, issuerId: string): Promise<void> {
    if (!(await this.entries.markRemoved(list, issuerId, actor.sub, new Date())))
      throw new NotFoundException(`${issuerId} is not on this trust list.`);
  }

  /** Only the awarding body's own registrars see or change its list; to anyone else it does not exist. */
  private async requireOwnList(actor: Actor, organisationId: string): Promise<void> {
    if (actor.org !== organisationId || !(await this.ownIssuers.findIssuer(organisationId)))
      throw new NotFoundException(notHereYet('trust list of organisation', organisationId));
  }
}

function alreadyListed(issuerId: string): ConflictException {
  return new ConflictException(`${issuerId} is on this trust list already.`);
}

/** 422 for a did:key that does not decode to a key we verify with: its credentials could never verify. */
function requireReadableDidKey(issuerId: string): void {
  try {
    publicKeyOfDidKey(issuerId);
  } catch (error) {
    throw new UnprocessableEntityException({
      message: 'The did:key is not an Ed25519, P-256 or P-384 public key.',
      errors: [{ field: 'issuerId', message: (error as Error).message }],
    });
  }
}

function externalEntry(entry: TrustedIssuer): TrustListEntry {
  return {
    issuerId: entry.issuerId,
    name: entry.name,
    ...(entry.jwksUrl ? { jwksUrl: entry.jwksUrl } : {}),
    kind: 'external',
    trustedBy: entry.trustedBy === HUB_LIST ? 'hub' : 'organisation',
    addedAt: entry.addedAt.toISOString(),
  };
}
