import { Injectable, type PipeTransform } from '@nestjs/common';
import type { z } from 'zod';
import { invalidRequest } from './field-errors';

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
    throw invalidRequest(parsed.error.issues, this.field);
  }
}
