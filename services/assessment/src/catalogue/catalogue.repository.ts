import { insertOnce } from '@lib/persistence';
import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import {
  ENROLMENT_FACT_MODEL,
  type EnrolmentFact,
  KNOWN_COURSE_MODEL,
  KNOWN_OFFERING_MODEL,
  type KnownCourse,
  type KnownOffering,
} from './catalogue.schema';

/** Assessment's own copy of the courses, offerings and enrolments it learns from enrolment events. */
@Injectable()
export class CatalogueRepository {
  constructor(
    @InjectModel(KNOWN_COURSE_MODEL) private readonly courses: Model<KnownCourse>,
    @InjectModel(KNOWN_OFFERING_MODEL) private readonly offerings: Model<KnownOffering>,
    @InjectModel(ENROLMENT_FACT_MODEL) private readonly facts: Model<EnrolmentFact>,
  ) {}

  async addCourse(course: KnownCourse): Promise<void> {
    await insertOnce(this.courses, course);
  }

  async addOffering(offering: KnownOffering): Promise<void> {
    await insertOnce(this.offerings, offering);
  }

  async addFact(fact: EnrolmentFact): Promise<void> {
    await insertOnce(this.facts, fact);
  }

  course(id: string): Promise<KnownCourse | null> {
    return this.courses.findById(id).lean<KnownCourse>().exec();
  }

  offering(id: string): Promise<KnownOffering | null> {
    return this.offerings.findById(id).lean<KnownOffering>().exec();
  }

  async offeringIdsOfCourse(courseId: string): Promise<KnownOffering[]> {
    return this.offerings.find({ courseId }).lean<KnownOffering[]>().exec();
  }

  factsFor(offeringId: string, learnerId: string): Promise<EnrolmentFact[]> {
    return this.facts.find({ offeringId, learnerId }).lean<EnrolmentFact[]>().exec();
  }
}
