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
    async () => {
      // 409: the course has its scheme already (set by an earlier step of the same spec).
      const answer = await call(assessment, 'POST', '/api/assessment/schemes', {
        headers: registrar,
        body: scheme,
      });
      return answer.status === 201 || answer.status === 409;
    },
    { what: `course ${scheme.courseId} to reach assessment` },
  );
}

/**
 * Records marks once the offering has reached assessment, then waits until the learner's enrolment has too
 * (the result is announced), so the result can be ratified. Returns the result.
 */
export async function recordWhenKnown(
  assessment: string,
  assessor: Headers,
  offeringId: string,
  learnerId: string,
  marks: Record<string, number>,
): Promise<any> {
  const recorded = await waitFor(
    async () => {
      const path = `/api/assessment/offerings/${offeringId}/results`;
      const answer = await call(assessment, 'POST', path, { headers: assessor, body: { learnerId, marks } });
      return answer.status === 201 ? answer.body : undefined;
    },
    { what: `offering ${offeringId} to reach assessment` },
  );
  return waitFor(
    async () => {
      const result = (
        await call(assessment, 'GET', `/api/assessment/results/${recorded.resultId}`, { headers: assessor })
      ).body;
      return result.versions?.at(-1)?.announced === true ? result : undefined;
    },
    { what: `learner ${learnerId}'s enrolment to reach assessment` },
  );
}
