import { type CoursePublishedV1, TOPICS } from '@lib/contracts';
import { insertOnce } from '@lib/persistence';
import { Controller } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { EventPattern, Payload } from '@nestjs/microservices';
import type { Model } from 'mongoose';
import { type KnownCourse, KNOWN_COURSE_MODEL } from './known-course.schema';

/** Learns courses from enrolment, so achievements can be defined for them. */
@Controller()
export class CoursesConsumer {
  constructor(@InjectModel(KNOWN_COURSE_MODEL) private readonly courses: Model<KnownCourse>) {}

  @EventPattern(TOPICS.enrolmentCoursePublished)
  async coursePublished(@Payload() course: CoursePublishedV1): Promise<void> {
    await insertOnce(this.courses, {
      _id: course.courseId,
      awardingBodyId: course.awardingBodyId,
      code: course.code,
      title: course.title,
      description: course.description,
      learningOutcomes: course.learningOutcomes,
      credits: course.credits.value,
      level: course.level,
    });
  }
}
