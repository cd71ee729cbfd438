import type { ViewFits } from '@lib/platform';
import { id, level, timestamp } from '@lib/contracts';
import { z } from 'zod';
import type { ProgrammeSummary, ProgrammeView } from './programmes.service';
import { recognitionRule } from './programme.dto';

/** A module as the programme's view shows it (without its record keys). */
const moduleView = z.object({
  programmeId: id,
  code: z.string(),
  title: z.string(),
  credits: z.number(),
  level,
  learningOutcomes: z.array(z.string()),
  core: z.boolean(),
  eligible: z.boolean(),
  rule: recognitionRule.optional(),
  ruleSetBy: z.string().optional(),
});

/** `ProgrammeView` as the API documents it. */
export const programmeView = z.object({
  id,
  code: z.string(),
  title: z.string(),
  credits: z.number(),
  level,
  awardingBodyId: id,
  policy: z.object({
    maxRecognitionCredits: z.number(),
    recencyYears: z.number(),
    acceptExternal: z.boolean(),
  }),
  createdBy: z.string(),
  createdAt: timestamp,
  modules: z.array(moduleView),
});

/** `ProgrammeSummary`: a programme as the list shows it. */
export const programmeSummaryView = z.object({
  id,
  code: z.string(),
  title: z.string(),
  credits: z.number(),
  awardingBodyId: id,
});

// What the service returns fits what the document says (checked by the compiler).
export type ProgrammeViewFits = ViewFits<ProgrammeView, typeof programmeView>;
export type ProgrammeSummaryViewFits = ViewFits<ProgrammeSummary, typeof programmeSummaryView>;
