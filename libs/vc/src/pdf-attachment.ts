import {
  decodePDFRawStream,
  PDFArray,
  PDFDict,
  PDFDocument,
  PDFHexString,
  PDFName,
  PDFRawStream,
  PDFString,
} from 'pdf-lib';
import { CERTIFICATE_ATTACHMENT_NAME } from './certificate-pdf';

export const MAX_PDF_BYTES = 5 * 1024 * 1024;

/**
 * The signed credential a certificate PDF carries as a file attachment: ours is named credential.jwt; any other
 * attachment ending .jwt, or .json, is taken next. Undefined when the PDF carries none.
 */
export async function credentialFromPdf(bytes: Uint8Array): Promise<string | undefined> {
  if (bytes.byteLength > MAX_PDF_BYTES) throw new Error('The PDF is larger than 5 MB.');
  const document = await PDFDocument.load(bytes, { updateMetadata: false, throwOnInvalidObject: false });
  const files = attachments(document);
  const chosen =
    files.find((file) => file.name === CERTIFICATE_ATTACHMENT_NAME) ??
    files.find((file) => /\.jwt$/i.test(file.name)) ??
    files.find((file) => /\.json$/i.test(file.name));
  return chosen ? Buffer.from(chosen.content).toString('utf8').trim() : undefined;
}

function attachments(document: PDFDocument): { name: string; content: Uint8Array }[] {
  const names = document.catalog.lookupMaybe(PDFName.of('Names'), PDFDict);
  const embedded = names?.lookupMaybe(PDFName.of('EmbeddedFiles'), PDFDict);
  const list = embedded?.lookupMaybe(PDFName.of('Names'), PDFArray);
  if (!list) return [];
  const found: { name: string; content: Uint8Array }[] = [];
  for (let index = 0; index + 1 < list.size(); index += 2) {
    const name = list.lookup(index);
    const spec = list.lookup(index + 1);
    if (!(spec instanceof PDFDict)) continue;
    const stream = spec.lookupMaybe(PDFName.of('EF'), PDFDict)?.lookup(PDFName.of('F'));
    if (!(stream instanceof PDFRawStream)) continue;
    const label = name instanceof PDFString || name instanceof PDFHexString ? name.decodeText() : '';
    found.push({ name: label, content: decodePDFRawStream(stream).decode() });
  }
  return found;
}
