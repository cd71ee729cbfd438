import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import {
  CERTIFICATE_BRANDING_MODEL,
  type CertificateBranding,
  type StoredLogo,
} from './certificate-branding.schema';
import type { SigningOfficer } from '@lib/vc';

/** Organisations' certificate branding: one record each, changed in place (the latest upload wins). */
@Injectable()
export class CertificateBrandingRepository {
  constructor(
    @InjectModel(CERTIFICATE_BRANDING_MODEL) private readonly brandings: Model<CertificateBranding>,
  ) {}

  find(organisationId: string): Promise<CertificateBranding | null> {
    return this.brandings.findById(organisationId).lean<CertificateBranding>().exec();
  }

  /** Both organisations of a certificate in one query. */
  findMany(organisationIds: string[]): Promise<CertificateBranding[]> {
    return this.brandings
      .find({ _id: { $in: organisationIds } })
      .lean<CertificateBranding[]>()
      .exec();
  }

  async setSigningOfficer(organisationId: string, officer: SigningOfficer | null, by: string): Promise<void> {
    const change = officer
      ? { $set: { signingOfficer: officer, updatedAt: new Date(), updatedBy: by } }
      : { $set: { updatedAt: new Date(), updatedBy: by }, $unset: { signingOfficer: 1 } };
    await this.brandings.updateOne({ _id: organisationId }, change, { upsert: true }).exec();
  }

  async setLogo(organisationId: string, logo: StoredLogo): Promise<void> {
    await this.brandings
      .updateOne(
        { _id: organisationId },
        { $set: { logo, updatedAt: logo.uploadedAt, updatedBy: logo.uploadedBy } },
        { upsert: true },
      )
      .exec();
  }
}
