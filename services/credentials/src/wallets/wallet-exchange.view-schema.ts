import type { ViewFits } from '@lib/platform';
import { credentialId, timestamp } from '@lib/contracts';
import { z } from 'zod';
import { dataIntegrityCredentialView } from '../direct-issuing/direct-issuing.view-schema';
import type { DidAuthRequest, WalletDeliveryView, WalletOfferView } from './wallet-exchanges.service';

/** `WalletOfferView` as the API documents it. */
export const walletOfferView = z.object({
  exchangeId: z.string(),
  credentialId,
  exchangeUrl: z.url().describe('the VC-API exchange: POST `{}`, then the DIDAuth presentation'),
  walletRequest: z
    .object({
      credentialRequestOrigin: z.url(),
      protocols: z.object({ vcapi: z.url() }),
    })
    .describe("the wallet request (the Learner Credential Wallet's `request` parameter)"),
  deepLink: z.string().startsWith('dccrequest://').describe('opens the Learner Credential Wallet'),
  appLink: z.url().describe('the same as an https link, for a QR code'),
  expiresAt: timestamp,
});

/** `DidAuthRequest`: the W3C Verifiable Presentation Request the exchange answers `{}` with. */
export const didAuthRequestView = z.object({
  verifiablePresentationRequest: z.object({
    query: z.array(
      z.object({
        type: z.literal('DIDAuthentication'),
        acceptedMethods: z.array(z.object({ method: z.string() })),
      }),
    ),
    challenge: z.string(),
    domain: z.string(),
    interact: z.object({
      service: z.array(z.object({ type: z.string(), serviceEndpoint: z.url() })),
    }),
  }),
});

/** `WalletDeliveryView`: the presentation carrying the credential, bound to the wallet's DID. */
export const walletDeliveryView = z.object({
  verifiablePresentation: z.object({
    '@context': z.array(z.string()),
    type: z.array(z.string()),
    verifiableCredential: z.array(dataIntegrityCredentialView),
  }),
});

export const walletExchangeAnswerView = z.union([didAuthRequestView, walletDeliveryView]);

// What the service returns fits what the document says (checked by the compiler).
export type WalletOfferViewFits = ViewFits<WalletOfferView, typeof walletOfferView>;
export type DidAuthRequestViewFits = ViewFits<DidAuthRequest, typeof didAuthRequestView>;
export type WalletDeliveryViewFits = ViewFits<WalletDeliveryView, typeof walletDeliveryView>;
