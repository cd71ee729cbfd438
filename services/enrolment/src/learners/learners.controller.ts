import { type Pagination, pageSchema, paginationQuery } from '@lib/persistence';
import { type Actor, CurrentActor, Roles } from '@lib/auth';
import { ApiZodBody, ApiZodResponse, IdParam, validate, ZodQuery } from '@lib/platform';
import { Body, Controller, Get, Param, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { organisationOf } from '../common/access';
import { ownEnrolmentView } from '../enrolments/enrolment.view-schema';
import { OwnEnrolmentsService } from '../enrolments/own-enrolments.service';
import { z } from 'zod';
import { type LearnerDetails, learnerDetails, type LearnersQuery, learnersQuery } from './learner.dto';
import { learnerView, registeredLearnerView } from './learner.view-schema';
import { LearnersService } from './learners.service';

@ApiTags('learners')
@ApiBearerAuth()
@Controller('api/enrolment/learners')
export class LearnersController {
  constructor(
    private readonly learners: LearnersService,
    private readonly enrolments: OwnEnrolmentsService,
  ) {}

  @Post()
  @ApiZodBody(learnerDetails)
  @Roles('registrar', 'partner')
  @ApiOperation({
    summary:
      'Your organisation’s learner with this email: recorded now (201) or found among your own (200). Another organisation knowing the email changes nothing in the answer.',
  })
  @ApiZodResponse(registeredLearnerView, { status: 201, description: 'Recorded now' })
  @ApiZodResponse(registeredLearnerView, { description: 'Found among your organisation’s learners' })
  async register(
    @CurrentActor() actor: Actor,
    @Body(validate(learnerDetails)) body: LearnerDetails,
    @Res({ passthrough: true }) response: Response,
  ) {
    const { learner, created } = await this.learners.findOrRegister(actor, body, organisationOf(actor));
    response.status(created ? 201 : 200);
    return { learnerId: learner._id, created };
  }

  @Get('me')
  @Roles('learner')
  @ApiOperation({ summary: 'Your own learner record (learner)' })
  @ApiZodResponse(learnerView, { description: 'Your learner record' })
  own(@CurrentActor() actor: Actor) {
    return this.learners.own(actor);
  }

  @Get('me/enrolments')
  @Roles('learner')
  @ApiOperation({
    summary:
      'Your own enrolments, each with its course (code, title), dates, mode, awarding body and delivering partner (learner)',
  })
  @ApiZodResponse(pageSchema(ownEnrolmentView), { description: 'A page of your enrolments' })
  ownEnrolments(@CurrentActor() actor: Actor, @ZodQuery(paginationQuery) pagination: Pagination) {
    return this.enrolments.list(actor, pagination);
  }

  @Get()
  @Roles('registrar', 'partner', 'assessor')
  @ApiOperation({
    summary:
      'Several learners at once, as `GET :id` shows each (staff); ids outside your reach are left out, not refused',
  })
  @ApiZodResponse(z.object({ items: z.array(learnerView) }), { description: 'The learners you may see' })
  several(@CurrentActor() actor: Actor, @ZodQuery(learnersQuery) query: LearnersQuery) {
    return this.learners.several(actor, query.id);
  }

  @Get(':id')
  @ApiOperation({
    summary:
      'A learner: themself, or staff (their organisation’s record of the learner, or the one an enrolment on an offering it runs used)',
  })
  @ApiZodResponse(learnerView, { description: 'The learner' })
  get(@CurrentActor() actor: Actor, @Param('id', IdParam) id: string) {
    return this.learners.get(actor, id);
  }
}
