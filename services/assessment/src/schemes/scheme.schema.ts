import { recordSchema } from '@lib/persistence';

export const SCHEME_MODEL = 'AssessmentScheme';

/** How a course is assessed; one per course, its `_id` is the course id. */
export interface Scheme {
  _id: string;
  awardingBodyId: string;
  components: { name: string; weight: number; passMark: number }[];
  overallPassMark: number;
  /** Highest first; a passing mark below every band gets the grade "Pass". */
  gradeBands: { grade: string; minMark: number }[];
  maxAttempts: number;
  createdBy: string;
  createdAt: Date;
}

export const SchemeSchema = recordSchema({
  awardingBodyId: { type: String, required: true },
  components: { type: [{ _id: false, name: String, weight: Number, passMark: Number }], required: true },
  overallPassMark: { type: Number, required: true },
  gradeBands: { type: [{ _id: false, grade: String, minMark: Number }], required: true },
  maxAttempts: { type: Number, required: true },
  createdBy: { type: String, required: true },
  createdAt: { type: Date, required: true },
});
