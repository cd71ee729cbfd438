import { credentialId } from '@lib/contracts';
import { z } from 'zod';

/** A credential's status after a change. */
export const credentialStatusView = z.object({ credentialId, revoked: z.boolean(), suspended: z.boolean() });
