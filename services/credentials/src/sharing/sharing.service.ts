import { randomBytes } from 'node:crypto';
import type { Actor } from '@lib/auth';
import { insertOnce } from '@lib/persistence';
import { type ServiceConfig, SERVICE_CONFIG } from '@lib/platform';
import { envelope } from '@lib/vc';
import { ConflictException, Inject, Injectable, NotFoundException } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import type { IssuedCredential } from '../issuing/issued-credential.schema';
import { IssuingRepository } from '../issuing/issuing.repository';
import {
  SHARE_LINK_MODEL,
  SHARE_LINK_WITHDRAWAL_MODEL,
  type ShareLink,
  type ShareLinkWithdrawal,
} from './share-link.schema';

/** A credential as a learner downloads it, or as a share link shows it: the signed JWT and what it says. */
export interface CredentialDocument {
  credentialId: string;
  jwt: string;
  credential: unknown;
  envelope: ReturnType<typeof envelope>;
}

@Injectable()
export class SharingService {
  constructor(
    private readonly issuing: IssuingRepository,
    @InjectModel(SHARE_LINK_MODEL) private readonly links: Model<ShareLink>,
    @InjectModel(SHARE_LINK_WITHDRAWAL_MODEL) private readonly withdrawals: Model<ShareLinkWithdrawal>,
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig,
  ) {}

  /** The learner's own credential, whole. */
  async own(actor: Actor, credentialId: string): Promise<CredentialDocument> {
    return document(await this.ownCredential(actor, credentialId));
  }

  async share(
    actor: Actor,
    credentialId: string,
  ): Promise<{ token: string; url: string; createdAt: string }> {
    const credential = await this.ownCredential(actor, credentialId);
    const link: ShareLink = {
      _id: randomBytes(24).toString('base64url'),
      credentialId,
      learnerId: credential.learnerId,
      createdAt: new Date(),
    };
    await insertOnce(this.links, link);
    return { token: link._id, url: this.url(link._id), createdAt: link.createdAt.toISOString() };
  }

  async withdraw(actor: Actor, token: string): Promise<void> {
    const link = await this.links.findById(token).lean<ShareLink>().exec();
    if (!link || link.learnerId !== actor.sub) throw new NotFoundException('No such share link of yours.');
    if (!(await insertOnce(this.withdrawals, { _id: token, withdrawnAt: new Date() }))) {
      throw new ConflictException('This share link is withdrawn already.');
    }
  }

  /** Public: what a live share link shows. */
  async open(token: string): Promise<CredentialDocument> {
    const [link, withdrawn] = await Promise.all([
      this.links.findById(token).lean<ShareLink>().exec(),
      this.withdrawals.findById(token).lean<ShareLinkWithdrawal>().exec(),
    ]);
    const credential = link && !withdrawn ? await this.issuing.credentialById(link.credentialId) : null;
    if (!credential) throw new NotFoundException('This share link does not exist or was withdrawn.');
    return document(credential);
  }

  private url(token: string): string {
    return `${this.config.publicBaseUrl}/api/credentials/shared/${token}`;
  }

  private async ownCredential(actor: Actor, credentialId: string): Promise<IssuedCredential> {
    const credential = await this.issuing.credentialById(credentialId);
    if (!credential || credential.learnerId !== actor.sub)
      throw new NotFoundException(`No credential ${credentialId} of yours.`);
    return credential;
  }
}

function document(credential: IssuedCredential): CredentialDocument {
  const payload = JSON.parse(
    Buffer.from(credential.jwt.split('.')[1]!, 'base64url').toString('utf8'),
  ) as Record<string, unknown>;
  const { iss: _iss, jti: _jti, sub: _sub, nbf: _nbf, iat: _iat, exp: _exp, ...vc } = payload;
  return {
    credentialId: credential.credentialId,
    jwt: credential.jwt,
    credential: vc,
    envelope: envelope(credential.jwt),
  };
}
