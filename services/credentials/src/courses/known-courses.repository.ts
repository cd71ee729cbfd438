import { insertOnce } from '@lib/persistence';
import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { type KnownCourse, KNOWN_COURSE_MODEL } from './known-course.schema';

/** The courses credentials has learnt of from enrolment. */
@Injectable()
export class KnownCoursesRepository {
  constructor(@InjectModel(KNOWN_COURSE_MODEL) private readonly courses: Model<KnownCourse>) {}

  /** False when the course is known already: a course, once published, is not changed. */
  insert(course: KnownCourse): Promise<boolean> {
    return insertOnce(this.courses, course);
  }
}
