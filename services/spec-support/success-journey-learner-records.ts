import { randomUUID } from 'node:crypto';
import { bearer, waitFor } from '@lib/testing';
import type { SuccessAnswers } from './success-answers';
import type { Made } from './success-journey-credentials';

const clr = '/api/credentials/learners/me/clr';

/**
 * The learner's record (CLR 2.0) from the awarding body, once recognition's approved credit has reached credentials;
 * asked again unchanged; listed, downloaded and verified. A learner without credentials from the body is refused.
 */
export async function learnerRecordSteps(answers: SuccessAnswers, made: Made): Promise<void> {
  const body = { awardingBodyId: made.awardingBodyId };
  const record = await waitFor(
    async () => {
      const answer = await answers.ok('credentials', 'POST', clr, { headers: made.learner, body });
      return answer.record.credits.length > 0 ? answer.record : undefined;
    },
    { what: 'the approved credit to reach credentials', timeoutMs: 30000 },
  );
  await answers.ok('credentials', 'POST', clr, { headers: made.learner, body });
  await answers.ok('credentials', 'GET', clr, { headers: made.learner });
  for (const format of ['jwt', 'json'])
    await answers.ok('credentials', 'GET', `${clr}/${record.credentialId}/download?format=${format}`, {
      headers: made.learner,
    });
  await answers.ok('credentials', 'POST', '/api/credentials/verify', { body: { credential: record.jwt } });
  await answers.refused('credentials', 'POST', clr, 422, {
    headers: bearer('learner', { sub: randomUUID() }),
    body,
  });
}
