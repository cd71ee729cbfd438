import { insertOnce } from '@lib/persistence';
import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { type KnownCourse, KNOWN_COURSE_MODEL } from '../courses/known-course.schema';
import { ACHIEVEMENT_VERSION_MODEL, type AchievementVersion } from './achievement.schema';

@Injectable()
export class AchievementsRepository {
  constructor(
    @InjectModel(ACHIEVEMENT_VERSION_MODEL) private readonly versions: Model<AchievementVersion>,
    @InjectModel(KNOWN_COURSE_MODEL) private readonly courses: Model<KnownCourse>,
  ) {}

  /** False when that version exists (a course's first, or an edit that lost a race). */
  insert(version: AchievementVersion): Promise<boolean> {
    return insertOnce(this.versions, version);
  }

  course(id: string): Promise<KnownCourse | null> {
    return this.courses.findById(id).lean<KnownCourse>().exec();
  }

  /** One version of an achievement, by its `_id` `<achievementId>:<version>` (every achievement has version 1). */
  version(achievementId: string, version: number): Promise<AchievementVersion | null> {
    return this.versions.findById(`${achievementId}:${version}`).lean<AchievementVersion>().exec();
  }

  /** Versions by their `_id`s `<achievementId>:<version>`, in one read. */
  versionsByKeys(keys: readonly string[]): Promise<AchievementVersion[]> {
    if (keys.length === 0) return Promise.resolve([]);
    return this.versions
      .find({ _id: { $in: [...new Set(keys)] } })
      .lean<AchievementVersion[]>()
      .exec();
  }

  /** Every version of an achievement, oldest first: editing and the public latest version (a small collection). */
  versionsOf(achievementId: string): Promise<AchievementVersion[]> {
    return this.versions.find({ achievementId }).sort({ version: 1 }).lean<AchievementVersion[]>().exec();
  }

  /** The newest version of a course's achievement, or null when none is defined. */
  latestForCourse(courseId: string): Promise<AchievementVersion | null> {
    return this.versions.findOne({ courseId }).sort({ version: -1 }).lean<AchievementVersion>().exec();
  }

  ofAwardingBody(awardingBodyId: string): Promise<AchievementVersion[]> {
    return this.versions
      .find({ awardingBodyId })
      .sort({ courseCode: 1, version: 1 })
      .lean<AchievementVersion[]>()
      .exec();
  }
}
