import { IS_PUBLIC, REQUIRED_ROLES, ROLES } from '@lib/auth';
import type { INestApplication } from '@nestjs/common';
import { ModulesContainer } from '@nestjs/core';
import { DocumentBuilder, type OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { ERROR_BODY_SCHEMA_NAME, errorBodySchema, errorResponse, type ErrorStatus } from './api-responses';
import { bodyLimitBytes, type LargeBody } from './body-limits';

/** The OpenAPI version of every service's document; zod's JSON Schemas (2020-12) are native to it. */
export const OPENAPI_VERSION = '3.1.0';

/** Serves the OpenAPI document and its UI at `/api/<service>/docs` (JSON at `/api/<service>/docs-json`). */
export function setupOpenApi(
  app: INestApplication,
  service: string,
  description: string,
  largeBodies: readonly LargeBody[] = [],
): void {
  const document = completeResponses(
    SwaggerModule.createDocument(
      app,
      new DocumentBuilder()
        .setOpenAPIVersion(OPENAPI_VERSION)
        .setTitle(`Credit Bridge ${service}`)
        .setDescription(description)
        .setVersion('1')
        .addBearerAuth()
        .build(),
    ),
    largeBodies,
    accessOf(app),
  );
  SwaggerModule.setup(`api/${service}/docs`, app, document, { jsonDocumentUrl: `api/${service}/docs-json` });
}

type Operation = NonNullable<OpenAPIObject['paths'][string]['get']>;
const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;

/** Who may call an operation, by Nest's operation id (`Controller_method`), from the guard's own metadata. */
export interface OperationAccess {
  readonly public: boolean;
  /** The roles the guard lets through; undefined: any signed-in caller. */
  readonly roles?: readonly string[];
}

function accessOf(app: INestApplication): Map<string, OperationAccess> {
  const access = new Map<string, OperationAccess>();
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const type = wrapper.metatype as { name: string; prototype: Record<string, unknown> } | null;
      if (!type) continue;
      for (const method of Object.getOwnPropertyNames(type.prototype)) {
        const handler = type.prototype[method];
        if (method === 'constructor' || typeof handler !== 'function') continue;
        // The guard's order: the method's metadata overrides the controller's.
        const metadata = <T>(key: string): T | undefined =>
          (Reflect.getMetadata(key, handler) ?? Reflect.getMetadata(key, type)) as T | undefined;
        const roles = metadata<string[]>(REQUIRED_ROLES);
        access.set(`${type.name}_${method}`, {
          public: metadata<boolean>(IS_PUBLIC) === true,
          ...(roles ? { roles } : {}),
        });
      }
    }
  }
  return access;
}

/**
 * Adds the error answers every operation can give by its shape, so controllers name only their extras
 * (`@ApiErrors`): 400 when it takes parameters or a body, 401 and 403 when it needs a token, 404 when its path
 * names something, 413 (with the real JSON body limit) when it takes a body, 500 and 503 always.
 */
export function completeResponses(
  document: OpenAPIObject,
  largeBodies: readonly LargeBody[] = [],
  access: ReadonlyMap<string, OperationAccess> = new Map(),
): OpenAPIObject {
  document.components = {
    ...document.components,
    schemas: {
      ...document.components?.schemas,
      [ERROR_BODY_SCHEMA_NAME]: structuredClone(errorBodySchema) as never,
    },
  };
  for (const [path, item] of Object.entries(document.paths)) {
    for (const method of METHODS) {
      const operation = item[method];
      if (operation) completeOperation(operation, path, largeBodies, access.get(operation.operationId ?? ''));
    }
  }
  return document;
}

function completeOperation(
  operation: Operation,
  path: string,
  largeBodies: readonly LargeBody[],
  access: OperationAccess | undefined,
): void {
  const standard: ErrorStatus[] = [500, 503];
  if (operation.requestBody || (operation.parameters ?? []).length > 0) standard.push(400);
  if (access && !access.public) {
    operation.security = [{ bearer: [] }];
    standard.push(401);
    // The guard refuses roles outside the list; resource-level refusals are named with @ApiErrors(403).
    if (access.roles && !ROLES.every((role) => access.roles!.includes(role))) standard.push(403);
    (operation as Operation & { 'x-roles'?: readonly string[] })['x-roles'] = access.roles ?? [...ROLES];
  } else if (access?.public) delete operation.security;
  if (path.includes('{')) standard.push(404);
  const responses = operation.responses;
  for (const status of standard) responses[status] ??= errorResponse(status);
  const body = operation.requestBody;
  if (body && 'content' in body) {
    const types = Object.keys(body.content);
    // Endpoints that take only uploads refuse other content types; JSON endpoints read anything else as no body.
    if (!types.includes('application/json')) responses[415] ??= errorResponse(415);
    const expressPath = path.replace(/\{(\w+)\}/g, ':$1');
    const limits = types.map(
      (type) => `${type} up to ${describeBytes(bodyLimitBytes(expressPath, type, largeBodies))}`,
    );
    responses[413] = errorResponse(
      413,
      `The body is larger than this endpoint accepts (${limits.join('; ')})`,
    );
    for (const type of types) {
      (body.content[type] as { 'x-body-limit-bytes'?: number })['x-body-limit-bytes'] = bodyLimitBytes(
        expressPath,
        type,
        largeBodies,
      );
    }
  }
  // Nest documents a success answer without a description when the controller names none.
  for (const [status, response] of Object.entries(responses)) {
    if (response && 'description' in response && !response.description)
      response.description = successMeaning(status);
  }
}

function describeBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${bytes / (1024 * 1024)} MB` : `${bytes / 1024} kB`;
}

function successMeaning(status: string): string {
  return status === '201' ? 'Created' : status === '204' ? 'Done; no body' : 'OK';
}
