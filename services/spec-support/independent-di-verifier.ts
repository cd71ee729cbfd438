import { join } from 'node:path';
import { runJsonScript } from './json-child-process';

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
  return runJsonScript<IndependentVerdict>(SCRIPT, { credential, serviceUrl });
}
