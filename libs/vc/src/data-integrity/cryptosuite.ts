import type { KeyObject } from 'node:crypto';
import type { SuiteHash } from './hash-data';

/**
 * What one cryptosuite adds to the shared RDFC hashing: which keys it takes, the hash it uses with a key, and how its
 * signature is checked. Suites are found by the proof's cryptosuite (DataIntegrityProof) or type (older suites).
 */
export interface Cryptosuite {
  /** How the verification report names it, e.g. `DataIntegrityProof, ecdsa-rdfc-2019`. */
  label: string;
  /** Why the key cannot check this suite's proofs, or undefined. */
  keyProblem(key: KeyObject): string | undefined;
  /** The hash of each canonical form, for a key this suite takes. */
  hashWith(key: KeyObject): SuiteHash;
  /** Why the signature (the proofValue's bytes) cannot be this suite's with this key, or undefined. */
  signatureProblem(signature: Uint8Array, key: KeyObject): string | undefined;
  /** Whether the signature signs the hash data with the key. */
  verifySignature(hashData: Buffer, signature: Uint8Array, key: KeyObject): boolean;
}
