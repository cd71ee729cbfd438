import { join } from 'node:path';

/** Loads a TypeScript worker under jest, which compiles TypeScript only inside its own module registry. */
const TS_WORKER = join(__dirname, '..', '..', '..', '..', 'tools', 'ts-worker.js');

/**
 * How to start a worker thread from a module of ours: the compiled .js itself (dist/, as the services run), or its
 * .ts source through tools/ts-worker.js, which compiles it with swc (jest runs the services from source).
 */
export function workerScript(module: string): { filename: string; argv: string[] } {
  return module.endsWith('.ts') ? { filename: TS_WORKER, argv: [module] } : { filename: module, argv: [] };
}
