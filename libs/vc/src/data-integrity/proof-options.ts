export const DATA_INTEGRITY_PROOF = 'DataIntegrityProof';

/** A JSON-LD document: a credential or presentation, with or without its proof. */
export type JsonLdDocument = Record<string, unknown>;

/**
 * A proof's members other than its value: what the signature covers besides the document. A Data Integrity proof
 * names its cryptosuite; an older suite (Ed25519Signature2020) is named by the proof's type alone.
 */
export interface ProofOptions {
  type: string;
  cryptosuite?: string;
  created?: string;
  expires?: string;
  verificationMethod: string;
  proofPurpose: string;
  challenge?: string;
  domain?: string;
}

/** A DataIntegrityProof, as we sign them (with a cryptosuite). */
export interface DataIntegrityProof extends ProofOptions {
  type: typeof DATA_INTEGRITY_PROOF;
  cryptosuite: string;
  proofValue: string;
}

/** XML Schema dateTimeStamp: a date and time with its time zone. */
const DATE_TIME_STAMP = /^-?\d{4,}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$/;

export function isDateTimeStamp(value: unknown): value is string {
  return typeof value === 'string' && DATE_TIME_STAMP.test(value) && !Number.isNaN(Date.parse(value));
}
