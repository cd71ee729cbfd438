import { type Actor, CurrentActor, Roles } from '@lib/auth';
import { ApiErrors, ApiZodBody, ApiZodResponse, validate } from '@lib/platform';
import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  type OptionalReasonBody,
  optionalReasonBody,
  type ReasonBody,
  reasonBody,
  statusCredentialId,
} from './credential-status.dto';
import { CredentialStatusService } from './credential-status.service';
import { credentialStatusView } from './credential-status.view-schema';

const credentialIdParam = validate(statusCredentialId, 'credentialId');

@ApiTags('revocation and suspension')
@ApiBearerAuth()
@Roles('registrar')
@Controller('api/credentials/credentials/:credentialId')
export class CredentialStatusController {
  constructor(private readonly statuses: CredentialStatusService) {}

  @Post('revocation')
  @ApiErrors([409, 'The credential is revoked already'])
  @HttpCode(200)
  @ApiZodBody(reasonBody)
  @ApiOperation({ summary: 'Revoke a credential, permanently, with the reason (registrar)' })
  @ApiZodResponse(credentialStatusView, { description: 'The credential’s status now' })
  revoke(
    @CurrentActor() actor: Actor,
    @Param('credentialId', credentialIdParam) id: string,
    @Body(validate(reasonBody)) body: ReasonBody,
  ) {
    return this.statuses.change(actor, id, 'revoke', body.reason);
  }

  @Post('suspension')
  @ApiErrors([
    409,
    'The credential is revoked, or suspended already, or carries a revocation entry only (issued through the VC-API, or a learner record)',
  ])
  @HttpCode(200)
  @ApiZodBody(reasonBody)
  @ApiOperation({ summary: 'Suspend a credential until it is reinstated (registrar)' })
  @ApiZodResponse(credentialStatusView, { description: 'The credential’s status now' })
  suspend(
    @CurrentActor() actor: Actor,
    @Param('credentialId', credentialIdParam) id: string,
    @Body(validate(reasonBody)) body: ReasonBody,
  ) {
    return this.statuses.change(actor, id, 'suspend', body.reason);
  }

  @Post('reinstatement')
  @ApiErrors([
    409,
    'The credential is revoked, or not suspended, or carries a revocation entry only (issued through the VC-API, or a learner record)',
  ])
  @HttpCode(200)
  @ApiZodBody(optionalReasonBody)
  @ApiOperation({ summary: 'Reinstate a suspended credential (registrar)' })
  @ApiZodResponse(credentialStatusView, { description: 'The credential’s status now' })
  reinstate(
    @CurrentActor() actor: Actor,
    @Param('credentialId', credentialIdParam) id: string,
    @Body(validate(optionalReasonBody)) body: OptionalReasonBody,
  ) {
    return this.statuses.change(actor, id, 'reinstate', body.reason);
  }
}
