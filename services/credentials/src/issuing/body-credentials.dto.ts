import { id } from '@lib/contracts';
import { paginationQuery } from '@lib/persistence';
import type { z } from 'zod';

/** `?learnerId=&courseId=&page=&pageSize=`: a registrar's search of their body's credentials; both filters optional. */
export const bodyCredentialsQuery = paginationQuery.extend({
  learnerId: id.optional().describe("the learner's id: only their credentials"),
  courseId: id.optional().describe("one of your courses' id: only the credentials of its achievement"),
});

export type BodyCredentialsQuery = z.output<typeof bodyCredentialsQuery>;
