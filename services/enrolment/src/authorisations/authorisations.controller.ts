import { type Actor, CurrentActor, Roles } from '@lib/auth';
import { type Pagination, pageSchema, paginationQuery } from '@lib/persistence';
import { ApiErrors, ApiZodBody, ApiZodResponse, IdParam, validate, ZodQuery } from '@lib/platform';
import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  type GrantAuthorisationBody,
  grantAuthorisationBody,
  type WithdrawAuthorisationBody,
  withdrawAuthorisationBody,
} from './authorisation.dto';
import { authorisationView } from './authorisation.view-schema';
import { AuthorisationsService } from './authorisations.service';

@ApiTags('partner authorisations')
@ApiBearerAuth()
@Controller('api/enrolment/authorisations')
export class AuthorisationsController {
  constructor(private readonly authorisations: AuthorisationsService) {}

  @Post()
  @ApiErrors(
    [404, 'No course of your awarding body with the `courseId` given'],
    [409, 'The partner has an authorisation for this course from that date already'],
    [422, 'The `partnerId` is not a registered partner organisation'],
  )
  @ApiZodBody(grantAuthorisationBody)
  @Roles('registrar')
  @ApiOperation({ summary: 'Authorise a partner to deliver one of your courses from a date (registrar)' })
  @ApiZodResponse(authorisationView, { status: 201, description: 'The authorisation granted' })
  grant(@CurrentActor() actor: Actor, @Body(validate(grantAuthorisationBody)) body: GrantAuthorisationBody) {
    return this.authorisations.grant(actor, body);
  }

  @Post(':id/withdrawal')
  @ApiErrors([409, 'The authorisation is withdrawn already'])
  @ApiZodBody(withdrawAuthorisationBody)
  @HttpCode(200)
  @Roles('registrar')
  @ApiOperation({ summary: 'Withdraw an authorisation from a date, with the reason (registrar)' })
  @ApiZodResponse(authorisationView, { description: 'The authorisation with its withdrawal' })
  withdraw(
    @CurrentActor() actor: Actor,
    @Param('id', IdParam) id: string,
    @Body(validate(withdrawAuthorisationBody)) body: WithdrawAuthorisationBody,
  ) {
    return this.authorisations.withdraw(actor, id, body);
  }

  @Get()
  @Roles('registrar', 'partner')
  @ApiOperation({ summary: "Your awarding body's authorisations, or (partner) your own" })
  @ApiZodResponse(pageSchema(authorisationView), { description: 'A page of authorisations' })
  list(@CurrentActor() actor: Actor, @ZodQuery(paginationQuery) pagination: Pagination) {
    return this.authorisations.list(actor, pagination);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One authorisation' })
  @ApiZodResponse(authorisationView, { description: 'The authorisation' })
  get(@CurrentActor() actor: Actor, @Param('id', IdParam) id: string) {
    return this.authorisations.get(actor, id);
  }
}
