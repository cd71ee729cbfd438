import type { Actor } from '@lib/auth';
import { type Page, type Pagination, pageOf } from '@lib/persistence';
import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { IssuersRepository } from '../issuers/issuers.repository';
import { IssuersService } from '../issuers/issuers.service';
import type { AddTrustedIssuerBody } from './trust-list.dto';
import { TrustListRepository } from './trust-list.repository';
import type { TrustedIssuer } from './trusted-issuer.schema';

export interface TrustListEntry {
  issuerId: string;
  name: string;
  jwksUrl: string;
  kind: 'own' | 'external';
  addedAt?: string;
}

/** The issuers whose credentials verify: our own awarding bodies, and the external issuers registrars add. */
@Injectable()
export class TrustListService {
  constructor(
    private readonly entries: TrustListRepository,
    private readonly issuers: IssuersService,
    private readonly ownIssuers: IssuersRepository,
  ) {}

  async list(pagination: Pagination): Promise<Page<TrustListEntry>> {
    const [own, external] = await Promise.all([this.ownIssuers.allIssuers(), this.entries.liveEntries()]);
    const entries: TrustListEntry[] = [
      ...own.map((issuer) => ({
        issuerId: this.issuers.issuerUrl(issuer._id),
        name: issuer.name,
        jwksUrl: this.issuers.jwksUrl(),
        kind: 'own' as const,
      })),
      ...external.map(externalEntry),
    ];
    return pageOf(entries, pagination);
  }

  async add(actor: Actor, body: AddTrustedIssuerBody): Promise<TrustListEntry> {
    if (this.issuers.ownIssuerIdOf(body.issuerId) !== undefined)
      throw new ConflictException('Our own awarding bodies are trusted already.');
    const entry: TrustedIssuer = {
      _id: body.issuerId,
      name: body.name,
      jwksUrl: body.jwksUrl,
      addedBy: actor.sub,
      addedByOrganisation: actor.org ?? '',
      addedAt: new Date(),
    };
    // An entry removed earlier is replaced; a live one is a conflict.
    if (!(await this.entries.add(entry)))
      throw new ConflictException(`${body.issuerId} is on the trust list already.`);
    return externalEntry(entry);
  }

  async remove(actor: Actor, issuerId: string): Promise<void> {
    if (!(await this.entries.markRemoved(issuerId, actor.sub, new Date())))
      throw new NotFoundException(`${issuerId} is not on the trust list.`);
  }

  /** The JWKS URL of a trusted external issuer; undefined when it is not on the list. */
  async externalJwksUrl(issuerId: string): Promise<string | undefined> {
    const entry = await this.entries.findEntry(issuerId);
    return entry && !entry.removedAt ? entry.jwksUrl : undefined;
  }
}

function externalEntry(entry: TrustedIssuer): TrustListEntry {
  return {
    issuerId: entry._id,
    name: entry.name,
    jwksUrl: entry.jwksUrl,
    kind: 'external',
    addedAt: entry.addedAt.toISOString(),
  };
}
