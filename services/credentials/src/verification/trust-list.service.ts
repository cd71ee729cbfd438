import type { Actor } from '@lib/auth';
import { insertOnce, type Page, type Pagination, pageOf } from '@lib/persistence';
import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { IssuersRepository } from '../issuers/issuers.repository';
import { IssuersService } from '../issuers/issuers.service';
import type { AddTrustedIssuerBody } from './trust-list.dto';
import { TRUSTED_ISSUER_MODEL, type TrustedIssuer } from './trusted-issuer.schema';

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
    @InjectModel(TRUSTED_ISSUER_MODEL) private readonly entries: Model<TrustedIssuer>,
    private readonly issuers: IssuersService,
    private readonly ownIssuers: IssuersRepository,
  ) {}

  async list(pagination: Pagination): Promise<Page<TrustListEntry>> {
    const [own, external] = await Promise.all([
      this.ownIssuers.allIssuers(),
      this.entries
        .find({ removedAt: { $exists: false } })
        .sort({ addedAt: 1 })
        .lean<TrustedIssuer[]>()
        .exec(),
    ]);
    const entries: TrustListEntry[] = [
      ...own.map((issuer) => ({
        issuerId: this.issuers.issuerUrl(issuer._id),
        name: issuer.name,
        jwksUrl: this.issuers.jwksUrl(),
        kind: 'own' as const,
      })),
      ...external.map((entry) => ({
        issuerId: entry._id,
        name: entry.name,
        jwksUrl: entry.jwksUrl,
        kind: 'external' as const,
        addedAt: entry.addedAt.toISOString(),
      })),
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
    const replaced = await this.entries
      .findOneAndReplace({ _id: body.issuerId, removedAt: { $exists: true } }, entry)
      .lean()
      .exec();
    if (!replaced && !(await insertOnce(this.entries, entry)))
      throw new ConflictException(`${body.issuerId} is on the trust list already.`);
    return {
      issuerId: entry._id,
      name: entry.name,
      jwksUrl: entry.jwksUrl,
      kind: 'external',
      addedAt: entry.addedAt.toISOString(),
    };
  }

  async remove(actor: Actor, issuerId: string): Promise<void> {
    const removed = await this.entries
      .updateOne(
        { _id: issuerId, removedAt: { $exists: false } },
        { removedBy: actor.sub, removedAt: new Date() },
      )
      .exec();
    if (removed.modifiedCount === 0) throw new NotFoundException(`${issuerId} is not on the trust list.`);
  }

  /** The JWKS URL of a trusted external issuer; undefined when it is not on the list. */
  async externalJwksUrl(issuerId: string): Promise<string | undefined> {
    const entry = await this.entries.findById(issuerId).lean<TrustedIssuer>().exec();
    return entry && !entry.removedAt ? entry.jwksUrl : undefined;
  }
}
