import { randomBytes } from 'node:crypto';
import { createDeflate } from 'node:zlib';

/** Hostile uploads for the specs of bounded work: what an attacker would send as a certificate PDF. */

/** Random bytes, as sent as `application/pdf` in the report. */
export function randomPdf(bytes: number): Buffer {
  return randomBytes(bytes);
}

/**
 * A PDF that passes the structural check and takes pdf-lib seconds to parse (about 5 s on one core): one object
 * holding 100,000 empty arrays where one value belongs. Always the same bytes, so always slow.
 */
export function slowPdf(): Buffer {
  return Buffer.from(
    `%PDF-1.7\n1 0 obj ${'[] '.repeat(100_000)} endobj\ntrailer << /Root 1 0 R >>\nstartxref\n9\n%%EOF\n`,
  );
}

/**
 * A PDF bomb that passes the structural check: a catalog whose credential.jwt attachment inflates to 256 MB from
 * about 250 KB, a thousand objects nested a hundred arrays deep, and five hundred streams that declare lengths of
 * gigabytes. Under 1 MB.
 */
export async function pdfBomb(): Promise<Buffer> {
  const inflated = await deflatedZeros(256 * 1024 * 1024);
  const parts: Buffer[] = [
    Buffer.from(
      '%PDF-1.7\n1 0 obj << /Type /Catalog /Names 2 0 R >> endobj\n' +
        '2 0 obj << /EmbeddedFiles 3 0 R >> endobj\n3 0 obj << /Names [(credential.jwt) 4 0 R] >> endobj\n' +
        '4 0 obj << /Type /Filespec /F (credential.jwt) /EF << /F 5 0 R >> >> endobj\n' +
        `5 0 obj << /Type /EmbeddedFile /Filter /FlateDecode /Length ${inflated.length} >>\nstream\n`,
    ),
    inflated,
    Buffer.from('\nendstream\nendobj\n'),
  ];
  let next = 6;
  for (let i = 0; i < 1000; i += 1)
    parts.push(Buffer.from(`${next++} 0 obj ${'['.repeat(100)}${']'.repeat(100)} endobj\n`));
  for (let i = 0; i < 500; i += 1)
    parts.push(
      Buffer.from(
        `${next++} 0 obj << /Length 99999999999 >>\nstream\n${'x'.repeat(100)}\nendstream\nendobj\n`,
      ),
    );
  parts.push(Buffer.from(`trailer\n<< /Root 1 0 R /Size ${next} >>\nstartxref\n9\n%%EOF\n`));
  return Buffer.concat(parts);
}

/** Zeros deflated as a stream, a megabyte at a time, so the spec never holds the inflated bytes itself. */
async function deflatedZeros(bytes: number): Promise<Buffer> {
  const deflate = createDeflate({ level: 9 });
  const chunks: Buffer[] = [];
  deflate.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise((resolve, reject) => deflate.on('end', resolve).on('error', reject));
  const zeros = Buffer.alloc(1024 * 1024);
  for (let written = 0; written < bytes; written += zeros.length)
    if (!deflate.write(zeros)) await new Promise((resolve) => deflate.once('drain', resolve));
  deflate.end();
  await ended;
  return Buffer.concat(chunks);
}
