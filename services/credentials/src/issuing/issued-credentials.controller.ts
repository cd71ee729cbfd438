import { type Pagination, pageSchema, paginationQuery } from '@lib/persistence';
import { ApiZodResponse, ZodQuery } from '@lib/platform';
import { type Actor, CurrentActor, Roles } from '@lib/auth';
import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { type BodyCredentialsQuery, bodyCredentialsQuery } from './body-credentials.dto';
import {
  awardHoldView,
  issuedCredentialView,
  registrarCredentialView,
} from './issued-credential.view-schema';
import { IssuedCredentialsService } from './issued-credentials.service';

@ApiTags('credentials')
@ApiBearerAuth()
@Controller('api/credentials')
export class IssuedCredentialsController {
  constructor(private readonly issued: IssuedCredentialsService) {}

  @Get('learners/me/credentials')
  @Roles('learner')
  @ApiOperation({ summary: 'Your credentials, each with its signed JWT (learner)' })
  @ApiZodResponse(pageSchema(issuedCredentialView), { description: 'A page of your credentials' })
  own(@CurrentActor() actor: Actor, @ZodQuery(paginationQuery) pagination: Pagination) {
    return this.issued.ownCredentials(actor, pagination);
  }

  @Get('holds')
  @Roles('registrar')
  @ApiOperation({
    summary: 'Credentials earned but held, with the reason, for your awarding body (registrar)',
  })
  @ApiZodResponse(pageSchema(awardHoldView), { description: 'A page of held awards' })
  holds(@CurrentActor() actor: Actor, @ZodQuery(paginationQuery) pagination: Pagination) {
    return this.issued.holdsOf(actor, pagination);
  }

  @Get('awarding-body/credentials')
  @Roles('registrar')
  @ApiOperation({
    summary:
      'Your awarding body’s credentials, newest first, by learner and/or course, each with its status (registrar)',
  })
  @ApiZodResponse(pageSchema(registrarCredentialView), { description: 'A page of credentials' })
  bodyCredentials(@CurrentActor() actor: Actor, @ZodQuery(bodyCredentialsQuery) query: BodyCredentialsQuery) {
    return this.issued.bodyCredentials(actor, query);
  }
}
