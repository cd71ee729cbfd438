import { plainLine, plainText } from '@lib/contracts';
import { z } from 'zod';

const fields = {
  name: plainLine(200),
  description: plainText(5000),
  criteria: plainText(5000).describe('what a learner must do to earn it'),
  achievementType: z.enum(['Course', 'MicroCredential']),
  fieldOfStudy: plainLine(200),
  learningOutcomes: z.array(plainLine(500)).min(1).max(30),
  validityMonths: z.int().min(1).max(600),
  minimumMark: z.number().min(0).max(100),
};

/** Name, description and outcomes default to the course's; credits and level always come from the course. */
export const createAchievementBody = z.strictObject({
  courseId: z.uuid(),
  criteria: fields.criteria,
  achievementType: fields.achievementType.default('Course'),
  name: fields.name.optional(),
  description: fields.description.optional(),
  fieldOfStudy: fields.fieldOfStudy.optional(),
  learningOutcomes: fields.learningOutcomes.optional(),
  validityMonths: fields.validityMonths.optional(),
  minimumMark: fields.minimumMark.optional(),
});

/** An edit names what changes; everything else is carried over from the latest version. */
export const editAchievementBody = z
  .strictObject({
    name: fields.name.optional(),
    description: fields.description.optional(),
    criteria: fields.criteria.optional(),
    achievementType: fields.achievementType.optional(),
    fieldOfStudy: fields.fieldOfStudy.optional(),
    learningOutcomes: fields.learningOutcomes.optional(),
    validityMonths: fields.validityMonths.optional(),
    minimumMark: fields.minimumMark.optional(),
  })
  .refine((body) => Object.keys(body).length > 0, 'name at least one field to change');

export type CreateAchievementBody = z.output<typeof createAchievementBody>;
export type EditAchievementBody = z.output<typeof editAchievementBody>;
