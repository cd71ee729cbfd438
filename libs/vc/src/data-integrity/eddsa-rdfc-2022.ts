import { verify } from 'node:crypto';
import type { Cryptosuite } from './cryptosuite';
import { type DocumentLoader } from './document-loader';
import { isEd25519Key } from './ed25519-keys';
import { proofAndDocumentHash } from './hash-data';
import { DATA_INTEGRITY_PROOF, type JsonLdDocument, type ProofOptions } from './proof-options';

export const EDDSA_RDFC_2022 = 'eddsa-rdfc-2022';

const ED25519_SIGNATURE_BYTES = 64;

/** An Ed25519 signature over SHA-256 hashes: what eddsa-rdfc-2022 and Ed25519Signature2020 have in common. */
export function ed25519Suite(label: string): Cryptosuite {
  return {
    label,
    keyProblem: (key) => (isEd25519Key(key, 'public') ? undefined : 'is not Ed25519'),
    hashWith: () => 'sha256',
    signatureProblem: (signature) =>
      signature.length === ED25519_SIGNATURE_BYTES
        ? undefined
        : `the proofValue is ${signature.length} bytes, not an Ed25519 signature`,
    verifySignature: (hashData, signature, key) => verify(null, hashData, key, signature),
  };
}

/** W3C Data Integrity EdDSA Cryptosuites v1.0, eddsa-rdfc-2022. */
export const eddsaRdfc2022 = ed25519Suite(`${DATA_INTEGRITY_PROOF}, ${EDDSA_RDFC_2022}`);

/** The bytes eddsa-rdfc-2022 signs: SHA-256 of the canonical proof configuration, then of the canonical document. */
export function eddsaRdfc2022HashData(
  unsecuredDocument: JsonLdDocument,
  proofOptions: ProofOptions,
  documentLoader: DocumentLoader,
): Promise<Buffer> {
  if (proofOptions.type !== DATA_INTEGRITY_PROOF || proofOptions.cryptosuite !== EDDSA_RDFC_2022) {
    throw new Error(`the proof is not a ${DATA_INTEGRITY_PROOF} with cryptosuite ${EDDSA_RDFC_2022}`);
  }
  return proofAndDocumentHash(unsecuredDocument, proofOptions, documentLoader, 'sha256');
}
