import { credentialId } from '@lib/contracts';
import { MAX_RECORD_JWT_BYTES } from '@lib/vc';
import { z } from 'zod';

/** The most credentials one batch may hold. */
export const MAX_BATCH = 1000;

/**
 * A JSON object, checked in constant time: a record schema checks every key, and an object of tens of thousands of
 * keys (a 256 kB body holds that many) would hold the event loop for 100 ms or more. What it holds is verification's
 * business.
 */
const jsonObject = z
  .custom<Record<string, unknown>>(
    (value) => typeof value === 'object' && value !== null && !Array.isArray(value),
    'must be a JSON object',
  )
  .meta({ type: 'object', additionalProperties: {} });

/** A credential as it may be handed over: the compact JWT, or a JSON form carrying it. */
const credentialInput = z
  .union([z.string().min(1).max(200_000), jsonObject])
  .describe('the compact VC-JWT, its enveloped JSON form, or our JSON download');

/**
 * One credential verified on its own may be a learner record (CLR 2.0), which holds its credentials whole: its
 * compact JWT may be up to MAX_RECORD_JWT_BYTES; every other credential is still refused over 64 KB by verification.
 */
const singleCredentialInput = z
  .union([z.string().min(1).max(MAX_RECORD_JWT_BYTES), jsonObject])
  .describe('the compact VC-JWT, its enveloped JSON form, or our JSON download');

export const verifyBody = z.strictObject({
  credential: singleCredentialInput.describe(
    'the compact VC-JWT, its enveloped JSON form, our JSON download, or an offline bundle (download ?format=bundle), verified without fetching anything',
  ),
  holderEmail: z.email().max(320).optional().describe('checked against the hashed email in the credential'),
});
export type VerifyBody = z.output<typeof verifyBody>;

export const verifyBatchBody = z.strictObject({
  holderEmail: z.email().max(320).optional().describe('checked against every credential of the batch'),
  credentials: z
    .array(credentialInput)
    .min(1, 'send at least one credential')
    .max(MAX_BATCH, `at most ${MAX_BATCH.toLocaleString('en-GB')} credentials in one batch`),
});

/** W3C VC-API `POST /credentials/verify`. */
export const vcApiVerifyBody = z.object({
  verifiableCredential: singleCredentialInput,
  options: jsonObject.optional(),
});
export type VcApiVerifyBody = z.output<typeof vcApiVerifyBody>;

/**
 * `?organisationId=` on the verification API: which awarding body asks. Its own trust list is used besides the
 * hub-wide one; without it, the hub-wide list alone (the public page's).
 */
export const trustedByQuery = z
  .uuid('must be a uuid')
  .optional()
  .describe(
    'the awarding body whose trust list (with the hub-wide list) decides which external issuers are trusted; without it, the hub-wide list alone',
  );
export const verificationScopeQuery = z.object({ organisationId: trustedByQuery });

export const partnerQuestionQuery = z.strictObject({
  issuerId: z.url().max(500).describe('the awarding body, as issuer'),
  partnerId: z.string().min(1).max(200).describe('the delivering partner organisation'),
  achievementId: z.url().max(500).describe('the achievement'),
  awardedOn: z.iso.date().describe('the day it was awarded'),
});

/** The hold check: is this credential of this awarding body on hold (suspended) now? */
export const holdQuestionQuery = z.strictObject({
  issuerId: z.url().max(500).describe('the awarding body, as issuer'),
  credentialId: credentialId.describe('the credential’s id (`urn:uuid:...`)'),
});
export type HoldQuestion = z.output<typeof holdQuestionQuery>;

/** W3C VC-API `POST /presentations/verify`: the challenge and domain the verifier gave the holder, when it did. */
export const verifyPresentationBody = z.strictObject({
  verifiablePresentation: z
    .union([z.string().min(1).max(200_000), jsonObject])
    .describe(
      'a Data Integrity presentation (eddsa-rdfc-2022, proofPurpose authentication), a VP-JWT, or its enveloped form',
    ),
  options: z
    .strictObject({
      challenge: z.string().min(1).max(1000).optional().describe('the nonce the holder was given'),
      domain: z.string().min(1).max(1000).optional().describe('the verifier the presentation is meant for'),
    })
    .optional(),
});
export type VerifyPresentationBody = z.output<typeof verifyPresentationBody>;
