import { type Actor, CurrentActor, Roles } from '@lib/auth';
import { type Pagination, pageSchema, paginationQuery } from '@lib/persistence';
import { ApiErrors, ApiZodBody, ApiZodResponse, IdParam, validate, ZodQuery } from '@lib/platform';
import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { type PublishCourseBody, publishCourseBody } from './course.dto';
import { courseView } from './course.view-schema';
import { CoursesService } from './courses.service';

@ApiTags('courses')
@ApiBearerAuth()
@Controller('api/enrolment/courses')
export class CoursesController {
  constructor(private readonly courses: CoursesService) {}

  @Post()
  @ApiErrors([409, 'Your awarding body has a course with this code already'])
  @ApiZodBody(publishCourseBody)
  @Roles('registrar')
  @ApiOperation({ summary: 'Publish a course of your awarding body (registrar)' })
  @ApiZodResponse(courseView, { status: 201, description: 'The course published' })
  publish(@CurrentActor() actor: Actor, @Body(validate(publishCourseBody)) body: PublishCourseBody) {
    return this.courses.publish(actor, body);
  }

  @Get()
  @Roles('registrar', 'partner', 'assessor')
  @ApiOperation({ summary: "Your awarding body's courses, or (partner) the courses you are authorised for" })
  @ApiZodResponse(pageSchema(courseView), { description: 'A page of courses' })
  list(@CurrentActor() actor: Actor, @ZodQuery(paginationQuery) pagination: Pagination) {
    return this.courses.list(actor, pagination);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One course' })
  @ApiZodResponse(courseView, { description: 'The course' })
  get(@CurrentActor() actor: Actor, @Param('id', IdParam) id: string) {
    return this.courses.get(actor, id);
  }
}
