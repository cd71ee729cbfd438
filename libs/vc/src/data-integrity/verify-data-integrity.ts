import { type KeyObject } from 'node:crypto';
import { multibaseBase58btcDecode } from './base58btc';
import { bundledDocumentLoader, type DocumentLoader } from './document-loader';
import { proofAndDocumentHash } from './hash-data';
import { type JsonLdDocument } from './proof-options';
import { readProof } from './read-proof';
import { jsonLdProblem } from './json-ld-problem';

export type KeyResolver = (verificationMethod: string) => Promise<KeyObject | undefined>;

export interface VerifyDataIntegrityOptions {
  /** The purpose the verifier needs the proof made for; assertionMethod (credentials) unless given. */
  expectedProofPurpose?: string;
  /** When given, the proof must carry this challenge (presentations). */
  challenge?: string;
  /** When given, the proof must carry this domain. */
  domain?: string;
  /** The moment expiry is judged at; now unless given. */
  now?: Date;
  /** The contexts' source; the bundled contexts unless given. */
  documentLoader?: DocumentLoader;
}

export interface DataIntegrityVerification {
  verified: boolean;
  /** Why it was not verified. */
  problem?: string;
}

/**
 * Verifies a document's proof (eddsa-rdfc-2022, ecdsa-rdfc-2019 or Ed25519Signature2020: see cryptosuites.ts); a malformed document or proof is unverified, never an exception. */
export async function verifyDataIntegrity(
  document: JsonLdDocument,
  resolveKey: KeyResolver,
  options: VerifyDataIntegrityOptions = {},
): Promise<DataIntegrityVerification> {
  try {
    return await verifyProof(document, resolveKey, options);
  } catch (error) {
    return { verified: false, problem: jsonLdProblem(error) };
  }
}

async function verifyProof(
  document: JsonLdDocument,
  resolveKey: KeyResolver,
  options: VerifyDataIntegrityOptions,
): Promise<DataIntegrityVerification> {
  const read = readProof(document.proof, options);
  if ('problem' in read) return { verified: false, problem: read.problem };
  const { suite } = read;
  const { proofValue, '@context': proofContext, ...proofOptions } = read.proof;
  const signature = multibaseBase58btcDecode(proofValue);
  const { proof: _proof, ...unsecuredDocument } = document;
  if (proofContext !== undefined) {
    // A proof that names its own contexts is verified over those, which the document must start with.
    const problem = contextPrefixProblem(document['@context'], proofContext);
    if (problem) return { verified: false, problem };
    unsecuredDocument['@context'] = proofContext;
  }
  const publicKey = await resolveKey(proofOptions.verificationMethod);
  if (!publicKey) {
    return {
      verified: false,
      problem: `the verification method ${proofOptions.verificationMethod} is not known`,
    };
  }
  const keyProblem = suite.keyProblem(publicKey);
  if (keyProblem) {
    return {
      verified: false,
      problem: `the verification method ${proofOptions.verificationMethod} ${keyProblem}`,
    };
  }
  const signatureProblem = suite.signatureProblem(signature, publicKey);
  if (signatureProblem) return { verified: false, problem: signatureProblem };
  const hashData = await proofAndDocumentHash(
    unsecuredDocument,
    proofOptions,
    options.documentLoader ?? bundledDocumentLoader,
    suite.hashWith(publicKey),
  );
  return suite.verifySignature(hashData, signature, publicKey)
    ? { verified: true }
    : { verified: false, problem: 'the signature does not match the document and its proof' };
}

function contextPrefixProblem(documentContext: unknown, proofContext: unknown): string | undefined {
  const documentContexts = Array.isArray(documentContext) ? documentContext : [documentContext];
  const proofContexts = Array.isArray(proofContext) ? proofContext : [proofContext];
  const prefix = proofContexts.every(
    (context, index) => JSON.stringify(context) === JSON.stringify(documentContexts[index]),
  );
  return prefix ? undefined : "the document's @context does not start with the proof's @context";
}
