import { z } from 'zod';

/**
 * A VC-API exchange message from a wallet: `{}` to start (answered with the DIDAuth request), then
 * `{ verifiablePresentation }` signed with the challenge and domain asked for (what the Learner Credential Wallet
 * sends); nothing else.
 */
export const walletExchangeBody = z.strictObject({
  verifiablePresentation: z
    .union([z.record(z.string(), z.unknown()), z.string().min(1)])
    .optional()
    .describe(
      "the DIDAuth presentation: a Data Integrity presentation (proofPurpose authentication; VC Data Model 2.0, or 1.1 with no credentials as older Learner Credential Wallet builds sign it) or a VP-JWT, by the wallet's did:key, with the challenge and domain of the request",
    ),
});
export type WalletExchangeBody = z.output<typeof walletExchangeBody>;
