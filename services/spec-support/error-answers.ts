import type { ErrorStatus } from '@lib/platform';

/**
 * The error answers each operation's code can give beyond what its shape implies (the standard set that
 * `completeResponses` adds: 400, 401/403 for a guarded role list, 404 for a path naming something, 413, 500, 503),
 * traced from the services (`ForbiddenException`, `ConflictException`, `UnprocessableEntityException`,
 * `NotFoundException` for ids in a body or query, and the helpers that build them). Each must stay in the document,
 * so a removed `@ApiErrors` fails the spec. A 403 is listed where the refusal is about the resource or the caller's
 * organisation, not (only) the role the guard checks.
 */
export const TRACED_ERRORS: Record<string, Record<string, ErrorStatus[]>> = {
  enrolment: {
    'POST /api/enrolment/organisations': [409],
    'POST /api/enrolment/courses': [403, 409],
    'POST /api/enrolment/authorisations': [404, 409, 422],
    'POST /api/enrolment/authorisations/{id}/withdrawal': [409],
    'POST /api/enrolment/offerings': [403, 404],
    'POST /api/enrolment/offerings/{id}/publish': [403, 409],
    'POST /api/enrolment/offerings/{id}/close': [409],
    'POST /api/enrolment/offerings/{id}/complete': [409],
    'POST /api/enrolment/offerings/{offeringId}/enrolments': [409, 422],
    'POST /api/enrolment/offerings/{offeringId}/enrolments/bulk': [409],
    'POST /api/enrolment/enrolments/{id}/withdrawal': [409],
    'POST /api/enrolment/enrolments/{id}/completion': [409],
  },
  assessment: {
    'POST /api/assessment/schemes': [404, 409],
    'POST /api/assessment/offerings/{offeringId}/results': [409],
    'POST /api/assessment/offerings/{offeringId}/results/bulk': [409],
    'POST /api/assessment/offerings/{offeringId}/ratification': [403],
    'POST /api/assessment/results/{resultId}/ratification': [403, 409],
    'POST /api/assessment/results/{resultId}/amendment': [403, 409],
  },
  credentials: {
    'POST /api/credentials/achievements': [404, 409],
    'POST /api/credentials/achievements/{id}/versions': [409],
    'POST /api/credentials/credentials/{credentialId}/revocation': [409],
    'POST /api/credentials/credentials/{credentialId}/suspension': [409],
    'POST /api/credentials/credentials/{credentialId}/reinstatement': [409],
    'POST /api/credentials/learners/me/share-links/{token}/withdrawal': [409],
    'POST /api/credentials/trust-list': [409, 422],
    'POST /api/credentials/trust-list/removal': [404],
    'POST /api/credentials/organisations/{organisationId}/trust-list': [409, 422],
    'POST /api/credentials/verify': [404, 413, 422],
    'POST /api/credentials/verify/batch': [404, 413, 422],
    'POST /api/credentials/credentials/verify': [404],
    'POST /api/credentials/credentials/issue': [403, 409, 422],
    'POST /api/credentials/learners/me/clr': [404, 422],
    'GET /api/credentials/partner-authorisations/check': [404],
    'GET /api/credentials/hold-check': [404],
    'POST /api/credentials/exchanges/{exchangeId}': [410, 422],
    'POST /api/credentials/oid4vci/credential': [401, 410],
  },
  recognition: {
    'POST /api/recognition/programmes': [409],
    'POST /api/recognition/programmes/{id}/modules': [409],
    'POST /api/recognition/claims': [403, 404],
    'POST /api/recognition/claims/{id}/credentials': [403],
    'POST /api/recognition/claims/{id}/decisions': [409],
  },
};

/**
 * Answers that need a record in a particular state (a conflict, a wallet offer used or expired) or an upload that is slow or heavy to read (a 422
 * of the batch endpoint), which the spec's generic probes (unknown ids, every role, bad bodies) cannot build. The
 * spec checks that they are documented, and produces them where a probe can; the success journey produces the
 * conflicts and unusable key sets from the states it builds (spec-support/success-journey*.ts).
 *
 * The batch endpoint's 422 (a body read past VERIFY_BATCH_TIME_LIMIT_MS) is produced by the spec's probe against a
 * credentials service that allows 10 ms: no body within the size and value limits takes the default 3 s to read.
 */
export const STATE_DEPENDENT: readonly ErrorStatus[] = [409, 410, 422];
