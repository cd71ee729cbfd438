import { type Pagination, paginationQuery } from '@lib/persistence';
import { type Actor, CurrentActor, Roles } from '@lib/auth';
import { ApiZodBody, IdParam, validate } from '@lib/platform';
import { Body, Controller, Get, Param, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { EnrolmentsService } from '../enrolments/enrolments.service';
import { type LearnerDetails, learnerDetails } from './learner.dto';
import { LearnersService } from './learners.service';

@ApiTags('learners')
@ApiBearerAuth()
@Controller('api/enrolment/learners')
export class LearnersController {
  constructor(
    private readonly learners: LearnersService,
    private readonly enrolments: EnrolmentsService,
  ) {}

  @Post()
  @ApiZodBody(learnerDetails)
  @Roles('registrar', 'partner')
  @ApiOperation({ summary: 'Register a learner by email (201), or find the one registered already (200)' })
  async register(
    @CurrentActor() actor: Actor,
    @Body(validate(learnerDetails)) body: LearnerDetails,
    @Res({ passthrough: true }) response: Response,
  ) {
    const { learner, created } = await this.learners.findOrRegister(actor, body);
    response.status(created ? 201 : 200);
    return { learnerId: learner._id, created };
  }

  @Get('me')
  @Roles('learner')
  @ApiOperation({ summary: 'Your own learner record (learner)' })
  own(@CurrentActor() actor: Actor) {
    return this.learners.own(actor);
  }

  @Get('me/enrolments')
  @Roles('learner')
  @ApiOperation({ summary: 'Your own enrolments (learner)' })
  ownEnrolments(@CurrentActor() actor: Actor, @Query(validate(paginationQuery)) pagination: Pagination) {
    return this.enrolments.listOwn(actor, pagination);
  }

  @Get(':id')
  @ApiOperation({
    summary: 'A learner: themself, or staff of an organisation running an offering they are enrolled on',
  })
  get(@CurrentActor() actor: Actor, @Param('id', IdParam) id: string) {
    return this.learners.get(actor, id);
  }
}
