import { credentialFromPdf, PdfAttachmentError } from '@lib/vc';

/** What a worker found in a PDF: the credential it carries, or what is wrong with it, said of the PDF. */
export type PdfReading = { jwt: string } | { problem: string };

/** Runs in a worker thread: every failure of the parser is the PDF's, and is answered as such. */
export async function readPdfCredential(pdf: Uint8Array): Promise<PdfReading> {
  try {
    const jwt = await credentialFromPdf(pdf);
    return jwt
      ? { jwt }
      : { problem: 'carries no signed credential (a certificate has it attached as credential.jwt)' };
  } catch (error) {
    return { problem: error instanceof PdfAttachmentError ? error.message : 'could not be read as a PDF' };
  }
}
