import { Public } from '@lib/auth';
import { ApiZodBody, validate } from '@lib/platform';
import type { PartnerQuestion, VerificationResult } from '@lib/vc';
import {
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  Post,
  Query,
  Req,
  UnsupportedMediaTypeException,
  UseGuards,
} from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { z } from 'zod';
import { jwtsOfFile } from './batch-file';
import { VerificationRateLimitGuard } from './rate-limit.guard';
import {
  partnerQuestionQuery,
  type VcApiVerifyBody,
  vcApiVerifyBody,
  verifyBatchBody,
  verifyBody,
} from './verification.dto';
import { VerificationService } from './verification.service';

const pdfQuery = z.strictObject({ holderEmail: z.email().max(320).optional() });
const tokenParam = validate(z.string().regex(/^[A-Za-z0-9_-]{32}$/, 'is not a share link'), 'token');

/** Public verification: no account, limited per client. */
@ApiTags('verification')
@Public()
@UseGuards(VerificationRateLimitGuard)
@Controller('api/credentials')
export class VerificationController {
  constructor(private readonly verification: VerificationService) {}

  @Post('verify')
  @HttpCode(200)
  @ApiZodBody(verifyBody, 'or the PDF certificate itself, sent as application/pdf')
  @ApiOperation({
    summary: 'Verify one credential: the overall status, what it certifies, and each check (public)',
  })
  async verify(@Req() request: Request): Promise<VerificationResult> {
    if (request.is('application/pdf')) {
      if (!Buffer.isBuffer(request.body))
        throw new UnsupportedMediaTypeException('Send the PDF as the request body.');
      const { holderEmail } = validate(pdfQuery).transform(request.query);
      return this.verification.verifyPdf(new Uint8Array(request.body), holderEmail ? { holderEmail } : {});
    }
    const body = validate(verifyBody).transform(jsonBody(request));
    return this.verification.verify(
      body.credential,
      body.holderEmail ? { holderEmail: body.holderEmail } : {},
    );
  }

  @Post('verify/batch')
  @HttpCode(200)
  @ApiZodBody(verifyBatchBody, 'or a text/csv or text/plain file with one JWT per line')
  @ApiOperation({
    summary: 'Verify up to 1,000 credentials at once; one result per credential, in order (public)',
  })
  async verifyBatch(@Req() request: Request) {
    const body =
      request.is('text/csv') || request.is('text/plain')
        ? { credentials: jwtsOfFile(String(request.body ?? '')) }
        : validate(verifyBatchBody).transform(jsonBody(request));
    const results = await this.verification.verifyMany(
      body.credentials,
      'holderEmail' in body && body.holderEmail ? { holderEmail: body.holderEmail } : {},
    );
    const counts: Record<string, number> = {};
    for (const result of results) counts[result.status] = (counts[result.status] ?? 0) + 1;
    return { total: results.length, counts, results: results.map((result, index) => ({ index, ...result })) };
  }

  /** W3C VC-API: `verified`, the checks that passed, and the problems found as errors. */
  @Post('credentials/verify')
  @HttpCode(200)
  @ApiZodBody(vcApiVerifyBody)
  @ApiOperation({ summary: 'W3C VC-API compatible verification (public)' })
  async vcApiVerify(@Body(validate(vcApiVerifyBody)) body: VcApiVerifyBody) {
    const result = await this.verification.verify(body.verifiableCredential);
    return {
      verified: result.verified,
      status: result.status,
      checks: result.checks.filter((check) => check.outcome === 'passed').map((check) => check.id),
      warnings: result.checks
        .filter((check) => check.outcome === 'skipped')
        .map((check) => ({ check: check.id, message: check.message })),
      errors: result.checks
        .filter((check) => check.outcome === 'failed' || check.outcome === 'error')
        .map((check) => ({ check: check.id, message: check.message })),
      result,
    };
  }

  /** What the partner check asks our records; a verifier elsewhere (our command line) asks it here. */
  @Get('partner-authorisations/check')
  @ApiOperation({
    summary: 'Was this partner authorised by this awarding body for this achievement on this day? (public)',
  })
  async partnerCheck(@Query(validate(partnerQuestionQuery)) question: PartnerQuestion) {
    return { authorised: await this.verification.partnerAuthorised(question) };
  }

  @Get('shared/:token/verification')
  @ApiOperation({ summary: 'Verify the credential a share link or certificate QR code shows (public)' })
  verifyShared(@Param('token', tokenParam) token: string): Promise<VerificationResult> {
    return this.verification.verifyShared(token);
  }
}

function jsonBody(request: Request): unknown {
  if (!request.is('application/json'))
    throw new UnsupportedMediaTypeException(
      'Send JSON (application/json), or the PDF certificate as application/pdf.',
    );
  return request.body;
}
