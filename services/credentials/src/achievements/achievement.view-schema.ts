import type { ViewFits } from '@lib/platform';
import { id } from '@lib/contracts';
import { z } from 'zod';
import type { AchievementSummary, AchievementsService } from './achievements.service';

/** An Open Badges 3.0 Achievement, as `AchievementsService.toOpenBadges` builds it. */
export const openBadgesAchievement = z.object({
  id: z.url(),
  type: z.array(z.string()).describe('JSON-LD types: Achievement'),
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
      type: z.array(z.string()).describe('JSON-LD types: Alignment'),
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
      type: z.array(z.string()).describe('JSON-LD types: ResultDescription'),
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

// What the service returns fits what the document says (checked by the compiler).
export type OpenBadgesAchievementFits = ViewFits<
  ReturnType<AchievementsService['toOpenBadges']>,
  typeof openBadgesAchievement
>;
export type AchievementSummaryViewFits = ViewFits<AchievementSummary, typeof achievementSummaryView>;
