import { spawn } from 'node:child_process';

/**
 * Runs a Node script as its own process, JSON in on stdin and JSON out on stdout: how specs use Digital Bazaar's
 * ESM-only libraries, which jest's CommonJS here cannot import.
 */
export function runJsonScript<T>(script: string, input: unknown): Promise<T> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script], { cwd: process.cwd() });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) return reject(new Error(`${script} exited ${code}: ${err}`));
      resolve(JSON.parse(out) as T);
    });
    child.stdin.end(JSON.stringify(input));
  });
}
