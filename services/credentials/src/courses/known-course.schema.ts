import { recordSchema } from '@lib/persistence';

export const KNOWN_COURSE_MODEL = 'KnownCourse';

/** What credentials knows of a course, from `enrolment.course.published.v1`. */
export interface KnownCourse {
  _id: string;
  awardingBodyId: string;
  code: string;
  title: string;
  description: string;
  learningOutcomes: string[];
  credits: number;
  level: { framework: 'FHEQ' | 'RQF' | 'SCQF'; level: number; eqfLevel: number };
}

export const KnownCourseSchema = recordSchema({
  awardingBodyId: { type: String, required: true },
  code: { type: String, required: true },
  title: { type: String, required: true },
  description: { type: String, required: true },
  learningOutcomes: { type: [String], required: true },
  credits: { type: Number, required: true },
  level: { type: Object, required: true },
});
