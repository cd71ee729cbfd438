import { applyDecorators } from '@nestjs/common';
import { ApiResponse } from '@nestjs/swagger';
import { z } from 'zod';

/** The error answers the documents name; each has the one error shape (`ErrorBody`). */
export type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 410 | 413 | 415 | 422 | 429 | 500 | 503;

export const ERROR_BODY_SCHEMA_NAME = 'ErrorBody';
const errorBodyRef = { $ref: `#/components/schemas/${ERROR_BODY_SCHEMA_NAME}` };

/** JSON Schema of `ErrorBody` (error-body.ts), published once per document under `components.schemas`. */
export const errorBodySchema = {
  type: 'object',
  required: ['statusCode', 'error', 'message'],
  additionalProperties: false,
  properties: {
    statusCode: { type: 'integer', minimum: 400, maximum: 599 },
    error: { type: 'string', description: 'the HTTP reason phrase' },
    message: { type: 'string', description: 'what went wrong, for people' },
    errors: {
      type: 'array',
      description: 'field-level problems of a 400',
      items: {
        type: 'object',
        required: ['field', 'message'],
        additionalProperties: false,
        properties: { field: { type: 'string' }, message: { type: 'string' } },
      },
    },
    errorId: { type: 'string', description: 'on 500s only: quote it to find the logged cause' },
    retryAfterSeconds: { type: 'integer', minimum: 0, description: 'on 503s only: try again after this' },
  },
} as const;

/** What each error answer means, as the documents say it. */
export const ERROR_MEANINGS: Record<ErrorStatus, string> = {
  400: 'The request is not valid: `errors` names each field and its problem',
  401: 'No access token, or one that is not valid (signature, expiry, audience)',
  403: 'The token’s role or organisation may not do this',
  404: 'Nothing with this id, or nothing the caller may see',
  409: 'The request conflicts with the current state',
  410: 'What the request names is gone for good (used or expired)',
  413: 'The body is larger than this endpoint accepts',
  415: 'The body’s content type is not one this endpoint accepts',
  422: 'The request is well formed but cannot be acted on',
  429: 'Too many requests from this client; try again later',
  500: 'An unexpected failure; `errorId` finds the logged cause',
  503: 'A dependency (database, Kafka, another service) is out of reach; `retryAfterSeconds` says when to retry',
};

/** One error answer as an OpenAPI response object. */
export function errorResponse(status: ErrorStatus, description = ERROR_MEANINGS[status]) {
  return { description, content: { 'application/json': { schema: errorBodyRef } } };
}

/**
 * Documents the error answers an endpoint gives besides the standard set that `setupOpenApi` adds to every
 * operation (400, 401/403, 404, 413, 500, 503 as its shape implies); a description overrides the general meaning.
 */
export function ApiErrors(
  ...statuses: (ErrorStatus | [ErrorStatus, string])[]
): MethodDecorator & ClassDecorator {
  return applyDecorators(
    ...statuses.map((entry) => {
      const [status, description] = Array.isArray(entry) ? entry : [entry, ERROR_MEANINGS[entry]];
      return ApiResponse({ status, description, schema: errorBodyRef });
    }),
  );
}

/**
 * Documents an error status whose body is either the one error shape (a request that is not valid) or an answer of
 * its own that a standard asks for (the VC-API's `{verified: false, errors}` with a 400), described by `schema`.
 */
export function ApiErrorOr(status: ErrorStatus, schema: z.ZodType, description: string): MethodDecorator {
  return applyDecorators(
    ApiResponse({
      status,
      description,
      content: { 'application/json': { schema: { oneOf: [errorBodyRef, zodJsonSchema(schema)] } } },
    }),
  );
}

/**
 * Compiles only when every value of `View` (what a service returns) is one the schema's output type allows, so a
 * documented schema cannot drift from the view it documents: `type _Documented = ViewFits<MyView, typeof myView>`.
 */
export type ViewFits<View extends z.output<Schema>, Schema extends z.ZodType> = [View, Schema];

/** Documents a success answer's JSON body from a zod schema (the view's shape). */
export function ApiZodResponse(
  schema: z.ZodType,
  options: { status?: number; description: string },
): MethodDecorator & ClassDecorator {
  return applyDecorators(
    ApiResponse({
      status: options.status ?? 200,
      description: options.description,
      schema: zodJsonSchema(schema),
    }),
  );
}

/**
 * Documents a success answer that is not JSON, or JSON of its own media type: a file (PDF, PNG, CSV), a signed JWT
 * as text, a JWK set. Each media type maps to the schema of its body (a string, binary or not, by default).
 */
export function ApiFileResponse(options: {
  status?: number;
  description: string;
  types: Record<string, z.ZodType | 'binary' | 'text'>;
}): MethodDecorator & ClassDecorator {
  const content = Object.fromEntries(
    Object.entries(options.types).map(([type, body]) => [
      type,
      {
        schema:
          body === 'binary'
            ? { type: 'string', format: 'binary' }
            : body === 'text'
              ? { type: 'string' }
              : zodJsonSchema(body),
      },
    ]),
  );
  return applyDecorators(
    ApiResponse({ status: options.status ?? 200, description: options.description, content }),
  );
}

/** A zod schema as a JSON Schema (2020-12, as OpenAPI 3.1 takes it), for the documents. */
export function zodJsonSchema(schema: z.ZodType, io: 'input' | 'output' = 'output'): Record<string, unknown> {
  const jsonSchema = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as Record<string, unknown>;
  delete jsonSchema.$schema;
  return jsonSchema;
}
