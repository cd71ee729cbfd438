import { recordSchema } from '@lib/persistence';
import type { Level, ProgrammePolicy, RecognitionRule } from '../rules/types';

export const PROGRAMME_MODEL = 'Programme';
export const MODULE_MODEL = 'ProgrammeModule';

/** An MSc (or other) programme of an awarding body, with its recognition policy. */
export interface Programme {
  _id: string;
  code: string;
  title: string;
  credits: number;
  level: Level;
  awardingBodyId: string;
  policy: ProgrammePolicy;
  createdBy: string;
  createdAt: Date;
}

/** A module of a programme; `_id` is `<programmeId>:<code>`. Its rule is set, and may be changed, by a registrar. */
export interface ProgrammeModule {
  _id: string;
  programmeId: string;
  code: string;
  title: string;
  credits: number;
  level: Level;
  learningOutcomes: string[];
  core: boolean;
  eligible: boolean;
  rule?: RecognitionRule;
  ruleSetBy?: string;
  ruleSetAt?: Date;
}

export const ProgrammeSchema = recordSchema({
  code: { type: String, required: true },
  title: { type: String, required: true },
  credits: { type: Number, required: true },
  level: { type: Object, required: true },
  awardingBodyId: { type: String, required: true },
  policy: { type: Object, required: true },
  createdBy: { type: String, required: true },
  createdAt: { type: Date, required: true },
});
ProgrammeSchema.index({ awardingBodyId: 1, code: 1 }, { unique: true });

export const ProgrammeModuleSchema = recordSchema({
  programmeId: { type: String, required: true },
  code: { type: String, required: true },
  title: { type: String, required: true },
  credits: { type: Number, required: true },
  level: { type: Object, required: true },
  learningOutcomes: { type: [String], default: [] },
  core: { type: Boolean, required: true },
  eligible: { type: Boolean, required: true },
  rule: { type: Object },
  ruleSetBy: { type: String },
  ruleSetAt: { type: Date },
});
