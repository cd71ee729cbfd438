import { bundledDocumentLoader, type DocumentLoader } from './document-loader';

/** The VC 2.0 examples context (w3c/vc-data-model, contexts/credentials/examples/v2), which the W3C test vectors use. */
const EXAMPLES_V2_CONTEXT = { '@context': { '@vocab': 'https://www.w3.org/ns/credentials/examples#' } };

/** For the W3C test vectors' specs only: the bundled contexts and the examples context, never served at run time. */
export const w3cExamplesDocumentLoader: DocumentLoader = (url) =>
  url === 'https://www.w3.org/ns/credentials/examples/v2'
    ? Promise.resolve({ contextUrl: null, documentUrl: url, document: EXAMPLES_V2_CONTEXT })
    : bundledDocumentLoader(url);
