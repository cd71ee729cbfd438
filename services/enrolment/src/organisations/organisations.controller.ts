import { type Actor, CurrentActor, Roles } from '@lib/auth';
import { type Pagination, pageSchema, paginationQuery } from '@lib/persistence';
import { ApiErrors, ApiZodBody, ApiZodResponse, IdParam, validate, ZodQuery } from '@lib/platform';
import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { type RegisterOrganisationBody, registerOrganisationBody } from './organisation.dto';
import { OrganisationsService } from './organisations.service';
import { organisationView } from './organisation.view-schema';

@ApiTags('organisations')
@ApiBearerAuth()
@Controller('api/enrolment/organisations')
export class OrganisationsController {
  constructor(private readonly organisations: OrganisationsService) {}

  @Post()
  @ApiErrors([409, 'An organisation of this name is registered already'])
  @ApiZodBody(registerOrganisationBody)
  @Roles('admin')
  @ApiOperation({ summary: 'Register an awarding body or a partner organisation (admin)' })
  @ApiZodResponse(organisationView, { status: 201, description: 'The organisation registered' })
  register(
    @CurrentActor() actor: Actor,
    @Body(validate(registerOrganisationBody)) body: RegisterOrganisationBody,
  ) {
    return this.organisations.register(actor, body);
  }

  @Get()
  @ApiOperation({ summary: 'Organisations: all for an admin, your own otherwise' })
  @ApiZodResponse(pageSchema(organisationView), { description: 'A page of organisations' })
  list(@CurrentActor() actor: Actor, @ZodQuery(paginationQuery) pagination: Pagination) {
    return this.organisations.list(actor, pagination);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One organisation (admin, or its own members)' })
  @ApiZodResponse(organisationView, { description: 'The organisation' })
  get(@CurrentActor() actor: Actor, @Param('id', IdParam) id: string) {
    return this.organisations.get(actor, id);
  }
}
