import { BadRequestException, Injectable, type PipeTransform } from '@nestjs/common';
import type { z } from 'zod';
import type { FieldError } from './error-body';

/**
 * Validates a request part against a zod schema: 400 with one entry per bad field, unknown fields refused
 * (schemas are strict), and the parsed value passed on.
 */
@Injectable()
export class ZodValidationPipe<S extends z.ZodType> implements PipeTransform<unknown, z.output<S>> {
  constructor(
    private readonly schema: S,
    /** Names the field when the value is a single parameter, e.g. `id`. */
    private readonly field?: string,
  ) {}

  transform(value: unknown): z.output<S> {
    const parsed = this.schema.safeParse(value);
    if (parsed.success) return parsed.data;
    const errors = parsed.error.issues.flatMap((issue) => this.fieldErrors(issue));
    throw new BadRequestException({
      error: 'Bad Request',
      message: 'The request is not valid; see errors.',
      errors,
    });
  }

  /** One error per field; an unknown field is named itself rather than its parent object. */
  private fieldErrors(issue: z.core.$ZodIssue): FieldError[] {
    const at = (extra: PropertyKey[] = []): string =>
      [this.field, ...issue.path, ...extra]
        .filter((part) => part !== undefined)
        .map(String)
        .join('.') || '(body)';
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({ field: at([key]), message: 'is not a known field' }));
    }
    return [{ field: at(), message: issue.message }];
  }
}
