import { call, waitFor } from '@lib/testing';

type Headers = { authorization: string };

/** A one-component scheme: pass at 40, two attempts. */
export const simpleScheme = (courseId: string) => ({
  courseId,
  components: [{ name: 'Project', weight: 100, passMark: 40 }],
  overallPassMark: 40,
  maxAttempts: 2,
});

/** Sets a course's scheme as soon as the course has reached assessment through Kafka. */
export async function setSchemeWhenKnown(
  assessment: string,
  registrar: Headers,
  scheme: { courseId: string },
): Promise<void> {
  await waitFor(
    async () =>
      (await call(assessment, 'POST', '/api/assessment/schemes', { headers: registrar, body: scheme }))
        .status === 201,
    { what: `course ${scheme.courseId} to reach assessment` },
  );
}

/** Records marks as soon as the offering and the learner's enrolment have reached assessment; the result. */
export async function recordWhenKnown(
  assessment: string,
  assessor: Headers,
  offeringId: string,
  learnerId: string,
  marks: Record<string, number>,
): Promise<any> {
  return waitFor(
    async () => {
      const path = `/api/assessment/offerings/${offeringId}/results`;
      const answer = await call(assessment, 'POST', path, { headers: assessor, body: { learnerId, marks } });
      return answer.status === 201 ? answer.body : undefined;
    },
    { what: `offering ${offeringId} and learner ${learnerId} to reach assessment` },
  );
}
