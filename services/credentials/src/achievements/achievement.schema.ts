import { recordSchema } from '@lib/persistence';

export const ACHIEVEMENT_VERSION_MODEL = 'AchievementVersion';

/**
 * One version of the achievement a course leads to. `_id` is `<achievementId>:<version>`; editing inserts the next
 * version, so a credential keeps pointing at the version it was issued with.
 */
export interface AchievementVersion {
  _id: string;
  achievementId: string;
  version: number;
  courseId: string;
  awardingBodyId: string;
  courseCode: string;
  name: string;
  description: string;
  criteria: string;
  achievementType: 'Course' | 'MicroCredential';
  credits: number;
  level: { framework: 'FHEQ' | 'RQF' | 'SCQF'; level: number; eqfLevel: number };
  fieldOfStudy?: string;
  learningOutcomes: string[];
  /** Months a credential stays valid; none: it does not expire. */
  validityMonths?: number;
  /** Award rule option: the lowest overall mark that earns the credential (besides a ratified pass). */
  minimumMark?: number;
  createdBy: string;
  createdAt: Date;
}

export const AchievementVersionSchema = recordSchema({
  achievementId: { type: String, required: true },
  version: { type: Number, required: true },
  courseId: { type: String, required: true },
  awardingBodyId: { type: String, required: true },
  courseCode: { type: String, required: true },
  name: { type: String, required: true },
  description: { type: String, required: true },
  criteria: { type: String, required: true },
  achievementType: { type: String, required: true },
  credits: { type: Number, required: true },
  level: { type: Object, required: true },
  fieldOfStudy: String,
  learningOutcomes: { type: [String], required: true },
  validityMonths: Number,
  minimumMark: Number,
  createdBy: { type: String, required: true },
  createdAt: { type: Date, required: true },
});
// One achievement per course: its first version can be created once.
AchievementVersionSchema.index({ courseId: 1, version: 1 }, { unique: true });
AchievementVersionSchema.index({ achievementId: 1 });
