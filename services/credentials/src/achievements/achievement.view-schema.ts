import { id } from '@lib/contracts';
import { z } from 'zod';

/** An Open Badges 3.0 Achievement, as `AchievementsService.toOpenBadges` builds it. */
export const openBadgesAchievement = z.object({
  id: z.url(),
  type: z.tuple([z.literal('Achievement')]),
  achievementType: z.string(),
  name: z.string(),
  description: z.string(),
  criteria: z.object({ narrative: z.string() }),
  creditsAvailable: z.number(),
  humanCode: z.string(),
  version: z.string(),
  fieldOfStudy: z.string().optional(),
  alignment: z.array(
    z.object({
      type: z.tuple([z.literal('Alignment')]),
      targetName: z.string(),
      targetUrl: z.url(),
      targetType: z.string(),
      targetCode: z.string(),
      targetFramework: z.string(),
    }),
  ),
  resultDescription: z.array(
    z.object({
      id: z.url(),
      type: z.tuple([z.literal('ResultDescription')]),
      name: z.string(),
      resultType: z.string(),
      requiredValue: z.string().optional(),
    }),
  ),
  'ext:learningOutcomes': z.array(z.string()),
  'ext:validityMonths': z.int().min(1).optional(),
});

/** `AchievementSummary`: an achievement as the registrar's list shows it. */
export const achievementSummaryView = z.object({
  achievementId: id,
  url: z.url(),
  courseId: id,
  courseCode: z.string(),
  latestVersion: z.int().min(1),
  name: z.string(),
});
