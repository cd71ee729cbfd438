import { applyDecorators } from '@nestjs/common';
import { ApiBody } from '@nestjs/swagger';
import type { z } from 'zod';
import { zodJsonSchema } from './api-responses';

/** Documents a JSON request body in OpenAPI from the same zod schema that validates it. */
export function ApiZodBody(schema: z.ZodType, description?: string): MethodDecorator {
  return applyDecorators(
    ApiBody({ schema: zodJsonSchema(schema, 'input'), ...(description ? { description } : {}) }),
  );
}
