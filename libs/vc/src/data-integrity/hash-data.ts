import { createHash } from 'node:crypto';
import { canonicalise } from './canonicalise';
import { type DocumentLoader } from './document-loader';
import { isDateTimeStamp, type JsonLdDocument, type ProofOptions } from './proof-options';

/** The hashes the RDFC suites use: SHA-256, or SHA-384 for ecdsa-rdfc-2019 with a P-384 key. */
export type SuiteHash = 'sha256' | 'sha384';

/**
 * The bytes an RDFC suite signs (eddsa-rdfc-2022, ecdsa-rdfc-2019 and Ed25519Signature2020 alike): the hash of the
 * canonical (RDFC-1.0) proof configuration, which takes the document's @context, then the hash of the canonical
 * document.
 */
export async function proofAndDocumentHash(
  unsecuredDocument: JsonLdDocument,
  proofOptions: ProofOptions,
  documentLoader: DocumentLoader,
  hash: SuiteHash,
): Promise<Buffer> {
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
  const digest = (text: string) => createHash(hash).update(text, 'utf8').digest();
  return Buffer.concat([digest(canonicalProofConfig), digest(canonicalDocument)]);
}
