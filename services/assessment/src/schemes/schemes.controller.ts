import { type Actor, CurrentActor, Roles } from '@lib/auth';
import { ApiZodBody, IdParam, validate } from '@lib/platform';
import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { type CreateSchemeBody, createSchemeBody } from './scheme.dto';
import { SchemesService } from './schemes.service';

@ApiTags('assessment schemes')
@ApiBearerAuth()
@Controller('api/assessment/schemes')
export class SchemesController {
  constructor(private readonly schemes: SchemesService) {}

  @Post()
  @ApiZodBody(createSchemeBody)
  @Roles('registrar')
  @ApiOperation({
    summary: 'Set how a course is assessed: components, pass marks, grade bands, attempts (registrar)',
  })
  create(@CurrentActor() actor: Actor, @Body(validate(createSchemeBody)) body: CreateSchemeBody) {
    return this.schemes.create(actor, body);
  }

  @Get(':courseId')
  @ApiOperation({ summary: "A course's assessment scheme" })
  get(@CurrentActor() actor: Actor, @Param('courseId', IdParam) courseId: string) {
    return this.schemes.get(actor, courseId);
  }
}
