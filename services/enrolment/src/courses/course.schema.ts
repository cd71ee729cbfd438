import { recordSchema } from '@lib/persistence';

export const COURSE_MODEL = 'Course';
export const COURSES_COLLECTION = 'courses';

export interface Course {
  _id: string;
  awardingBodyId: string;
  code: string;
  title: string;
  description: string;
  learningOutcomes: string[];
  format: 'workshop' | 'short-course' | 'hack-day' | 'online';
  notionalHours: number;
  credits: { value: number; scheme: 'UK' };
  level: { framework: 'FHEQ' | 'RQF' | 'SCQF'; level: number; eqfLevel: number };
  publishedBy: string;
  publishedAt: Date;
}

export const CourseSchema = recordSchema(
  {
    awardingBodyId: { type: String, required: true },
    code: { type: String, required: true },
    title: { type: String, required: true },
    description: { type: String, required: true },
    learningOutcomes: { type: [String], required: true },
    format: { type: String, required: true },
    notionalHours: { type: Number, required: true },
    credits: { value: { type: Number, required: true }, scheme: { type: String, required: true } },
    level: {
      framework: { type: String, required: true },
      level: { type: Number, required: true },
      eqfLevel: { type: Number, required: true },
    },
    publishedBy: { type: String, required: true },
    publishedAt: { type: Date, required: true },
  },
  { outbox: true },
);
CourseSchema.index({ awardingBodyId: 1, code: 1 }, { unique: true });
