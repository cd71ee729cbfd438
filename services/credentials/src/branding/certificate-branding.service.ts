import { notHereYet } from '@lib/platform';
import type { Actor } from '@lib/auth';
import type { CertificateBranding as PrintedBranding, SigningOfficer } from '@lib/vc';
import { Injectable, NotFoundException } from '@nestjs/common';
import { IssuersRepository } from '../issuers/issuers.repository';
import { UploadReader } from '../uploads/upload-reader';
import { CertificateBrandingRepository } from './certificate-branding.repository';
import type { CertificateBranding } from './certificate-branding.schema';
import type { LogoType } from './certificate-logo-reading';

/** `CertificateBrandingView`: an organisation's branding as its staff see it; the logo described, not sent. */
export interface CertificateBrandingView {
  organisationId: string;
  signingOfficer?: SigningOfficer;
  logo?: { width: number; height: number; uploadedAs: LogoType; uploadedAt: string };
  updatedAt?: string;
}

/** The signing officer and logos certificates show, set by each organisation's own staff. */
@Injectable()
export class CertificateBrandingService {
  constructor(
    private readonly brandings: CertificateBrandingRepository,
    private readonly issuers: IssuersRepository,
    private readonly uploads: UploadReader,
  ) {}

  /** An awarding body's registrar names who signs its certificates (null: nobody named). */
  async setSigningOfficer(
    actor: Actor,
    issuerId: string,
    officer: SigningOfficer | null,
  ): Promise<CertificateBrandingView> {
    if (actor.org !== issuerId || !(await this.issuers.findIssuer(issuerId)))
      throw new NotFoundException(notHereYet('issuer', issuerId));
    await this.brandings.setSigningOfficer(issuerId, officer, actor.sub);
    return this.view(issuerId);
  }

  /** An organisation's own staff (its registrars, or a partner's staff) upload the logo its certificates show. */
  async setLogo(
    actor: Actor,
    organisationId: string,
    upload: { bytes: Uint8Array; type: LogoType },
  ): Promise<CertificateBrandingView> {
    if (actor.org !== organisationId)
      throw new NotFoundException(`No organisation ${organisationId} that you can see.`);
    const logo = await this.uploads.certificateLogoOf(upload);
    await this.brandings.setLogo(organisationId, {
      png: Buffer.from(logo.png),
      width: logo.width,
      height: logo.height,
      uploadedAs: upload.type,
      uploadedAt: new Date(),
      uploadedBy: actor.sub,
    });
    return this.view(organisationId);
  }

  /** What a certificate shows for its awarding body and delivering partner, as they are now. */
  async forCertificate(awardingBodyId?: string, partnerId?: string): Promise<PrintedBranding> {
    const ids = [awardingBodyId, partnerId].filter((id): id is string => id !== undefined);
    const found = ids.length > 0 ? await this.brandings.findMany(ids) : [];
    const awarding = found.find((branding) => branding._id === awardingBodyId);
    const partner = found.find((branding) => branding._id === partnerId);
    return {
      ...(awarding?.signingOfficer ? { signingOfficer: awarding.signingOfficer } : {}),
      ...(awarding?.logo ? { awardingBodyLogo: bytesOf(awarding.logo.png) } : {}),
      ...(partner?.logo ? { deliveringPartnerLogo: bytesOf(partner.logo.png) } : {}),
    };
  }

  private async view(organisationId: string): Promise<CertificateBrandingView> {
    const branding: CertificateBranding | null = await this.brandings.find(organisationId);
    const logo = branding?.logo;
    return {
      organisationId,
      ...(branding?.signingOfficer ? { signingOfficer: branding.signingOfficer } : {}),
      ...(logo
        ? {
            logo: {
              width: logo.width,
              height: logo.height,
              uploadedAs: logo.uploadedAs,
              uploadedAt: new Date(logo.uploadedAt).toISOString(),
            },
          }
        : {}),
      ...(branding ? { updatedAt: new Date(branding.updatedAt).toISOString() } : {}),
    };
  }
}

/** Stored bytes come back from the database as a BSON Binary, not a Buffer. */
function bytesOf(stored: unknown): Uint8Array {
  if (stored instanceof Uint8Array) return stored;
  return new Uint8Array((stored as { buffer: Uint8Array }).buffer);
}
