import { credentialId } from '@lib/contracts';
import { type Actor, CurrentActor, Public, Roles } from '@lib/auth';
import { ApiErrors, ApiZodBody, ApiZodResponse, validate } from '@lib/platform';
import { Body, Controller, Get, Headers, HttpCode, Param, Post, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { VerificationRateLimitGuard } from '../verification/rate-limit.guard';
import { Oid4vciService } from './oid4vci.service';
import {
  authorisationServerView,
  credentialRequestBody,
  credentialResponseView,
  issuerMetadataView,
  oid4vciOfferView,
  tokenView,
} from './oid4vci.view-schema';

const credentialIdParam = validate(credentialId, 'credentialId');

/** OpenID for Verifiable Credential Issuance, pre-authorised code flow, for EU wallets. */
@ApiTags('wallets')
@Controller('api/credentials')
export class Oid4vciController {
  constructor(private readonly oid4vci: Oid4vciService) {}

  @Post('learners/me/credentials/:credentialId/oid4vci-offers')
  @ApiBearerAuth()
  @Roles('learner')
  @ApiOperation({ summary: 'Offer your credential to an OpenID4VCI wallet once, with a PIN (learner)' })
  @ApiZodResponse(oid4vciOfferView, { status: 201, description: 'The new offer' })
  offer(@CurrentActor() actor: Actor, @Param('credentialId', credentialIdParam) id: string) {
    return this.oid4vci.offer(actor, id);
  }

  @Get('oid4vci/.well-known/openid-credential-issuer')
  @Public()
  @ApiOperation({ summary: 'OpenID4VCI credential issuer metadata (public)' })
  @ApiZodResponse(issuerMetadataView, { description: 'The issuer metadata' })
  metadata() {
    return this.oid4vci.metadata();
  }

  @Get('oid4vci/.well-known/oauth-authorization-server')
  @Public()
  @ApiOperation({ summary: 'OAuth authorisation server metadata of the OpenID4VCI issuer (public)' })
  @ApiZodResponse(authorisationServerView, { description: 'The authorisation server metadata' })
  authorisationServer() {
    return this.oid4vci.authorisationServer();
  }

  @Post('oid4vci/token')
  @Public()
  @UseGuards(VerificationRateLimitGuard)
  @HttpCode(200)
  @ApiOperation({ summary: 'OpenID4VCI token endpoint: the pre-authorised code and its PIN, once (public)' })
  @ApiErrors(429)
  @ApiZodResponse(tokenView, { description: 'The access token and the nonce to sign' })
  token(@Body() body: unknown) {
    return this.oid4vci.token(formOf(body));
  }

  @Post('oid4vci/credential')
  @Public()
  @UseGuards(VerificationRateLimitGuard)
  @HttpCode(200)
  @ApiOperation({
    summary: 'OpenID4VCI credential endpoint: the access token and a proof of possession (public)',
  })
  @ApiZodBody(credentialRequestBody)
  @ApiErrors(
    429,
    [401, 'The access token is not valid (`error`: invalid_token)'],
    [410, 'The offer has delivered its credential already'],
  )
  @ApiZodResponse(credentialResponseView, { description: 'The credential, bound to the proven DID' })
  credential(
    @Headers('authorization') authorization: string | undefined,
    @Body(validate(credentialRequestBody)) body: Record<string, unknown>,
  ) {
    return this.oid4vci.credential(authorization, body);
  }
}

/** A token request, form-encoded as OAuth asks (read as text) or as JSON. */
function formOf(body: unknown): Record<string, string | undefined> {
  if (typeof body === 'string') return Object.fromEntries(new URLSearchParams(body));
  if (body === null || typeof body !== 'object') return {};
  return Object.fromEntries(
    Object.entries(body).map(([key, value]) => [key, typeof value === 'string' ? value : undefined]),
  );
}
