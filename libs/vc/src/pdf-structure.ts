/** How far from each end of a file PDF readers look for the header and the end-of-file marker. */
const WINDOW_BYTES = 1024;

/** Why a body cannot be a PDF worth parsing; `tooLarge` when only its size is wrong. */
export interface PdfStructureProblem {
  tooLarge: boolean;
  message: string;
}

/**
 * Checks, in constant time, that a body can be a PDF before any parser sees it: at most `maxBytes`, a `%PDF-x.y`
 * header in its first 1,024 bytes, and `startxref` with an offset inside the file followed by `%%EOF` in its last
 * 1,024 (ISO 32000-1, 7.5.2 and 7.5.5). Junk is refused here at once; what passes may still be hostile, so it is
 * parsed off the event loop with time and memory limits. Undefined when the body passes.
 */
export function pdfStructureProblem(bytes: Uint8Array, maxBytes: number): PdfStructureProblem | undefined {
  const size = bytes.byteLength;
  if (size > maxBytes)
    return {
      tooLarge: true,
      message: `is ${size.toLocaleString('en-GB')} bytes; at most ${maxBytes.toLocaleString('en-GB')}`,
    };
  if (size === 0) return malformed('is empty');
  if (!/%PDF-\d\.\d/.test(latin1(bytes.subarray(0, WINDOW_BYTES))))
    return malformed('has no %PDF- header in its first 1,024 bytes');
  const tail = latin1(bytes.subarray(Math.max(0, size - WINDOW_BYTES)));
  const end = tail.lastIndexOf('%%EOF');
  if (end < 0) return malformed('has no %%EOF marker in its last 1,024 bytes');
  const offset = /startxref\s+(\d{1,15})\s*$/.exec(tail.slice(0, end))?.[1];
  if (offset === undefined) return malformed('has no startxref offset before its final %%EOF');
  if (Number(offset) >= size) return malformed('gives a startxref offset beyond its end');
  return undefined;
}

function malformed(message: string): PdfStructureProblem {
  return { tooLarge: false, message };
}

function latin1(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
}
