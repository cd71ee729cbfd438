import type { CatalogueRepository } from '../catalogue/catalogue.repository';
import type { EnrolmentFact, KnownCourse, KnownOffering } from '../catalogue/catalogue.schema';
import type { EnrolmentPair } from '../catalogue/enrolment-standing';
import type { Scheme } from '../schemes/scheme.schema';
import type { SchemesRepository } from '../schemes/schemes.repository';
import { insertUnique, type PublicOf } from '@lib/fakes';

/** CatalogueRepository in memory: what assessment has learnt from enrolment events. */
export class InMemoryCatalogue implements PublicOf<CatalogueRepository> {
  readonly courses: KnownCourse[] = [];
  readonly offerings: KnownOffering[] = [];
  readonly facts: EnrolmentFact[] = [];

  addCourse(course: KnownCourse): Promise<void> {
    insertUnique(this.courses, course);
    return Promise.resolve();
  }

  addOffering(offering: KnownOffering): Promise<void> {
    insertUnique(this.offerings, offering);
    return Promise.resolve();
  }

  addFacts(facts: readonly EnrolmentFact[]): Promise<void> {
    for (const fact of facts) insertUnique(this.facts, fact);
    return Promise.resolve();
  }

  course(id: string): Promise<KnownCourse | null> {
    return Promise.resolve(this.courses.find((course) => course._id === id) ?? null);
  }

  offering(id: string): Promise<KnownOffering | null> {
    return Promise.resolve(this.offerings.find((offering) => offering._id === id) ?? null);
  }

  offeringsWithCourses(
    ids: readonly string[],
  ): Promise<{ offerings: KnownOffering[]; courses: Map<string, KnownCourse> }> {
    const offerings = this.offerings.filter((offering) => ids.includes(offering._id));
    const courses = this.courses.filter((course) => offerings.some((o) => o.courseId === course._id));
    return Promise.resolve({ offerings, courses: new Map(courses.map((course) => [course._id, course])) });
  }

  offeringsOfCourse(courseId: string): Promise<KnownOffering[]> {
    return Promise.resolve(this.offerings.filter((offering) => offering.courseId === courseId));
  }

  factsFor(offeringId: string, learnerIds: readonly string[]): Promise<EnrolmentFact[]> {
    return Promise.resolve(
      this.facts.filter((f) => f.offeringId === offeringId && learnerIds.includes(f.learnerId)),
    );
  }

  factsOfEnrolments(enrolments: readonly EnrolmentPair[]): Promise<EnrolmentFact[]> {
    return Promise.resolve(
      this.facts.filter((f) =>
        enrolments.some(
          ({ offeringId, learnerId }) => f.offeringId === offeringId && f.learnerId === learnerId,
        ),
      ),
    );
  }
}

/** SchemesRepository in memory: one scheme per course. */
export class InMemorySchemes implements PublicOf<SchemesRepository> {
  readonly schemes: Scheme[] = [];

  insert(scheme: Scheme): Promise<boolean> {
    return Promise.resolve(insertUnique(this.schemes, scheme));
  }

  forCourse(courseId: string): Promise<Scheme | null> {
    return Promise.resolve(this.schemes.find((scheme) => scheme._id === courseId) ?? null);
  }
}
