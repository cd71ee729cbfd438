import { spawn } from 'node:child_process';
import { join } from 'node:path';

export interface IndependentVerdict {
  verified: boolean;
  error?: string;
}

const SCRIPT = join(__dirname, 'independent-di-verifier-cli.mjs');

/**
 * A Data Integrity credential as Digital Bazaar's @digitalbazaar/vc judges it, run as its own Node process: the
 * library is ESM-only and jest here runs CommonJS. Its did:web DIDs resolve against the service at `serviceUrl`.
 */
export function independentlyVerifiedDataIntegrity(
  credential: unknown,
  serviceUrl: string,
): Promise<IndependentVerdict> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [SCRIPT], { cwd: process.cwd() });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) return reject(new Error(`the independent verifier exited ${code}: ${err}`));
      resolve(JSON.parse(out) as IndependentVerdict);
    });
    child.stdin.end(JSON.stringify({ credential, serviceUrl }));
  });
}
