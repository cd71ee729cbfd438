import type { ViewFits } from '@lib/platform';
import { z } from 'zod';
import { statusCredentialId as credentialId } from './credential-status.dto';
import type { CredentialStatusService } from './credential-status.service';

/** A credential's status after a change. */
export const credentialStatusView = z.object({ credentialId, revoked: z.boolean(), suspended: z.boolean() });

// What the service returns fits what the document says (checked by the compiler).
export type CredentialStatusViewFits = ViewFits<
  Awaited<ReturnType<CredentialStatusService['change']>>,
  typeof credentialStatusView
>;
