import { z } from 'zod';
import { ZodValidationPipe } from './zod-validation.pipe';

/** `@Param('id', IdParam)`: a uuid, or 400 naming the field. */
export const IdParam = new ZodValidationPipe(z.uuid('must be a uuid'), 'id');

/** Body, query or param validation against a zod schema (strict objects refuse unknown fields). */
export function validate<S extends z.ZodType>(schema: S, field?: string): ZodValidationPipe<S> {
  return new ZodValidationPipe(schema, field);
}
