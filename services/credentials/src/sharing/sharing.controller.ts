import { credentialId } from '@lib/contracts';
import { PAPER_SIZE_NAMES, type PaperSize } from '@lib/vc';
import { type Pagination, pageSchema, paginationQuery } from '@lib/persistence';
import { type Actor, CurrentActor, Public, Roles } from '@lib/auth';
import { ApiErrors, ApiFileResponse, ApiZodResponse, validate, ZodQuery } from '@lib/platform';
import { Controller, Get, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { z } from 'zod';
import { dataIntegrityCredentialView } from '../direct-issuing/direct-issuing.view-schema';
import { OFFLINE_BUNDLE_MEDIA_TYPE, offlineBundleView } from './offline-bundle.view-schema';
import { OfflineBundlesService } from './offline-bundles.service';
import { shareTokenParam } from './share-token';
import { credentialDocumentView, shareLinkView } from './share-link.view-schema';
import { type DownloadFormat, SharingService } from './sharing.service';

const credentialIdParam = validate(credentialId, 'credentialId');
const formatQuery = z.strictObject({
  format: z
    .enum(['jwt', 'json', 'pdf', 'data-integrity', 'bundle'])
    .default('json')
    .describe(
      'jwt: the signed .jwt; json: decoded and enveloped; pdf: a certificate carrying the JWT; data-integrity: the credential with an eddsa-rdfc-2022 proof, as the body’s DID; bundle: an offline bundle (the credential with its issuer’s keys, status lists, profile and trust-list entry as published now, sealed by the issuer) for `npm run -s verify -- --offline`',
    ),
  paper: z
    .enum(PAPER_SIZE_NAMES)
    .default('a4')
    .describe(
      "the certificate's paper (format=pdf), landscape: a4 (297 × 210 mm) or letter (US Letter, 11 × 8.5 in)",
    ),
});

@ApiTags('downloads and sharing')
@Controller('api/credentials')
export class SharingController {
  constructor(
    private readonly sharing: SharingService,
    private readonly bundles: OfflineBundlesService,
  ) {}

  @Get('learners/me/credentials/:credentialId/download')
  @ApiBearerAuth()
  @Roles('learner')
  @ApiOperation({
    summary:
      'Download your credential: ?format=jwt (the signed .jwt), json (decoded and enveloped), pdf (a certificate with a QR code to verify it and the JWT attached; ?paper=a4 or letter), data-integrity (the same credential with a Data Integrity proof) or bundle (an offline bundle, verifiable without the network)',
  })
  @ApiFileResponse({
    description: 'The credential as a file (an attachment), of the format asked for',
    types: {
      'application/vc+jwt': 'text',
      'application/json': credentialDocumentView,
      'application/pdf': 'binary',
      'application/vc': dataIntegrityCredentialView,
      'application/vnd.credit-bridge.offline-bundle+json': offlineBundleView,
    },
  })
  async download(
    @CurrentActor() actor: Actor,
    @Param('credentialId', credentialIdParam) credentialId: string,
    @ZodQuery(formatQuery) query: { format: DownloadFormat | 'bundle'; paper: PaperSize },
    @Res() response: Response,
  ): Promise<void> {
    if (query.format === 'bundle') {
      const bundle = await this.bundles.bundle(actor, credentialId);
      const name = `credential-${credentialId.slice('urn:uuid:'.length)}.bundle.json`;
      response
        .attachment(name)
        .type(OFFLINE_BUNDLE_MEDIA_TYPE)
        .send(JSON.stringify(bundle, null, 2));
      return;
    }
    const file = await this.sharing.download(actor, credentialId, query.format, query.paper);
    response.attachment(file.fileName).type(file.contentType).send(file.body);
  }

  @Post('learners/me/credentials/:credentialId/share-links')
  @ApiBearerAuth()
  @Roles('learner')
  @ApiOperation({
    summary: 'Make a link that shows this credential to anyone, until you withdraw it (learner)',
  })
  @ApiZodResponse(shareLinkView, { status: 201, description: 'The new share link' })
  share(@CurrentActor() actor: Actor, @Param('credentialId', credentialIdParam) credentialId: string) {
    return this.sharing.share(actor, credentialId);
  }

  @Get('learners/me/share-links')
  @ApiBearerAuth()
  @Roles('learner')
  @ApiOperation({ summary: 'Your share links, live and withdrawn, newest first (learner)' })
  @ApiZodResponse(pageSchema(shareLinkView), { description: 'A page of your share links' })
  links(@CurrentActor() actor: Actor, @ZodQuery(paginationQuery) pagination: Pagination) {
    return this.sharing.linksOf(actor, pagination);
  }

  @Post('learners/me/share-links/:token/withdrawal')
  @ApiErrors([409, 'The share link is withdrawn already'])
  // Named, as Nest documents the @HttpCode success only when an operation names no answers.
  @ApiResponse({ status: 204, description: 'The share link is withdrawn' })
  @HttpCode(204)
  @ApiBearerAuth()
  @Roles('learner')
  @ApiOperation({ summary: 'Withdraw a share link (learner)' })
  withdraw(@CurrentActor() actor: Actor, @Param('token', shareTokenParam) token: string): Promise<void> {
    return this.sharing.withdraw(actor, token);
  }

  @Get('shared/:token')
  @Public()
  @ApiOperation({ summary: 'What a share link shows: the credential, signed and decoded (public)' })
  @ApiZodResponse(credentialDocumentView, { description: 'The credential, signed and decoded' })
  open(@Param('token', shareTokenParam) token: string) {
    return this.sharing.open(token);
  }
}
