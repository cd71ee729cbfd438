import { type Actor, CurrentActor, Roles } from '@lib/auth';
import { ApiErrors, ApiZodBody, ApiZodResponse, IdParam, validate } from '@lib/platform';
import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { type CreateSchemeBody, createSchemeBody } from './scheme.dto';
import { schemeView } from './scheme.view-schema';
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
  @ApiZodResponse(schemeView, { status: 201, description: 'The scheme set' })
  @ApiErrors(
    [404, 'No course with the `courseId` given, of your awarding body'],
    [409, 'The course has an assessment scheme already'],
  )
  create(@CurrentActor() actor: Actor, @Body(validate(createSchemeBody)) body: CreateSchemeBody) {
    return this.schemes.create(actor, body);
  }

  @Get(':courseId')
  @ApiOperation({ summary: "A course's assessment scheme" })
  @ApiZodResponse(schemeView, { description: 'The scheme' })
  get(@CurrentActor() actor: Actor, @Param('courseId', IdParam) courseId: string) {
    return this.schemes.get(actor, courseId);
  }
}
