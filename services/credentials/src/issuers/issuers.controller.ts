import { type Actor, CurrentActor, Public, Roles } from '@lib/auth';
import { ApiFileResponse, ApiZodBody, ApiZodResponse, IdParam, validate } from '@lib/platform';
import { ISSUER_KEY_ALGORITHMS, type IssuerKeyAlgorithm } from '@lib/vc';
import { Body, Controller, Get, Header, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import {
  didDocumentView,
  issuerProfileView,
  jwkSetView,
  keyView,
  publishedJwkView,
} from './issuer.view-schema';
import { IssuersService } from './issuers.service';

const rotateBody = z.strictObject({
  algorithm: z
    .enum(ISSUER_KEY_ALGORITHMS as [IssuerKeyAlgorithm, ...IssuerKeyAlgorithm[]])
    .default('ES256')
    .describe(
      'ES256 or RS256: the VC-JWT key; Ed25519: the Data Integrity key (each family has its own active key)',
    ),
});
const keyIdParam = validate(z.string().regex(/^[A-Za-z0-9_-]{43}$/, 'is not a key id'), 'keyId');

@ApiTags('issuers and keys')
@Controller('api/credentials')
export class IssuersController {
  constructor(private readonly issuers: IssuersService) {}

  @Get('issuers/:id')
  @Public()
  @Header('Cache-Control', 'public, max-age=300')
  @ApiOperation({ summary: "An issuer's Open Badges Profile, at its id URL (public)" })
  @ApiZodResponse(issuerProfileView, { description: 'The issuer’s profile' })
  profile(@Param('id', IdParam) id: string) {
    return this.issuers.profile(id);
  }

  /** did:web: `did:web:<host>:api:credentials:issuers:<id>` resolves here; its Ed25519 keys sign Data Integrity proofs. */
  @Get('issuers/:id/did.json')
  @Public()
  @Header('Cache-Control', 'public, max-age=300')
  @ApiOperation({
    summary:
      "An issuer's DID document (did:web): its Data Integrity keys as Multikey verification methods (public)",
  })
  @ApiZodResponse(didDocumentView, { description: 'The DID document' })
  didDocument(@Param('id', IdParam) id: string) {
    return this.issuers.didDocument(id);
  }

  @Get('issuers/:id/keys/:keyId')
  @Public()
  @Header('Cache-Control', 'public, max-age=3600')
  @ApiOperation({ summary: 'One public JWK: what a credential’s kid URL returns (public)' })
  @ApiZodResponse(publishedJwkView, { description: 'The public JWK' })
  key(@Param('id', IdParam) id: string, @Param('keyId', keyIdParam) keyId: string) {
    return this.issuers.publicKey(id, keyId);
  }

  @Get('keys')
  @Public()
  @Header('Content-Type', 'application/jwk-set+json')
  @Header('Cache-Control', 'public, max-age=300')
  @ApiOperation({ summary: "Every issuer's current and retired public keys, as a JWK set (public)" })
  @ApiFileResponse({ description: 'The JWK set', types: { 'application/jwk-set+json': jwkSetView } })
  keySet() {
    return this.issuers.keySet();
  }

  @Get('issuers/:id/keys')
  @ApiBearerAuth()
  @Roles('registrar')
  @ApiOperation({ summary: "Your awarding body's signing keys, newest (active) first (registrar)" })
  @ApiZodResponse(z.array(keyView), { description: 'The signing keys, newest first' })
  keys(@CurrentActor() actor: Actor, @Param('id', IdParam) id: string) {
    return this.issuers.keys(actor, id);
  }

  @Post('issuers/:id/keys/rotation')
  @ApiBearerAuth()
  @Roles('registrar')
  @ApiZodBody(rotateBody)
  @ApiOperation({
    summary: 'Rotate: a new key of that family becomes active; old keys stay published (registrar)',
  })
  @ApiZodResponse(keyView, { status: 201, description: 'The new active key' })
  rotate(
    @CurrentActor() actor: Actor,
    @Param('id', IdParam) id: string,
    @Body(validate(rotateBody)) body: z.output<typeof rotateBody>,
  ) {
    return this.issuers.rotate(actor, id, body.algorithm);
  }
}
