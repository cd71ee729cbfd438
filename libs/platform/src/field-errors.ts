import { BadRequestException } from '@nestjs/common';
import type { FieldError } from './error-body';

/** As much of a zod issue as a field error needs (a zod issue is one; so is one sent from a worker thread). */
export interface IssueLike {
  readonly code: string;
  readonly path: readonly PropertyKey[];
  readonly message: string;
  readonly keys?: readonly string[];
}

/** The 400 for invalid input: one field error per bad field (see `fieldErrorsOf`). */
export function invalidRequest(issues: readonly IssueLike[], field?: string): BadRequestException {
  return new BadRequestException({
    error: 'Bad Request',
    message: 'The request is not valid; see errors.',
    errors: issues.flatMap((issue) => fieldErrorsOf(issue, field)),
  });
}

/**
 * One error per field, named by its path (under `field` when the value is a single parameter); an unknown field is
 * named itself rather than its parent object.
 */
export function fieldErrorsOf(issue: IssueLike, field?: string): FieldError[] {
  const at = (extra: PropertyKey[] = []): string =>
    [field, ...issue.path, ...extra]
      .filter((part) => part !== undefined)
      .map(String)
      .join('.') || '(body)';
  if (issue.code === 'unrecognized_keys')
    return (issue.keys ?? []).map((key) => ({ field: at([key]), message: 'is not a known field' }));
  return [{ field: at(), message: issue.message }];
}
