import { Public } from '@lib/auth';
import { ApiErrorOr, ApiErrors, ApiZodBody, ApiZodResponse, validate, ZodQuery } from '@lib/platform';
import type { PartnerQuestion, VerificationResult } from '@lib/vc';
import { Body, Controller, Get, HttpCode, Param, Post, Query, Req, Res, UseGuards } from '@nestjs/common';
import { ApiOperation, ApiQuery, type ApiQueryOptions, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { shareTokenParam } from '../sharing/share-token';
import { DEFAULT_PDF_MAX_BYTES } from '../uploads/upload-limits';
import type { BatchSummary } from './batch-summary';
import { PresentationVerificationService } from './presentation-verification.service';
import {
  type PresentationVcApiRejection,
  type PresentationVcApiResult,
  presentationRejectionOf,
} from './presentation-result';
import { presentationRejectionView, presentationResultView } from './presentation.view-schema';
import { VerificationRateLimitGuard } from './rate-limit.guard';
import { type VcApiRejection, type VcApiResult, vcApiRejectionOf } from './vc-api-result';
import {
  type HoldQuestion,
  holdQuestionQuery,
  partnerQuestionQuery,
  trustedByQuery,
  type VcApiVerifyBody,
  vcApiVerifyBody,
  verifyBatchBody,
  type VerifyPresentationBody,
  verifyPresentationBody,
  verifyBody,
} from './verification.dto';
import { batchUploadOf, trustScope, verifySubmissionOf } from './verification-request';
import { VerificationService } from './verification.service';
import {
  batchSummaryView,
  holdCheckView,
  partnerCheckView,
  vcApiRejectionView,
  vcApiResultView,
  verificationResultView,
} from './verification.view-schema';

/** `?organisationId=`: verify with that awarding body's trust list besides the hub-wide one. */
const TRUSTED_BY: ApiQueryOptions = {
  name: 'organisationId',
  required: false,
  schema: { type: 'string', format: 'uuid' },
  description:
    'The awarding body asking: external issuers on its trust list count as trusted, besides the hub-wide list and our own awarding bodies. Without it, the hub-wide list alone (the public page). 404 when no such awarding body.',
};

const PDF_LIMIT = `at most VERIFY_PDF_MAX_BYTES bytes (${DEFAULT_PDF_MAX_BYTES.toLocaleString('en-GB')} unless configured)`;
const BUSY = 'every worker that reads uploads is busy and the queue is full; retry after Retry-After seconds';

/** Public verification: no account, limited per client. */
@ApiTags('verification')
@Public()
@UseGuards(VerificationRateLimitGuard)
@ApiErrors(429)
@Controller('api/credentials')
export class VerificationController {
  constructor(
    private readonly verification: VerificationService,
    private readonly presentations: PresentationVerificationService,
  ) {}

  @Post('verify')
  @HttpCode(200)
  @ApiQuery(TRUSTED_BY)
  @ApiErrors([404, 'No awarding body with the `organisationId` given'])
  @ApiZodBody(verifyBody, `or the PDF certificate itself, sent as application/pdf: ${PDF_LIMIT}`)
  @ApiOperation({
    summary: 'Verify one credential: the overall status, what it certifies, and each check (public)',
  })
  @ApiErrors(
    [413, `the PDF is larger than the limit: ${PDF_LIMIT}`],
    [
      422,
      'the PDF is not one (no %PDF- header, no startxref and %%EOF at its end), cannot be read, carries no credential or one over 256 KB, or took longer than VERIFY_PDF_TIME_LIMIT_MS (500 ms) or more than UPLOAD_MEMORY_LIMIT_MB (256 MB) to read',
    ],
    [503, BUSY],
  )
  @ApiZodResponse(verificationResultView, { description: 'The verification result' })
  verify(@Req() request: Request): Promise<VerificationResult> {
    return this.verification.verifySubmission(verifySubmissionOf(request));
  }

  @Post('verify/batch')
  @HttpCode(200)
  @ApiQuery(TRUSTED_BY)
  @ApiErrors([404, 'No awarding body with the `organisationId` given'])
  @ApiZodBody(verifyBatchBody, 'or a text/csv or text/plain file with one JWT per line; 8 MB at most')
  @ApiOperation({
    summary: 'Verify up to 1,000 credentials at once; one result per credential, in order (public)',
  })
  @ApiErrors(
    [
      400,
      'the body is not valid JSON, holds more than 200,000 objects, arrays, keys and items, or fails the schema; or the file holds no credentials or more than 1,000',
    ],
    [413, 'the body or file is larger than 8 MB'],
    [
      422,
      'the body or file took longer than VERIFY_BATCH_TIME_LIMIT_MS (3,000 ms) or more than UPLOAD_MEMORY_LIMIT_MB (256 MB) to read',
    ],
    [503, BUSY],
  )
  @ApiZodResponse(batchSummaryView, { description: 'A result per credential, in order' })
  verifyBatch(@Req() request: Request): Promise<BatchSummary> {
    return this.verification.verifyBatch(batchUploadOf(request));
  }

  /**
   * W3C VC-API: 200 with `verified: true` and the checks that passed; a credential that does not verify is a 400
   * with `verified: false` and the problems as `errors` (conformance suites count only a 4xx as a rejection).
   */
  @Post('credentials/verify')
  @HttpCode(200)
  @ApiQuery(TRUSTED_BY)
  @ApiErrors([404, 'No awarding body with the `organisationId` given'])
  @ApiZodBody(vcApiVerifyBody)
  @ApiOperation({ summary: 'W3C VC-API compatible verification (public)' })
  @ApiZodResponse(vcApiResultView, { description: 'Verified: every check that applies passed' })
  @ApiErrorOr(
    400,
    vcApiRejectionView,
    'The request is not valid (`errors` names each field), or the credential did not verify: `verified: false`, each failed check in `errors`',
  )
  async vcApiVerify(
    @Query('organisationId', validate(trustedByQuery, 'organisationId')) organisationId: string | undefined,
    @Body(validate(vcApiVerifyBody)) body: VcApiVerifyBody,
    @Res({ passthrough: true }) response: Response,
  ): Promise<VcApiResult | VcApiRejection> {
    const answer = await this.verification.verifyForVcApi(
      body.verifiableCredential,
      trustScope(organisationId),
    );
    if (answer.verified) return answer;
    response.status(400);
    return vcApiRejectionOf(answer);
  }

  /**
   * W3C VC-API: a holder's presentation (Data Integrity or VP-JWT, signed by the holder's did:key) with the
   * challenge and domain the verifier gave; verified when its proof, challenge and domain hold and every credential
   * in it verifies. Answered as `credentials/verify` is: 200, or 400 with `verified: false`.
   */
  @Post('presentations/verify')
  @HttpCode(200)
  @ApiQuery(TRUSTED_BY)
  @ApiErrors([404, 'No awarding body with the `organisationId` given'])
  @ApiZodBody(verifyPresentationBody)
  @ApiOperation({ summary: 'W3C VC-API compatible presentation verification (public)' })
  @ApiZodResponse(presentationResultView, {
    description: 'Verified: the holder’s proof, the challenge and domain, and every credential',
  })
  @ApiErrorOr(
    400,
    presentationRejectionView,
    'The request is not valid (`errors` names each field), or the presentation did not verify: `verified: false`, each failed check in `errors` (a credential’s with its `credentialIndex`)',
  )
  async vcApiVerifyPresentation(
    @Query('organisationId', validate(trustedByQuery, 'organisationId')) organisationId: string | undefined,
    @Body(validate(verifyPresentationBody)) body: VerifyPresentationBody,
    @Res({ passthrough: true }) response: Response,
  ): Promise<PresentationVcApiResult | PresentationVcApiRejection> {
    const answer = await this.presentations.verify(
      body.verifiablePresentation,
      body.options ?? {},
      trustScope(organisationId),
    );
    if (answer.verified) return answer;
    response.status(400);
    return presentationRejectionOf(answer);
  }

  /** What the partner check asks our records; a verifier elsewhere (our command line) asks it here. */
  @Get('partner-authorisations/check')
  @ApiErrors([404, 'The `issuerId` is not an issuer of ours'])
  @ApiOperation({
    summary: 'Was this partner authorised by this awarding body for this achievement on this day? (public)',
  })
  @ApiZodResponse(partnerCheckView, { description: 'Whether the partner was authorised' })
  partnerCheck(@ZodQuery(partnerQuestionQuery) question: PartnerQuestion): Promise<{ authorised: boolean }> {
    return this.verification.partnerCheck(question);
  }

  /** A hold (suspension) of one of our credentials: not in the credential (Open Badges 3.0 allows one status entry). */
  @Get('hold-check')
  @ApiErrors([404, 'The `issuerId` is not an issuer of ours'])
  @ApiOperation({
    summary: 'Is this credential of this awarding body on hold (suspended) now? (public)',
  })
  @ApiZodResponse(holdCheckView, { description: 'Whether the credential is suspended, and why' })
  holdCheck(
    @ZodQuery(holdQuestionQuery) question: HoldQuestion,
  ): Promise<{ suspended: boolean; reason?: string }> {
    return this.verification.holdCheck(question);
  }

  @Get('shared/:token/verification')
  @ApiOperation({ summary: 'Verify the credential a share link or certificate QR code shows (public)' })
  @ApiZodResponse(verificationResultView, { description: 'The verification result' })
  verifyShared(@Param('token', shareTokenParam) token: string): Promise<VerificationResult> {
    return this.verification.verifyShared(token);
  }
}
