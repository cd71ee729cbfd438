import { join } from 'node:path';
import { runJsonScript } from './json-child-process';

/** The suites the independent signer signs with; ecdsa-rdfc-2019 on either curve. */
export type IndependentSuite =
  { suite: 'ecdsa-rdfc-2019'; curve: 'P-256' | 'P-384' } | { suite: 'Ed25519Signature2020' };

export interface IndependentlySigned {
  /** The did:key of the new signing key. */
  did: string;
  verificationMethod: string;
  verifiableCredential: Record<string, any>;
}

const SCRIPT = join(__dirname, 'independent-di-signer-cli.mjs');

/**
 * A credential signed by Digital Bazaar's @digitalbazaar/vc (ecdsa-rdfc-2019 or Ed25519Signature2020), which no
 * runtime code imports, with a new key named by its did:key. The issuer is that did:key unless the credential names
 * one (a proof by a key that is not the issuer's).
 */
export function independentlySigned(
  suite: IndependentSuite,
  credential: Record<string, unknown>,
): Promise<IndependentlySigned> {
  return runJsonScript<IndependentlySigned>(SCRIPT, { ...suite, credential });
}
