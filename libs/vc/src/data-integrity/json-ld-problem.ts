import jsonld from 'jsonld';
import { bundledDocumentLoader, type DocumentLoader } from './document-loader';

/** What jsonld's safe mode objects to, in words: its errors name the offending term or IRI in their details. */
export function jsonLdProblem(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const details = (error as Error & { details?: { event?: { message?: string; details?: unknown } } })
    .details;
  const event = details?.event;
  return event?.message
    ? `${error.message} ${event.message} ${JSON.stringify(event.details ?? {})}`
    : error.message;
}

/**
 * Whether a JSON-LD document's contexts (bundled: never fetched) define every term it uses, so that what it says can
 * be understood and signed. A problem naming the first term that is not defined, or undefined.
 */
export async function undefinedTermsProblem(
  document: object,
  documentLoader: DocumentLoader = bundledDocumentLoader,
): Promise<string | undefined> {
  try {
    await jsonld.expand(document, { safe: true, base: null, documentLoader });
    return undefined;
  } catch (error) {
    return jsonLdProblem(error);
  }
}
