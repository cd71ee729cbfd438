import { type Pagination, pageSchema, paginationQuery } from '@lib/persistence';
import { type Actor, CurrentActor, Public, Roles } from '@lib/auth';
import { ApiErrors, ApiZodBody, ApiZodResponse, IdParam, validate, ZodQuery } from '@lib/platform';
import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import {
  type CreateAchievementBody,
  createAchievementBody,
  type EditAchievementBody,
  editAchievementBody,
} from './achievement.dto';
import { IssuingService } from '../issuing/issuing.service';
import { achievementSummaryView, openBadgesAchievement } from './achievement.view-schema';
import { AchievementsService } from './achievements.service';

const versionParam = validate(z.coerce.number().int().min(1), 'version');

@ApiTags('achievements')
@Controller('api/credentials/achievements')
export class AchievementsController {
  constructor(
    private readonly achievements: AchievementsService,
    private readonly awards: IssuingService,
  ) {}

  @Post()
  @ApiErrors(
    [404, 'No course of your awarding body with the `courseId` given'],
    [409, 'The course has an achievement already'],
  )
  @ApiBearerAuth()
  @Roles('registrar')
  @ApiZodBody(createAchievementBody)
  @ApiOperation({ summary: "Define the achievement of one of your awarding body's courses (registrar)" })
  @ApiZodResponse(openBadgesAchievement, { status: 201, description: 'The achievement, version 1' })
  async create(
    @CurrentActor() actor: Actor,
    @Body(validate(createAchievementBody)) body: CreateAchievementBody,
  ) {
    const achievement = await this.achievements.create(actor, body);
    // Learners who already met the award rule get their credential now.
    await this.awards.evaluateCourse(body.courseId);
    return achievement;
  }

  @Post(':id/versions')
  @ApiErrors([409, 'The achievement was edited at the same moment'])
  @HttpCode(201)
  @ApiBearerAuth()
  @Roles('registrar')
  @ApiZodBody(editAchievementBody)
  @ApiOperation({ summary: 'Edit an achievement: a new version; issued credentials keep theirs (registrar)' })
  @ApiZodResponse(openBadgesAchievement, { status: 201, description: 'The new version' })
  edit(
    @CurrentActor() actor: Actor,
    @Param('id', IdParam) id: string,
    @Body(validate(editAchievementBody)) body: EditAchievementBody,
  ) {
    return this.achievements.edit(actor, id, body);
  }

  @Get()
  @ApiBearerAuth()
  @Roles('registrar')
  @ApiOperation({ summary: "Your awarding body's achievements (registrar)" })
  @ApiZodResponse(pageSchema(achievementSummaryView), { description: 'A page of achievements' })
  list(@CurrentActor() actor: Actor, @ZodQuery(paginationQuery) pagination: Pagination) {
    return this.achievements.list(actor, pagination);
  }

  @Get(':id')
  @Public()
  @ApiOperation({ summary: 'An achievement, its latest version, as Open Badges 3.0 JSON (public)' })
  @ApiZodResponse(openBadgesAchievement, { description: 'The latest version' })
  get(@Param('id', IdParam) id: string) {
    return this.achievements.get(id);
  }

  @Get(':id/versions/:version')
  @Public()
  @ApiOperation({ summary: 'One version of an achievement (public)' })
  @ApiZodResponse(openBadgesAchievement, { description: 'That version' })
  version(@Param('id', IdParam) id: string, @Param('version', versionParam) version: number) {
    return this.achievements.get(id, version);
  }
}
