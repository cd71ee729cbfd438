import { timestamp } from '@lib/contracts';
import type { ViewFits } from '@lib/platform';
import { z } from 'zod';
import type { CertificateBrandingView } from './certificate-branding.service';
import { LOGO_TYPES } from './certificate-logo-reading';

/** `CertificateBrandingView`: what an organisation's certificates show of it, the logo described, not sent. */
export const certificateBrandingView = z.object({
  organisationId: z.uuid(),
  signingOfficer: z.object({ name: z.string(), role: z.string() }).optional(),
  logo: z
    .object({
      width: z.number().int().describe('pixels, as printed (an SVG is rasterised on upload)'),
      height: z.number().int(),
      uploadedAs: z.enum(LOGO_TYPES),
      uploadedAt: timestamp,
    })
    .optional(),
  updatedAt: timestamp.optional(),
});

export type CertificateBrandingViewFits = ViewFits<CertificateBrandingView, typeof certificateBrandingView>;
