import { validate } from '@lib/platform';
import type { VerifyOptions } from '@lib/vc';
import { UnsupportedMediaTypeException } from '@nestjs/common';
import type { Request } from 'express';
import { z } from 'zod';
import { jwtsOfFile } from './batch-file';
import { trustedByQuery, verificationScopeQuery, verifyBatchBody, verifyBody } from './verification.dto';

/** What `POST /verify` was sent: a certificate PDF, or a credential in JSON. */
export type VerifySubmission = (
  | { kind: 'pdf'; pdf: Uint8Array; options: VerifyOptions }
  | { kind: 'credential'; credential: unknown; options: VerifyOptions }
) &
  TrustScope;

/** Whose trust list a verification uses: an awarding body's (`?organisationId=`), else the hub-wide one alone. */
export interface TrustScope {
  organisationId?: string;
}

/** What `POST /verify/batch` was sent, as JSON or as a CSV/text file of JWTs. */
export interface BatchSubmission extends TrustScope {
  credentials: readonly unknown[];
  options: VerifyOptions;
}

const pdfQuery = validate(
  z.strictObject({ holderEmail: z.email().max(320).optional(), organisationId: trustedByQuery }),
);
const scopeQuery = validate(verificationScopeQuery);
const verifyJson = validate(verifyBody);
const batchJson = validate(verifyBatchBody);

/** The body of `POST /verify` by its content type: the PDF itself (holder's email in the query), or JSON. */
export function verifySubmissionOf(request: Request): VerifySubmission {
  if (request.is('application/pdf')) {
    if (!Buffer.isBuffer(request.body))
      throw new UnsupportedMediaTypeException('Send the PDF as the request body.');
    const { holderEmail, organisationId } = pdfQuery.transform(request.query);
    return {
      kind: 'pdf',
      pdf: new Uint8Array(request.body),
      options: holderOptions(holderEmail),
      ...trustScope(organisationId),
    };
  }
  const { organisationId } = scopeQuery.transform(request.query);
  const body = verifyJson.transform(jsonBody(request));
  return {
    kind: 'credential',
    credential: body.credential,
    options: holderOptions(body.holderEmail),
    ...trustScope(organisationId),
  };
}

/** The body of `POST /verify/batch` by its content type: a CSV or text file of JWTs, or JSON. */
export function batchSubmissionOf(request: Request): BatchSubmission {
  const scope = trustScope(scopeQuery.transform(request.query).organisationId);
  if (request.is('text/csv') || request.is('text/plain'))
    return { credentials: jwtsOfFile(String(request.body ?? '')), options: {}, ...scope };
  const body = batchJson.transform(jsonBody(request));
  return { credentials: body.credentials, options: holderOptions(body.holderEmail), ...scope };
}

export function trustScope(organisationId: string | undefined): TrustScope {
  return organisationId ? { organisationId } : {};
}

function holderOptions(holderEmail: string | undefined): VerifyOptions {
  return holderEmail ? { holderEmail } : {};
}

function jsonBody(request: Request): unknown {
  if (!request.is('application/json'))
    throw new UnsupportedMediaTypeException(
      'Send JSON (application/json), or the PDF certificate as application/pdf.',
    );
  return request.body;
}
