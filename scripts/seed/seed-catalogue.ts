import type { ApiClient } from '../chaos/api-client';
import { ApiError } from '../chaos/api-client';
import { COURSE_FACTS, COURSES, PARTNERS, type SeedCourse, SCHEME, UNIVERSITY } from './seed-data';
import type { SeedApi } from './seed-api';

interface Identified {
  id: string;
}

/** A course of the seed with what the later steps need: its ids, its offering and the achievement it leads to. */
export interface SeededCourse extends SeedCourse {
  courseId: string;
  partnerId: string;
  offeringId: string;
  achievementUrl: string;
}

export interface SeededCatalogue {
  universityId: string;
  partnerIds: string[];
  courses: SeededCourse[];
}

/** The organisations (as the admin), then the university's courses, authorisations, offerings and awards. */
export async function seedCatalogue(seed: SeedApi): Promise<SeededCatalogue> {
  const admin = seed.as('admin');
  const organisation = (body: { name: string }) =>
    seed.findOrCreate<Identified & { name: string }>(
      admin,
      '/api/enrolment/organisations',
      (found) => found.name === body.name,
      () => admin.post('/api/enrolment/organisations', body),
    );
  const universityId = (await organisation(UNIVERSITY)).id;
  const partnerIds: string[] = [];
  for (const partner of PARTNERS) partnerIds.push((await organisation(partner)).id);
  const registrar = seed.as('registrar', { org: universityId });
  const courses: SeededCourse[] = [];
  for (const course of COURSES) {
    const partnerId = partnerIds[course.partner]!;
    const courseId = await seedCourse(seed, registrar, course, partnerId);
    const partnerStaff = seed.as('partner', { org: partnerId });
    const offeringId = await seedOffering(seed, partnerStaff, course, courseId, partnerId);
    const achievementUrl = await seedAward(seed, registrar, courseId);
    courses.push({ ...course, courseId, partnerId, offeringId, achievementUrl });
  }
  return { universityId, partnerIds, courses };
}

/** The course, and its partner's authorisation to deliver it. */
async function seedCourse(seed: SeedApi, registrar: ApiClient, course: SeedCourse, partnerId: string) {
  const { id: courseId } = await seed.findOrCreate<Identified & { code: string }>(
    registrar,
    '/api/enrolment/courses',
    (found) => found.code === course.code,
    () =>
      registrar.post('/api/enrolment/courses', {
        code: course.code,
        title: course.title,
        description: course.description,
        learningOutcomes: course.learningOutcomes,
        ...COURSE_FACTS,
      }),
  );
  await seed.findOrCreate<{ partnerId: string; courseId: string }>(
    registrar,
    '/api/enrolment/authorisations',
    (found) => found.partnerId === partnerId && found.courseId === courseId,
    () => registrar.post('/api/enrolment/authorisations', { partnerId, courseId, validFrom: '2026-01-01' }),
  );
  return courseId;
}

/** The partner's open offering of the course, published. */
async function seedOffering(
  seed: SeedApi,
  partnerStaff: ApiClient,
  course: SeedCourse,
  courseId: string,
  partnerId: string,
): Promise<string> {
  const day = new Date().toISOString().slice(0, 10);
  const offering = await seed.findOrCreate<Identified & { courseId: string; status: string }>(
    partnerStaff,
    '/api/enrolment/offerings',
    (found) => found.courseId === courseId,
    () =>
      partnerStaff.post('/api/enrolment/offerings', {
        courseId,
        deliveringOrganisationId: partnerId,
        startDate: day,
        endDate: day,
        mode: 'in-person',
        location: course.location,
        capacity: 30,
        enrolmentOpensAt: new Date(Date.now() - 86_400_000).toISOString(),
        enrolmentClosesAt: new Date(Date.now() + 30 * 86_400_000).toISOString(),
      }),
  );
  if (offering.status === 'draft')
    await partnerStaff.post(`/api/enrolment/offerings/${offering.id}/publish`, {});
  return offering.id;
}

/**
 * The assessment scheme and the achievement (so that a ratified pass leads to a credential). Both wait until the
 * course has reached assessment and credentials; a 409 means an earlier run made them.
 */
async function seedAward(seed: SeedApi, registrar: ApiClient, courseId: string): Promise<string> {
  const existing = (error: unknown) => error instanceof ApiError && error.status === 409;
  await seed
    .whenKnown('the assessment scheme', () =>
      registrar.post('/api/assessment/schemes', { courseId, ...SCHEME }),
    )
    .catch((error: unknown) => {
      if (!existing(error)) throw error;
    });
  const achievement = await seed.findOrCreate<{ courseId: string; url: string }>(
    registrar,
    '/api/credentials/achievements',
    (found) => found.courseId === courseId,
    async () => {
      const created = await seed.whenKnown('the achievement', () =>
        registrar.post<{ id: string }>('/api/credentials/achievements', {
          courseId,
          criteria: 'Attend the whole day and pass the project, marked by the partner’s assessors.',
          achievementType: 'MicroCredential',
          fieldOfStudy: 'Health informatics',
        }),
      );
      return { courseId, url: created.id };
    },
  );
  return achievement.url;
}
