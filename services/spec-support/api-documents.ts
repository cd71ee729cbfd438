import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import type { INestApplication, Type } from '@nestjs/common';
import { ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum';
import { ModulesContainer } from '@nestjs/core';
import Ajv2020 from 'ajv/dist/2020';

/** One operation of a service's OpenAPI document. */
export interface DocumentedOperation {
  method: string;
  /** OpenAPI form, e.g. `/api/recognition/claims/{id}`. */
  path: string;
  operation: any;
}

const METHODS = ['get', 'put', 'post', 'delete', 'patch'];

export function operationsOf(document: any): DocumentedOperation[] {
  return Object.entries(document.paths as Record<string, any>).flatMap(([path, item]) =>
    METHODS.filter((method) => item[method]).map((method) => ({ method, path, operation: item[method] })),
  );
}

/** `METHOD /path` of every route the running service answers (express router), in the documents' form. */
export function routesOf(app: INestApplication): string[] {
  const express = app.getHttpAdapter().getInstance();
  const stack: any[] = (express.router ?? express._router).stack;
  return stack
    .filter((layer) => layer.route)
    .flatMap((layer) =>
      Object.keys(layer.route.methods)
        .filter((method) => METHODS.includes(method))
        .map((method) => `${method} ${String(layer.route.path).replace(/:(\w+)/g, '{$1}')}`),
    )
    .filter((route) => !/\/docs(-json|-yaml)?(\/|$)|\/docs\/\*/.test(route));
}

/**
 * `Controller.method` of every handler that reads the query string (`@Query`, `@ZodQuery`) but documents no query
 * parameter: a parameter the document does not name is one no client can know of.
 */
export function handlersWithUndocumentedQueries(app: INestApplication): string[] {
  const controllers = [...app.get(ModulesContainer).values()].flatMap((module) =>
    [...module.controllers.values()].map((wrapper) => wrapper.metatype as Type<unknown>),
  );
  return controllers.flatMap((controller) =>
    Object.getOwnPropertyNames(controller.prototype)
      .filter((method) => method !== 'constructor')
      .filter((method) => {
        const args = Reflect.getMetadata(ROUTE_ARGS_METADATA, controller, method) ?? {};
        const readsQuery = Object.keys(args).some((key) => key.startsWith(`${RouteParamtypes.QUERY}:`));
        const documented: { in?: string }[] =
          Reflect.getMetadata('swagger/apiParameters', controller.prototype[method]) ?? [];
        return readsQuery && !documented.some((parameter) => parameter.in === 'query');
      })
      .map((method) => `${controller.name}.${method}`),
  );
}

/** Operations without a documented success answer, or with a 2xx (other than 204) that documents no body. */
export function successGaps(document: any): string[] {
  return operationsOf(document).flatMap((op) => {
    const name = `${op.method.toUpperCase()} ${op.path}`;
    const successes = Object.entries<any>(op.operation.responses).filter(([status]) =>
      /^2\d\d$/.test(status),
    );
    if (successes.length === 0) return [`${name}: no success answer`];
    return successes
      .filter(
        ([status, response]) =>
          status !== '204' && !Object.values<any>(response.content ?? {}).some((media) => media.schema),
      )
      .map(([status]) => `${name} ${status}: no body schema`);
  });
}

/** The documented schema of one answer's body (JSON unless named), with `#/components/schemas/...` references resolved. */
export function responseSchema(
  document: any,
  operation: any,
  status: number,
  type = 'application/json',
): any {
  const schema = operation.responses[status]?.content?.[type]?.schema;
  return schema ? resolveRefs(document, schema) : undefined;
}

const errorAjv = new Ajv2020({ strict: false, allErrors: true });

/**
 * What is wrong with an error answer's body, or undefined when it is as the document says: a body documented for the
 * operation and status, valid against its schema, that names the same status.
 */
export function errorAnswerProblem(
  document: any,
  operation: any,
  status: number,
  body: unknown,
): string | undefined {
  const schema = responseSchema(document, operation, status);
  if (!schema) return 'no documented body';
  if (!errorAjv.validate(schema, body)) return `${errorAjv.errorsText()} in ${JSON.stringify(body)}`;
  if ((body as { statusCode?: number })?.statusCode !== status) return 'body says another status';
  return undefined;
}

function resolveRefs(document: any, schema: any): any {
  if (Array.isArray(schema)) return schema.map((item) => resolveRefs(document, item));
  if (!schema || typeof schema !== 'object') return schema;
  if (typeof schema.$ref === 'string' && schema.$ref.startsWith('#/components/schemas/'))
    return resolveRefs(document, document.components.schemas[schema.$ref.split('/').pop()]);
  return Object.fromEntries(
    Object.entries(schema).map(([key, value]) => [key, resolveRefs(document, value)]),
  );
}

/**
 * A value the schema accepts, for requests that must get past validation (to reach a 404): the first enum
 * value, strings of the format, pattern and length asked, numbers in range, required properties only.
 */
export function exampleOf(schema: any): unknown {
  if (!schema || typeof schema !== 'object') return 'x';
  if ('const' in schema) return schema.const;
  if (schema.default !== undefined) return schema.default;
  if (schema.enum) return schema.enum[0];
  for (const key of ['anyOf', 'oneOf']) if (schema[key]) return exampleOf(schema[key][0]);
  if (schema.allOf) return Object.assign({}, ...schema.allOf.map(exampleOf));
  const type = Array.isArray(schema.type) ? schema.type.find((t: string) => t !== 'null') : schema.type;
  switch (type) {
    case 'object': {
      // A record (marks by component): one entry.
      if (!schema.properties && typeof schema.additionalProperties === 'object')
        return { Project: exampleOf(schema.additionalProperties) };
      // Without required properties (one of several is asked for), the first one.
      const names: string[] = schema.required?.length
        ? schema.required
        : Object.keys(schema.properties ?? {}).slice(0, 1);
      return Object.fromEntries(names.map((name) => [name, exampleOf(schema.properties?.[name])]));
    }
    case 'array':
      return Array.from({ length: schema.minItems ?? 0 }, () => exampleOf(schema.items));
    case 'integer':
    case 'number':
      return schema.minimum ?? (schema.exclusiveMinimum !== undefined ? schema.exclusiveMinimum + 1 : 1);
    case 'boolean':
      return true;
    default:
      return exampleString(schema);
  }
}

function exampleString(schema: any): string {
  switch (schema.format) {
    case 'uuid':
      return randomUUID();
    case 'email':
      return `someone.${randomUUID().slice(0, 8)}@example.org`;
    case 'date':
      return '2026-12-01';
    case 'date-time':
      return '2026-12-01T00:00:00.000Z';
    case 'uri':
      return 'https://example.org/x';
  }
  const plain = 'x'.repeat(Math.max(1, schema.minLength ?? 1));
  if (!schema.pattern) return plain;
  const pattern = new RegExp(schema.pattern);
  const candidates = [plain, `urn:uuid:${randomUUID()}`, 'MOD-1', randomUUID(), 'A'.repeat(43)];
  return candidates.find((candidate) => pattern.test(candidate)) ?? plain;
}

/**
 * Validates an OpenAPI document with @apidevtools/swagger-parser; resolves with its complaints ('' when valid).
 * The validator is an ES module that jest's CommonJS runtime cannot load, so it runs in a child Node process.
 */
export function openApiProblems(document: unknown): Promise<string> {
  const script = [
    "const SwaggerParser = require('@apidevtools/swagger-parser');",
    "let text = '';",
    "process.stdin.on('data', (chunk) => (text += chunk)).on('end', () =>",
    '  SwaggerParser.validate(JSON.parse(text)).then(() => {}, (error) => process.stdout.write(error.message)));',
  ].join('\n');
  return new Promise((resolve, reject) => {
    const child = execFile(
      process.execPath,
      ['-e', script],
      { cwd: process.cwd() },
      (error, stdout, stderr) => (error ? reject(new Error(`${error.message}\n${stderr}`)) : resolve(stdout)),
    );
    child.stdin!.end(JSON.stringify(document));
  });
}
