import {
  decodePDFRawStream,
  ParseSpeeds,
  PDFArray,
  PDFDict,
  PDFDocument,
  PDFHexString,
  PDFName,
  PDFRawStream,
  PDFString,
} from 'pdf-lib';
import { CERTIFICATE_ATTACHMENT_NAME } from './certificate-pdf';

/** The most of an attachment that is read: our JSON download, which holds the JWT and its decoded form, fits easily. */
export const MAX_ATTACHMENT_BYTES = 256 * 1024;

/** A PDF that reads, but whose attachment is refused; the message says what the PDF has, for the person who sent it. */
export class PdfAttachmentError extends Error {}

/**
 * The signed credential a certificate PDF carries as a file attachment: ours is named credential.jwt; any other
 * attachment ending .jwt, or .json, is taken next. Undefined when the PDF carries none. Parses the whole PDF, so
 * a service runs it off its event loop with time and memory limits, after `pdfStructureProblem`.
 */
export async function credentialFromPdf(bytes: Uint8Array): Promise<string | undefined> {
  // Fastest: no pauses every 100 objects; they only help on an event loop, and they stretch a hostile parse.
  const document = await PDFDocument.load(bytes, {
    updateMetadata: false,
    throwOnInvalidObject: false,
    parseSpeed: ParseSpeeds.Fastest,
  });
  const files = attachments(document);
  const chosen =
    files.find((file) => file.name === CERTIFICATE_ATTACHMENT_NAME) ??
    files.find((file) => /\.jwt$/i.test(file.name)) ??
    files.find((file) => /\.json$/i.test(file.name));
  return chosen ? Buffer.from(contentOf(chosen)).toString('utf8').trim() : undefined;
}

interface Attachment {
  name: string;
  stream: PDFRawStream;
}

function attachments(document: PDFDocument): Attachment[] {
  const names = document.catalog.lookupMaybe(PDFName.of('Names'), PDFDict);
  const embedded = names?.lookupMaybe(PDFName.of('EmbeddedFiles'), PDFDict);
  const list = embedded?.lookupMaybe(PDFName.of('Names'), PDFArray);
  if (!list) return [];
  const found: Attachment[] = [];
  for (let index = 0; index + 1 < list.size(); index += 2) {
    const name = list.lookup(index);
    const spec = list.lookup(index + 1);
    if (!(spec instanceof PDFDict)) continue;
    const stream = spec.lookupMaybe(PDFName.of('EF'), PDFDict)?.lookup(PDFName.of('F'));
    if (!(stream instanceof PDFRawStream)) continue;
    const label = name instanceof PDFString || name instanceof PDFHexString ? name.decodeText() : '';
    found.push({ name: label, stream });
  }
  return found;
}

/** Decodes no more than the limit (and one byte to tell), so a compressed bomb is never inflated whole. */
function contentOf(attachment: Attachment): Uint8Array | Uint8ClampedArray {
  const content = decodePDFRawStream(attachment.stream).getBytes(MAX_ATTACHMENT_BYTES + 1);
  if (content.byteLength > MAX_ATTACHMENT_BYTES)
    throw new PdfAttachmentError(
      `has an attachment ${attachment.name} larger than ${MAX_ATTACHMENT_BYTES / 1024} KB`,
    );
  return content;
}
