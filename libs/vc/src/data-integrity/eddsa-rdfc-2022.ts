import { createHash } from 'node:crypto';
import { canonicalise } from './canonicalise';
import { type DocumentLoader } from './document-loader';

export const DATA_INTEGRITY_PROOF = 'DataIntegrityProof';
export const EDDSA_RDFC_2022 = 'eddsa-rdfc-2022';

/** A JSON-LD document: a credential or presentation, with or without its proof. */
export type JsonLdDocument = Record<string, unknown>;

/** A proof's members other than its value: what the signature covers besides the document. */
export interface ProofOptions {
  type: typeof DATA_INTEGRITY_PROOF;
  cryptosuite: typeof EDDSA_RDFC_2022;
  created?: string;
  expires?: string;
  verificationMethod: string;
  proofPurpose: string;
  challenge?: string;
  domain?: string;
}

export interface DataIntegrityProof extends ProofOptions {
  proofValue: string;
}

/** XML Schema dateTimeStamp: a date and time with its time zone. */
const DATE_TIME_STAMP = /^-?\d{4,}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$/;

export function isDateTimeStamp(value: unknown): value is string {
  return typeof value === 'string' && DATE_TIME_STAMP.test(value) && !Number.isNaN(Date.parse(value));
}

function sha256(text: string): Buffer {
  return createHash('sha256').update(text, 'utf8').digest();
}

/**
 * The bytes eddsa-rdfc-2022 signs (its transformation, proof configuration and hashing algorithms): SHA-256 of the
 * canonical proof configuration, which takes the document's @context, then SHA-256 of the canonical document.
 */
export async function eddsaRdfc2022HashData(
  unsecuredDocument: JsonLdDocument,
  proofOptions: ProofOptions,
  documentLoader: DocumentLoader,
): Promise<Buffer> {
  if (proofOptions.type !== DATA_INTEGRITY_PROOF || proofOptions.cryptosuite !== EDDSA_RDFC_2022) {
    throw new Error(`the proof is not a ${DATA_INTEGRITY_PROOF} with cryptosuite ${EDDSA_RDFC_2022}`);
  }
  if (proofOptions.created !== undefined && !isDateTimeStamp(proofOptions.created)) {
    throw new Error(
      `the proof's created ${JSON.stringify(proofOptions.created)} is not a date and time with a zone`,
    );
  }
  const proofConfig = { ...proofOptions, '@context': unsecuredDocument['@context'] };
  const [canonicalProofConfig, canonicalDocument] = await Promise.all([
    canonicalise(proofConfig, documentLoader),
    canonicalise(unsecuredDocument, documentLoader),
  ]);
  return Buffer.concat([sha256(canonicalProofConfig), sha256(canonicalDocument)]);
}
