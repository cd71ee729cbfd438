import { PDFDocument } from 'pdf-lib';
import { credentialFromPdf, MAX_ATTACHMENT_BYTES, PdfAttachmentError } from './pdf-attachment';

async function pdfWith(attachments: Record<string, Uint8Array>): Promise<Uint8Array> {
  const document = await PDFDocument.create();
  document.addPage();
  for (const [name, bytes] of Object.entries(attachments)) await document.attach(bytes, name);
  return document.save();
}

describe('reading the credential a PDF carries', () => {
  it('takes credential.jwt first, then any .jwt, then any .json', async () => {
    const text = (value: string) => Buffer.from(`  ${value}\n`);
    expect(
      await credentialFromPdf(
        await pdfWith({ 'a.json': text('json'), 'b.jwt': text('b'), 'credential.jwt': text('ours') }),
      ),
    ).toBe('ours');
    expect(await credentialFromPdf(await pdfWith({ 'a.json': text('json'), 'b.jwt': text('b') }))).toBe('b');
    expect(await credentialFromPdf(await pdfWith({ 'a.json': text('json'), 'notes.txt': text('x') }))).toBe(
      'json',
    );
    expect(await credentialFromPdf(await pdfWith({ 'notes.txt': text('x') }))).toBeUndefined();
  });

  it('reads an attachment of up to 256 KB', async () => {
    const largest = Buffer.alloc(MAX_ATTACHMENT_BYTES, 'a');
    expect(await credentialFromPdf(await pdfWith({ 'credential.jwt': largest }))).toHaveLength(
      MAX_ATTACHMENT_BYTES,
    );
  });

  it('refuses a larger attachment, such as a compressed bomb', async () => {
    // 8 MB of zeros compress to about 8 KB; the reader decodes one byte past 256 KB and stops.
    const bomb = await pdfWith({ 'credential.jwt': Buffer.alloc(8 * 1024 * 1024) });
    expect(bomb.byteLength).toBeLessThan(1024 * 1024);
    const reading = credentialFromPdf(bomb);
    await expect(reading).rejects.toBeInstanceOf(PdfAttachmentError);
    await expect(reading).rejects.toThrow('has an attachment credential.jwt larger than 256 KB');
  });
});
