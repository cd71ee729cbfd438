import jsonld from 'jsonld';
import { type DocumentLoader } from './document-loader';

/**
 * RDF Dataset Canonicalization (RDFC-1.0) of a JSON-LD document as N-Quads. Safe mode makes terms and IRIs the
 * contexts do not define an error rather than quietly dropping them, which would leave them unsigned.
 */
export function canonicalise(document: object, documentLoader: DocumentLoader): Promise<string> {
  return jsonld.canonize(document, {
    format: 'application/n-quads',
    safe: true,
    base: null,
    documentLoader,
    canonizeOptions: { algorithm: 'RDFC-1.0' },
  });
}
