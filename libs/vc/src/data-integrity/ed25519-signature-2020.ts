import { ed25519Suite } from './eddsa-rdfc-2022';

/**
 * The Ed25519Signature2020 proof type (W3C CCG; Data Integrity EdDSA Cryptosuites v1.0, section "Ed25519Signature2020"):
 * the same hashing as eddsa-rdfc-2022 (URDNA2015, which RDFC-1.0 is; proof options first), named by the proof's type.
 */
export const ED25519_SIGNATURE_2020 = 'Ed25519Signature2020';

export const ed25519Signature2020 = ed25519Suite(ED25519_SIGNATURE_2020);
