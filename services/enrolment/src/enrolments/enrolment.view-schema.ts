import type { ViewFits } from '@lib/platform';
import { date, id, timestamp } from '@lib/contracts';
import { z } from 'zod';
import type { EnrolmentView } from './enrolment-view';
import type { OwnEnrolmentView } from './own-enrolment-view';
import type { BulkEnrolmentReport } from './bulk-rows';
import type { BulkCompletionReport } from './completion-rows';

/** `EnrolmentView` as the API documents it; `learner` only for staff. */
export const enrolmentView = z.object({
  id,
  offeringId: id,
  learnerId: id,
  learner: z.object({ givenName: z.string(), familyName: z.string(), email: z.string() }).optional(),
  status: z.enum(['enrolled', 'waitlisted', 'withdrawn', 'completed', 'pending']),
  seat: z.int().min(1).optional(),
  waitlistPosition: z.int().min(1).optional(),
  attendance: z.enum(['attended', 'did-not-attend']).optional(),
  requestedAt: timestamp,
  withdrawnAt: timestamp.optional(),
  completedAt: timestamp.optional(),
});

const organisationNamed = z.object({ id, name: z.string() });

/** `OwnEnrolmentView`: an enrolment as its learner sees it, with the course, its run and who runs it. */
export const ownEnrolmentView = enrolmentView.extend({
  course: z.object({ id, code: z.string(), title: z.string() }),
  offering: z.object({
    startDate: date,
    endDate: date,
    mode: z.enum(['in-person', 'online', 'blended']),
    location: z.string().optional(),
  }),
  awardingBody: organisationNamed,
  deliveringPartner: organisationNamed,
});

const count = z.int().min(0);

/** `BulkEnrolmentReport`: a result per CSV row, in file order. */
export const bulkEnrolmentReport = z.object({
  offeringId: id,
  rows: count,
  enrolled: count,
  waitlisted: count,
  duplicate: count,
  invalid: count,
  results: z.array(
    z.object({
      line: z.int().min(1),
      email: z.string(),
      result: z.enum(['enrolled', 'waitlisted', 'duplicate', 'invalid']),
      reason: z.string().optional(),
      enrolmentId: id.optional(),
    }),
  ),
});

/** `BulkCompletionReport`: a result per CSV row, in file order. */
export const bulkCompletionReport = z.object({
  offeringId: id,
  rows: count,
  completed: count,
  duplicate: count,
  invalid: count,
  results: z.array(
    z.object({
      line: z.int().min(1),
      enrolmentId: z.string().optional(),
      email: z.string().optional(),
      result: z.enum(['completed', 'duplicate', 'invalid']),
      reason: z.string().optional(),
    }),
  ),
});

// What the service returns fits what the document says (checked by the compiler).
export type EnrolmentViewFits = ViewFits<EnrolmentView, typeof enrolmentView>;
export type OwnEnrolmentViewFits = ViewFits<OwnEnrolmentView, typeof ownEnrolmentView>;
export type BulkEnrolmentReportFits = ViewFits<BulkEnrolmentReport, typeof bulkEnrolmentReport>;
export type BulkCompletionReportFits = ViewFits<BulkCompletionReport, typeof bulkCompletionReport>;
