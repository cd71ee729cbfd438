import { type Page, pageOf, type Pagination } from '@lib/persistence';
import { randomUUID } from 'node:crypto';
import type { Actor } from '@lib/auth';
import { notHereYet, type ServiceConfig, SERVICE_CONFIG } from '@lib/platform';
import { levelAndCreditAlignments } from '@lib/vc';
import { ConflictException, Inject, Injectable, NotFoundException } from '@nestjs/common';
import type { AchievementVersion } from './achievement.schema';
import type { CreateAchievementBody, EditAchievementBody } from './achievement.dto';
import { AchievementsRepository } from './achievements.repository';

export interface AchievementSummary {
  achievementId: string;
  url: string;
  courseId: string;
  courseCode: string;
  latestVersion: number;
  name: string;
}

/** The achievement each course leads to: what a credential says was learned, at what level, for how many credits. */
@Injectable()
export class AchievementsService {
  constructor(
    private readonly achievements: AchievementsRepository,
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig,
  ) {}

  url(achievementId: string): string {
    return `${this.config.publicBaseUrl}/api/credentials/achievements/${achievementId}`;
  }

  /** A registrar defines the achievement of one of their awarding body's courses, once. */
  async create(
    actor: Actor,
    body: CreateAchievementBody,
  ): Promise<ReturnType<AchievementsService['toOpenBadges']>> {
    const course = await this.achievements.course(body.courseId);
    if (!course || course.awardingBodyId !== actor.org) {
      throw new NotFoundException(notHereYet('course', body.courseId, 'of your awarding body'));
    }
    const version: AchievementVersion = {
      _id: '',
      achievementId: randomUUID(),
      version: 1,
      courseId: course._id,
      awardingBodyId: course.awardingBodyId,
      courseCode: course.code,
      name: body.name ?? course.title,
      description: body.description ?? course.description,
      criteria: body.criteria,
      achievementType: body.achievementType,
      credits: course.credits,
      level: course.level,
      learningOutcomes: body.learningOutcomes ?? course.learningOutcomes,
      ...(body.fieldOfStudy ? { fieldOfStudy: body.fieldOfStudy } : {}),
      ...(body.validityMonths ? { validityMonths: body.validityMonths } : {}),
      ...(body.minimumMark !== undefined ? { minimumMark: body.minimumMark } : {}),
      createdBy: actor.sub,
      createdAt: new Date(),
    };
    version._id = `${version.achievementId}:1`;
    if (!(await this.achievements.insert(version)))
      throw new ConflictException(`Course ${course.code} has an achievement already; edit it instead.`);
    return this.toOpenBadges(version);
  }

  /** An edit inserts the next version; credentials already issued keep theirs. */
  async edit(actor: Actor, achievementId: string, body: EditAchievementBody) {
    const versions = await this.achievements.versionsOf(achievementId);
    const latest = versions.at(-1);
    if (!latest || latest.awardingBodyId !== actor.org)
      throw new NotFoundException(`No achievement ${achievementId} that you can see.`);
    const next: AchievementVersion = {
      ...latest,
      ...body,
      _id: `${achievementId}:${latest.version + 1}`,
      version: latest.version + 1,
      createdBy: actor.sub,
      createdAt: new Date(),
    };
    if (!(await this.achievements.insert(next)))
      throw new ConflictException('The achievement was edited at the same moment; reload and try again.');
    return this.toOpenBadges(next);
  }

  /** Public: the latest version, or a given one, as an Open Badges Achievement. */
  async get(achievementId: string, version?: number) {
    const found =
      version === undefined
        ? (await this.achievements.versionsOf(achievementId)).at(-1)
        : await this.achievements.version(achievementId, version);
    if (!found)
      throw new NotFoundException(`No achievement ${achievementId}${version ? ` version ${version}` : ''}.`);
    return this.toOpenBadges(found);
  }

  async list(actor: Actor, pagination: Pagination): Promise<Page<AchievementSummary>> {
    const latest = new Map<string, AchievementVersion>();
    for (const version of await this.achievements.ofAwardingBody(actor.org ?? ''))
      latest.set(version.achievementId, version);
    const summaries = [...latest.values()].map((version) => ({
      achievementId: version.achievementId,
      url: this.url(version.achievementId),
      courseId: version.courseId,
      courseCode: version.courseCode,
      latestVersion: version.version,
      name: version.name,
    }));
    return pageOf(summaries, pagination);
  }

  /** The Open Badges 3.0 Achievement a credential of this version embeds. */
  toOpenBadges(version: AchievementVersion) {
    const url = this.url(version.achievementId);
    return {
      id: url,
      type: ['Achievement'],
      achievementType: version.achievementType,
      name: version.name,
      description: version.description,
      criteria: { narrative: version.criteria },
      creditsAvailable: version.credits,
      humanCode: version.courseCode,
      version: String(version.version),
      ...(version.fieldOfStudy ? { fieldOfStudy: version.fieldOfStudy } : {}),
      alignment: levelAndCreditAlignments(version.level, version.credits),
      resultDescription: [
        {
          id: `${url}/results/mark`,
          type: ['ResultDescription'],
          name: 'Overall mark',
          resultType: 'Percent',
          ...(version.minimumMark !== undefined ? { requiredValue: String(version.minimumMark) } : {}),
        },
        { id: `${url}/results/grade`, type: ['ResultDescription'], name: 'Grade', resultType: 'LetterGrade' },
      ],
      'ext:learningOutcomes': version.learningOutcomes,
      ...(version.validityMonths ? { 'ext:validityMonths': version.validityMonths } : {}),
    };
  }
}
