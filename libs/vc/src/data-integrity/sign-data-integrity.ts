import { type KeyObject, sign } from 'node:crypto';
import { multibaseBase58btcEncode } from './base58btc';
import { bundledDocumentLoader, type DocumentLoader } from './document-loader';
import { EDDSA_RDFC_2022, eddsaRdfc2022HashData } from './eddsa-rdfc-2022';
import { DATA_INTEGRITY_PROOF, type DataIntegrityProof, type JsonLdDocument } from './proof-options';
import { assertEd25519Key } from './ed25519-keys';

export interface SignDataIntegrityOptions {
  /** The issuer's Ed25519 private key. */
  privateKey: KeyObject;
  /** The id of the public key's verification method, e.g. `did:key:z6Mk...#z6Mk...`. */
  verificationMethod: string;
  /** assertionMethod for credentials; authentication for a holder's presentation. */
  proofPurpose?: 'assertionMethod' | 'authentication';
  /** When the proof was made; now, to the second, unless given. */
  created?: string;
  challenge?: string;
  domain?: string;
  /** The contexts' source; the bundled contexts unless given. */
  documentLoader?: DocumentLoader;
}

function nowToTheSecond(): string {
  return new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** The document with an eddsa-rdfc-2022 Data Integrity proof added (W3C Data Integrity EdDSA Cryptosuites v1.0). */
export async function signDataIntegrity<T extends JsonLdDocument>(
  document: T,
  options: SignDataIntegrityOptions,
): Promise<T & { proof: DataIntegrityProof }> {
  if ('proof' in document) throw new Error('the document already has a proof; proof sets are not supported');
  assertEd25519Key(options.privateKey, 'private');
  const proofOptions: Omit<DataIntegrityProof, 'proofValue'> = {
    type: DATA_INTEGRITY_PROOF,
    cryptosuite: EDDSA_RDFC_2022,
    created: options.created ?? nowToTheSecond(),
    verificationMethod: options.verificationMethod,
    proofPurpose: options.proofPurpose ?? 'assertionMethod',
    ...(options.challenge === undefined ? {} : { challenge: options.challenge }),
    ...(options.domain === undefined ? {} : { domain: options.domain }),
  };
  const hashData = await eddsaRdfc2022HashData(
    document,
    proofOptions,
    options.documentLoader ?? bundledDocumentLoader,
  );
  const proofValue = multibaseBase58btcEncode(sign(null, hashData, options.privateKey));
  return { ...document, proof: { ...proofOptions, proofValue } };
}
