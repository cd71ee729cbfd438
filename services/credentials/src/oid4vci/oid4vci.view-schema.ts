import { timestamp } from '@lib/contracts';
import { z } from 'zod';
import { dataIntegrityCredentialView } from '../direct-issuing/direct-issuing.view-schema';

/** The learner's OpenID4VCI offer: the credential offer, as JSON and as the QR code's URI, and its PIN. */
export const oid4vciOfferView = z.object({
  credentialOffer: z.looseObject({
    credential_issuer: z.url(),
    credential_configuration_ids: z.array(z.string()),
    grants: z.record(z.string(), z.unknown()),
  }),
  credentialOfferUri: z.string().startsWith('openid-credential-offer://?credential_offer='),
  txCode: z
    .string()
    .regex(/^\d{6}$/)
    .describe('the PIN (tx_code) the learner types into the wallet'),
  expiresAt: timestamp,
});

export const issuerMetadataView = z.looseObject({
  credential_issuer: z.url(),
  credential_endpoint: z.url(),
  token_endpoint: z.url(),
  credential_configurations_supported: z.record(z.string(), z.looseObject({ format: z.string() })),
});

export const authorisationServerView = z.looseObject({
  issuer: z.url(),
  token_endpoint: z.url(),
  grant_types_supported: z.array(z.string()),
});

export const tokenView = z.object({
  access_token: z.string(),
  token_type: z.literal('Bearer'),
  expires_in: z.number().int(),
  c_nonce: z.string(),
  c_nonce_expires_in: z.number().int(),
});

export const credentialResponseView = z.object({
  credential: dataIntegrityCredentialView,
  credentials: z.array(z.object({ credential: dataIntegrityCredentialView })),
});

/** The credential request: a proof of possession (draft 13 `proof`, or 1.0 `proofs.jwt`); other members are read by wallets' issuers, not here. */
export const credentialRequestBody = z.looseObject({
  format: z.string().optional(),
  credential_configuration_id: z.string().optional(),
  proof: z.object({ proof_type: z.literal('jwt'), jwt: z.string() }).optional(),
  proofs: z.object({ jwt: z.array(z.string()).min(1) }).optional(),
});
