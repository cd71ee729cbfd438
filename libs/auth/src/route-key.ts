import { RequestMethod, type Type } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';

type Handler = (...args: never[]) => unknown;

/** `GET /api/x/:id`: the key of a Nest route in an access table, from its controller and handler. */
export function routeKeysOf(controller: Type<unknown>, handler: Handler): string[] {
  const method = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod | undefined;
  if (method === undefined) return [];
  const base = pathsOf(Reflect.getMetadata(PATH_METADATA, controller));
  const own = pathsOf(Reflect.getMetadata(PATH_METADATA, handler));
  return base.flatMap((prefix) =>
    own.map((path) => `${RequestMethod[method]} ${normalise(`${prefix}/${path}`)}`),
  );
}

/** Every route a controller declares. */
export function routesOfController(controller: Type<unknown>): string[] {
  const prototype = controller.prototype as Record<string, unknown>;
  return Object.getOwnPropertyNames(prototype)
    .filter((name) => name !== 'constructor' && typeof prototype[name] === 'function')
    .flatMap((name) => routeKeysOf(controller, prototype[name] as Handler));
}

function pathsOf(metadata: unknown): string[] {
  if (Array.isArray(metadata)) return metadata.map(String);
  return [typeof metadata === 'string' ? metadata : ''];
}

function normalise(path: string): string {
  const joined = `/${path}`.replace(/\/+/g, '/');
  return joined.length > 1 ? joined.replace(/\/$/, '') : joined;
}
