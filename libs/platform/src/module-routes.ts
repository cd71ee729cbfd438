import { routesOfController } from '@lib/auth';
import type { DynamicModule, Type } from '@nestjs/common';

type ModuleRef = Type<unknown> | DynamicModule | Promise<DynamicModule> | undefined;

/** Every controller a module tree declares, found through the module metadata without starting it. */
export function controllersOf(root: ModuleRef, seen = new Set<unknown>()): Type<unknown>[] {
  if (!root || root instanceof Promise || seen.has(root)) return [];
  seen.add(root);
  const dynamic = 'module' in root ? root : undefined;
  const type = dynamic ? dynamic.module : (root as Type<unknown>);
  const metadata = (key: string) => (Reflect.getMetadata(key, type) ?? []) as unknown[];
  const controllers = [...metadata('controllers'), ...(dynamic?.controllers ?? [])] as Type<unknown>[];
  const imports = [...metadata('imports'), ...(dynamic?.imports ?? [])] as ModuleRef[];
  return [...controllers, ...imports.flatMap((child) => controllersOf(child, seen))];
}

/** Every route (`METHOD /path`) a module tree serves. */
export function routesOfModule(root: DynamicModule | Type<unknown>): string[] {
  return [...new Set(controllersOf(root).flatMap(routesOfController))].sort();
}
