import { type CoursePublishedV1, TOPICS } from '@lib/contracts';
import { Controller } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import { knownCourseOf } from './known-course';
import { KnownCoursesRepository } from './known-courses.repository';

/** Learns courses from enrolment, so achievements can be defined for them. */
@Controller()
export class CoursesConsumer {
  constructor(private readonly courses: KnownCoursesRepository) {}

  @EventPattern(TOPICS.enrolmentCoursePublished)
  async coursePublished(@Payload() course: CoursePublishedV1): Promise<void> {
    await this.courses.insert(knownCourseOf(course));
  }
}
