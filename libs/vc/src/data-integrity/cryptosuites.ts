import type { Cryptosuite } from './cryptosuite';
import { ECDSA_RDFC_2019, ecdsaRdfc2019 } from './ecdsa-rdfc-2019';
import { ED25519_SIGNATURE_2020, ed25519Signature2020 } from './ed25519-signature-2020';
import { EDDSA_RDFC_2022, eddsaRdfc2022 } from './eddsa-rdfc-2022';
import { DATA_INTEGRITY_PROOF } from './proof-options';

/** The cryptosuites of DataIntegrityProof we verify, by their `cryptosuite`. */
const DATA_INTEGRITY_CRYPTOSUITES: ReadonlyMap<string, Cryptosuite> = new Map([
  [EDDSA_RDFC_2022, eddsaRdfc2022],
  [ECDSA_RDFC_2019, ecdsaRdfc2019],
]);

/** Proof types that are a suite by themselves, from before DataIntegrityProof. */
const PROOF_TYPE_SUITES: ReadonlyMap<string, Cryptosuite> = new Map([
  [ED25519_SIGNATURE_2020, ed25519Signature2020],
]);

/** What we verify, in words, for a refusal to name. */
export const SUPPORTED_PROOFS = `${DATA_INTEGRITY_PROOF} with ${[...DATA_INTEGRITY_CRYPTOSUITES.keys()].join(' or ')}, or ${[...PROOF_TYPE_SUITES.keys()].join(', ')}`;

/** The suite that checks a proof of this type and cryptosuite, or undefined when we verify no such proof. */
export function cryptosuiteOf(proof: { type?: unknown; cryptosuite?: unknown }): Cryptosuite | undefined {
  if (proof.type === DATA_INTEGRITY_PROOF) {
    return typeof proof.cryptosuite === 'string'
      ? DATA_INTEGRITY_CRYPTOSUITES.get(proof.cryptosuite)
      : undefined;
  }
  // An older suite's proof has no cryptosuite: one that names it is not that suite's.
  if (typeof proof.type !== 'string' || proof.cryptosuite !== undefined) return undefined;
  return PROOF_TYPE_SUITES.get(proof.type);
}
