import { validate } from '@lib/platform';
import type { VerifyOptions } from '@lib/vc';
import { UnsupportedMediaTypeException } from '@nestjs/common';
import type { Request } from 'express';
import { z } from 'zod';
import { trustedByQuery, verificationScopeQuery, verifyBody } from './verification.dto';

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

/** What `POST /verify/batch` was sent, not yet read: a CSV or text file of JWTs, or a JSON body. */
export interface BatchUpload extends TrustScope {
  format: 'file' | 'json';
  bytes: Uint8Array;
}

/** A batch once read: the credentials to verify, in order, and the options for all of them. */
export interface BatchSubmission extends TrustScope {
  credentials: readonly unknown[];
  options: VerifyOptions;
}

const pdfQuery = validate(
  z.strictObject({ holderEmail: z.email().max(320).optional(), organisationId: trustedByQuery }),
);
const scopeQuery = validate(verificationScopeQuery);
const verifyJson = validate(verifyBody);

/** The body of `POST /verify` by its content type: the PDF itself (holder's email in the query), or JSON. */
export function verifySubmissionOf(request: Request): VerifySubmission {
  if (request.is('application/pdf')) {
    const { holderEmail, organisationId } = pdfQuery.transform(request.query);
    return {
      kind: 'pdf',
      pdf: bytesOf(request, 'the PDF'),
      options: holderOptions(holderEmail),
      ...trustScope(organisationId),
    };
  }
  const { organisationId } = scopeQuery.transform(request.query);
  if (!request.is('application/json'))
    throw new UnsupportedMediaTypeException(
      'Send JSON (application/json), or the PDF certificate as application/pdf.',
    );
  const body = verifyJson.transform(request.body);
  return {
    kind: 'credential',
    credential: body.credential,
    options: holderOptions(body.holderEmail),
    ...trustScope(organisationId),
  };
}

/**
 * The body of `POST /verify/batch` by its content type, as bytes: both forms are read in a worker thread, since
 * parsing megabytes of JSON or millions of lines would hold the event loop.
 */
export function batchUploadOf(request: Request): BatchUpload {
  const scope = trustScope(scopeQuery.transform(request.query).organisationId);
  if (request.is('text/csv') || request.is('text/plain'))
    return { format: 'file', bytes: bytesOf(request, 'the file'), ...scope };
  if (request.is('application/json')) return { format: 'json', bytes: bytesOf(request, 'JSON'), ...scope };
  throw new UnsupportedMediaTypeException(
    'Send JSON (application/json), or a text/csv or text/plain file with one JWT per line.',
  );
}

export function trustScope(organisationId: string | undefined): TrustScope {
  return organisationId ? { organisationId } : {};
}

function holderOptions(holderEmail: string | undefined): VerifyOptions {
  return holderEmail ? { holderEmail } : {};
}

/** The raw body, copied out of the parser's buffer (which may be shared) so it can be handed to a worker. */
function bytesOf(request: Request, what: string): Uint8Array {
  if (!Buffer.isBuffer(request.body))
    throw new UnsupportedMediaTypeException(`Send ${what} as the request body.`);
  return new Uint8Array(request.body);
}
