import { recordSchema } from '@lib/persistence';
import type { SigningOfficer } from '@lib/vc';
import type { LogoType } from './certificate-logo-reading';

export const CERTIFICATE_BRANDING_MODEL = 'CertificateBranding';

/**
 * How an organisation appears on the certificates it awards or delivers; `_id` is the organisation id. An awarding
 * body's registrars set its signing officer and upload its logo; a delivering partner's own staff upload its logo.
 * Not part of any signed credential: a certificate shows the branding as it is when the certificate is made.
 */
export interface CertificateBranding {
  _id: string;
  signingOfficer?: SigningOfficer;
  logo?: StoredLogo;
  updatedAt: Date;
  updatedBy: string;
}

/** A logo as certificates print it: always PNG (an uploaded SVG is rasterised when it is uploaded). */
export interface StoredLogo {
  png: Buffer;
  width: number;
  height: number;
  uploadedAs: LogoType;
  uploadedAt: Date;
  uploadedBy: string;
}

export const CertificateBrandingSchema = recordSchema({
  signingOfficer: { type: Object },
  logo: { type: Object },
  updatedAt: { type: Date, required: true },
  updatedBy: { type: String, required: true },
});
