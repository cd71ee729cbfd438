import { type Actor, CurrentActor, Roles } from '@lib/auth';
import { ApiErrors, ApiZodBody, ApiZodResponse, validate } from '@lib/platform';
import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { DirectIssuer, type IssuedByApi } from './direct-issuer';
import { issuedByApiView } from './direct-issuing.view-schema';
import { type VcApiIssueBody, vcApiIssueBody } from './vc-api-issue.dto';

/** The W3C VC-API issuer of the awarding bodies' credentials. */
@ApiTags('VC-API')
@Controller('api/credentials')
export class DirectIssuingController {
  constructor(private readonly issuer: DirectIssuer) {}

  @Post('credentials/issue')
  @HttpCode(201)
  @ApiBearerAuth()
  @Roles('registrar')
  @ApiOperation({
    summary:
      'W3C VC-API issue: sign a VC 2.0 credential as your awarding body (registrar, or a service of the body with a client-credentials token)',
  })
  @ApiZodBody(vcApiIssueBody)
  @ApiErrors(
    [403, 'The caller’s organisation is not an awarding body'],
    [409, 'A credential with this id has been issued already'],
    [
      422,
      'The credential is well formed but cannot be issued: another issuer, a context not bundled here, a term no context defines, a credentialStatus or proof sent, or an Open Badges credential that breaks the Open Badges rules',
    ],
  )
  @ApiZodResponse(issuedByApiView, { status: 201, description: 'The credential as issued' })
  issue(
    @CurrentActor() actor: Actor,
    @Body(validate(vcApiIssueBody)) body: VcApiIssueBody,
  ): Promise<IssuedByApi> {
    return this.issuer.issue(actor, body);
  }
}
