import type { CoursePublishedV1 } from '@lib/contracts';
import type { KnownCourse } from './known-course.schema';

/** What credentials keeps of a published course. */
export function knownCourseOf(course: CoursePublishedV1): KnownCourse {
  return {
    _id: course.courseId,
    awardingBodyId: course.awardingBodyId,
    code: course.code,
    title: course.title,
    description: course.description,
    learningOutcomes: course.learningOutcomes,
    credits: course.credits.value,
    level: course.level,
  };
}
