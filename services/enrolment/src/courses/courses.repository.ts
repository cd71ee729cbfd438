import type { OutboxFields } from '@lib/messaging';
import {
  findPage,
  insertOnce,
  type Page,
  type Pagination,
  readInParts,
  WITHOUT_OUTBOX,
} from '@lib/persistence';
import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { type Course, COURSE_MODEL } from './course.schema';

@Injectable()
export class CoursesRepository {
  constructor(@InjectModel(COURSE_MODEL) private readonly model: Model<Course>) {}

  /** False when the awarding body has a course with that code already. */
  insert(course: Course & OutboxFields): Promise<boolean> {
    return insertOnce(this.model, course);
  }

  findById(id: string): Promise<Course | null> {
    return this.model.findById(id, WITHOUT_OUTBOX).lean<Course>().exec();
  }

  /** By key, e.g. the courses of a learner's enrolments. */
  findByIds(ids: readonly string[]): Promise<Course[]> {
    return readInParts(ids, (part) =>
      this.model
        .find({ _id: { $in: part } }, WITHOUT_OUTBOX)
        .lean<Course[]>()
        .exec(),
    );
  }

  /** Staff list: courses of an awarding body (a scan), or (for a partner) the given course ids (by key). */
  list(scope: { awardingBodyId: string } | { ids: string[] }, pagination: Pagination): Promise<Page<Course>> {
    const filter = 'ids' in scope ? { _id: { $in: scope.ids } } : { awardingBodyId: scope.awardingBodyId };
    return findPage(this.model, filter, { code: 1 }, pagination);
  }
}
