import { bearer, call, waitFor } from '@lib/testing';
import { recordWhenKnown, setSchemeWhenKnown, simpleScheme } from './assessment';
import { learner, ok, type University } from './university';

/** The services a learner passes through to earn a credential. */
export interface IssuingServices {
  enrolment: string;
  assessment: string;
  credentials: string;
}

type LearnerDetails = { email: string; givenName: string; familyName: string };

/**
 * Enrols a learner, records attendance, a mark and its ratification, and defines the course's achievement;
 * resolves with the learner and their issued credential (`credentialId`, `jwt`).
 */
export async function earnCredential(
  services: IssuingServices,
  uni: University,
  mark: number,
  details: LearnerDetails = learner('c'),
): Promise<{ learnerId: string; learner: LearnerDetails; credential: any }> {
  const completed = await completeAndRatify(services, uni, mark, { learner: details });
  return { ...completed, credential: await credentialOf(services.credentials, completed.learnerId) };
}

/**
 * The steps that earn a credential, without waiting for it (it may be held): enrolment, completion, a ratified
 * mark, the course's achievement. `beforeCompletion` runs between enrolment and completion.
 */
export async function completeAndRatify(
  services: IssuingServices,
  uni: University,
  mark: number,
  options: { learner?: LearnerDetails; beforeCompletion?: () => Promise<void> } = {},
): Promise<{ id: string; learnerId: string; learner: LearnerDetails }> {
  const { result, ...completed } = await completeWithProvisionalMark(services, uni, mark, options);
  await ok(
    call(services.assessment, 'POST', `/api/assessment/results/${result.resultId}/ratification`, {
      headers: uni.registrar,
    }),
  );
  await defineAchievement(services.credentials, uni);
  return completed;
}

/**
 * Enrolment, attendance and a mark recorded and announced, left provisional for the exam board to ratify:
 * resolves with the enrolment, the learner and the result.
 */
export async function completeWithProvisionalMark(
  services: IssuingServices,
  uni: University,
  mark: number,
  options: { learner?: LearnerDetails; beforeCompletion?: () => Promise<void> } = {},
): Promise<{ id: string; learnerId: string; learner: LearnerDetails; result: any }> {
  const details = options.learner ?? learner('c');
  const enrolled = await ok(
    call(services.enrolment, 'POST', `/api/enrolment/offerings/${uni.offeringId}/enrolments`, {
      headers: uni.partner,
      body: { learner: details },
    }),
  );
  await options.beforeCompletion?.();
  await ok(
    call(services.enrolment, 'POST', `/api/enrolment/enrolments/${enrolled.id}/completion`, {
      headers: uni.partner,
      body: { attendance: 'attended' },
    }),
  );
  await setSchemeWhenKnown(services.assessment, uni.registrar, simpleScheme(uni.courseId));
  const result = await recordWhenKnown(
    services.assessment,
    uni.assessor,
    uni.offeringId,
    enrolled.learnerId,
    {
      Project: mark,
    },
  );
  return { ...enrolled, learner: details, result };
}

/** The learner's newest credential, once issued: `{ credentialId, jwt, ... }`. */
export async function credentialOf(credentials: string, learnerId: string): Promise<any> {
  const headers = bearer('learner', { sub: learnerId });
  const [credential] = await waitFor(
    async () => {
      const mine = await ok(
        call(credentials, 'GET', '/api/credentials/learners/me/credentials', { headers }),
      );
      return mine.items.length > 0 ? mine.items : undefined;
    },
    { what: 'the credential to be issued', timeoutMs: 40000 },
  );
  return credential;
}

/** Defines the course's achievement once the course has reached credentials (409: defined already). */
export async function defineAchievement(credentials: string, uni: University): Promise<void> {
  await waitFor(
    async () => {
      const answer = await call(credentials, 'POST', '/api/credentials/achievements', {
        headers: uni.registrar,
        body: { courseId: uni.courseId, criteria: 'Attend and pass the assessed project.' },
      });
      return answer.status === 201 || answer.status === 409;
    },
    { what: 'the course to reach credentials' },
  );
}
