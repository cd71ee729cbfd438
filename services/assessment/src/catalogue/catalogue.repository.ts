import {
  addToIdList,
  ID_LIST_MODEL,
  type IdList,
  idListOf,
  insertManyOnce,
  insertOnce,
  readInParts,
} from '@lib/persistence';
import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { idListKeys } from '../common/id-list-keys';
import {
  ENROLMENT_FACT_MODEL,
  type EnrolmentFact,
  KNOWN_COURSE_MODEL,
  KNOWN_OFFERING_MODEL,
  type KnownCourse,
  type KnownOffering,
} from './catalogue.schema';
import { ENROLMENT_FACTS, type EnrolmentPair, enrolmentFactId } from './enrolment-standing';

/** Assessment's own copy of the courses, offerings and enrolments it learns from enrolment events. */
@Injectable()
export class CatalogueRepository {
  constructor(
    @InjectModel(KNOWN_COURSE_MODEL) private readonly courses: Model<KnownCourse>,
    @InjectModel(KNOWN_OFFERING_MODEL) private readonly offerings: Model<KnownOffering>,
    @InjectModel(ENROLMENT_FACT_MODEL) private readonly facts: Model<EnrolmentFact>,
    @InjectModel(ID_LIST_MODEL) private readonly lists: Model<IdList>,
  ) {}

  async addCourse(course: KnownCourse): Promise<void> {
    await insertOnce(this.courses, course);
  }

  /** Lists the offering under its course first, so the course's offerings are found by key. */
  async addOffering(offering: KnownOffering): Promise<void> {
    await addToIdList(this.lists, idListKeys.courseOfferings(offering.courseId), [offering._id]);
    await insertOnce(this.offerings, offering);
  }

  /** Inserts a batch's facts in one round trip; a fact already known (a repeated event) is skipped. */
  async addFacts(facts: readonly EnrolmentFact[]): Promise<void> {
    await insertManyOnce(this.facts, facts);
  }

  course(id: string): Promise<KnownCourse | null> {
    return this.courses.findById(id).lean<KnownCourse>().exec();
  }

  offering(id: string): Promise<KnownOffering | null> {
    return this.offerings.findById(id).lean<KnownOffering>().exec();
  }

  /** The offerings with these ids, and their courses, by `_id` (two round trips). */
  async offeringsWithCourses(
    ids: readonly string[],
  ): Promise<{ offerings: KnownOffering[]; courses: Map<string, KnownCourse> }> {
    if (ids.length === 0) return { offerings: [], courses: new Map() };
    const offerings = await this.offerings
      .find({ _id: { $in: [...new Set(ids)] } })
      .lean<KnownOffering[]>()
      .exec();
    const courses = await this.courses
      .find({ _id: { $in: [...new Set(offerings.map((offering) => offering.courseId))] } })
      .lean<KnownCourse[]>()
      .exec();
    return { offerings, courses: new Map(courses.map((course) => [course._id, course])) };
  }

  /** The course's offerings, by its id list. */
  async offeringsOfCourse(courseId: string): Promise<KnownOffering[]> {
    const ids = await idListOf(this.lists, idListKeys.courseOfferings(courseId));
    if (ids.length === 0) return [];
    return this.offerings
      .find({ _id: { $in: ids } })
      .lean<KnownOffering[]>()
      .exec();
  }

  /** The enrolment facts of some learners of an offering, read by their `_id`s in one round trip. */
  async factsFor(offeringId: string, learnerIds: readonly string[]): Promise<EnrolmentFact[]> {
    const ids = [...new Set(learnerIds)].flatMap((learnerId) =>
      ENROLMENT_FACTS.map((fact) => enrolmentFactId(offeringId, learnerId, fact)),
    );
    if (ids.length === 0) return [];
    return this.facts
      .find({ _id: { $in: ids } })
      .lean<EnrolmentFact[]>()
      .exec();
  }

  /**
   * The enrolment facts of learners at offerings (several of each), read by their `_id`s: one round trip per few
   * dozen enrolments (each has six possible facts).
   */
  factsOfEnrolments(enrolments: readonly EnrolmentPair[]): Promise<EnrolmentFact[]> {
    const ids = [
      ...new Set(
        enrolments.flatMap(({ offeringId, learnerId }) =>
          ENROLMENT_FACTS.map((fact) => enrolmentFactId(offeringId, learnerId, fact)),
        ),
      ),
    ];
    return readInParts(ids, (part) =>
      this.facts
        .find({ _id: { $in: part } })
        .lean<EnrolmentFact[]>()
        .exec(),
    );
  }
}
