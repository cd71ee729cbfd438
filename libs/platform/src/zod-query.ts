import { Query } from '@nestjs/common';
import { ApiQuery, type ApiQueryOptions } from '@nestjs/swagger';
import type { z } from 'zod';
import { zodJsonSchema } from './api-responses';
import { validate } from './request-validation';

/**
 * `@ZodQuery(schema)`: the query string, read with a zod object schema (400 naming each bad parameter, unknown ones
 * refused when the schema is strict) and documented in OpenAPI parameter by parameter from the same schema, so the
 * document cannot drift from what the code accepts.
 */
export function ZodQuery(schema: z.ZodObject): ParameterDecorator {
  const parameters = queryParametersOf(schema);
  return (target, key, index) => {
    Query(validate(schema))(target, key, index);
    const descriptor = Object.getOwnPropertyDescriptor(target, key!)!;
    for (const parameter of parameters) ApiQuery(parameter)(target, key!, descriptor);
  };
}

/** One OpenAPI query parameter per field of the schema, required unless it may be left out. */
export function queryParametersOf(schema: z.ZodObject): ApiQueryOptions[] {
  return Object.entries(schema.shape).map(([name, field]) => {
    const { description, ...jsonSchema } = zodJsonSchema(field as z.ZodType, 'input');
    return {
      name,
      required: !(field as z.ZodType).safeParse(undefined).success,
      schema: jsonSchema,
      ...(typeof description === 'string' ? { description } : {}),
    };
  });
}
