import { type Actor, CurrentActor, Roles } from '@lib/auth';
import { type Pagination, pageSchema, paginationQuery } from '@lib/persistence';
import { ApiErrors, ApiZodBody, ApiZodResponse, IdParam, validate, ZodQuery } from '@lib/platform';
import { Body, Controller, Get, Param, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { type ModuleBody, moduleBody, type ProgrammeBody, programmeBody, ruleBody } from './programme.dto';
import { programmeSummaryView, programmeView } from './programme.view-schema';
import { ProgrammesService } from './programmes.service';

const codeParam = validate(z.string().regex(/^[A-Z0-9-]{2,20}$/, 'is not a module code'), 'code');

@ApiTags('programmes')
@ApiBearerAuth()
@Controller('api/recognition/programmes')
export class ProgrammesController {
  constructor(private readonly programmes: ProgrammesService) {}

  @Post()
  @ApiErrors([409, 'Your awarding body has a programme with this code already'])
  @Roles('registrar')
  @ApiZodBody(programmeBody)
  @ApiOperation({ summary: 'Create a programme with its modules and recognition policy (registrar)' })
  @ApiZodResponse(programmeView, { status: 201, description: 'The programme created' })
  create(@CurrentActor() actor: Actor, @Body(validate(programmeBody)) body: ProgrammeBody) {
    return this.programmes.create(actor, body);
  }

  @Get()
  @ApiOperation({ summary: 'Programmes (anyone signed in)' })
  @ApiZodResponse(pageSchema(programmeSummaryView), { description: 'A page of programmes' })
  list(@ZodQuery(paginationQuery) pagination: Pagination) {
    return this.programmes.list(pagination);
  }

  @Get(':id')
  @ApiOperation({ summary: 'A programme, its policy, modules and rules (anyone signed in)' })
  @ApiZodResponse(programmeView, { description: 'The programme' })
  get(@Param('id', IdParam) id: string) {
    return this.programmes.view(id);
  }

  @Post(':id/modules')
  @ApiErrors([409, 'The programme has a module with this code already'])
  @Roles('registrar')
  @ApiZodBody(moduleBody)
  @ApiOperation({ summary: 'Add a module (registrar of the awarding body)' })
  @ApiZodResponse(programmeView, { status: 201, description: 'The programme with the module' })
  addModule(
    @CurrentActor() actor: Actor,
    @Param('id', IdParam) id: string,
    @Body(validate(moduleBody)) body: ModuleBody,
  ) {
    return this.programmes.addModule(actor, id, body);
  }

  @Put(':id/modules/:code/rule')
  @Roles('registrar')
  @ApiZodBody(ruleBody)
  @ApiOperation({ summary: 'Set a module’s recognition rule (registrar of the awarding body)' })
  @ApiZodResponse(programmeView, { description: 'The programme with the rule set' })
  setRule(
    @CurrentActor() actor: Actor,
    @Param('id', IdParam) id: string,
    @Param('code', codeParam) code: string,
    @Body(validate(ruleBody)) body: z.output<typeof ruleBody>,
  ) {
    return this.programmes.setRule(actor, id, code, body.rule);
  }
}
