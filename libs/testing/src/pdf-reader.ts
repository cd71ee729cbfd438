import jsQR from 'jsqr';

/**
 * Reads a PDF the way a person's viewer does, with Mozilla's pdf.js (not the library that wrote it): its text, its
 * attached files, and any QR codes in its images (decoded with jsQR).
 */
export interface ReadPdf {
  text: string;
  attachments: Record<string, string>;
  qrCodes: string[];
}

interface PdfImage {
  width: number;
  height: number;
  data: Uint8ClampedArray;
  kind: number;
}

interface PdfJs {
  getDocument(options: object): { promise: Promise<PdfDocument> };
  OPS: { paintImageXObject: number };
}
interface PdfDocument {
  numPages: number;
  getPage(n: number): Promise<PdfPage>;
  getAttachments(): Promise<Record<string, { filename: string; content: Uint8Array }> | null>;
  destroy(): Promise<void>;
}
interface PdfPage {
  getTextContent(): Promise<{ items: { str?: string }[] }>;
  getOperatorList(): Promise<{ fnArray: number[]; argsArray: unknown[][] }>;
  objs: { get(name: string, callback: (image: PdfImage) => void): void };
}

const pdfjs = loadQuietly();

/** pdf.js 3's legacy build runs in Node without a worker or a canvas; it says so on loading, which we need not hear. */
function loadQuietly(): PdfJs {
  const log = console.log;
  console.log = () => undefined;
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return require('pdfjs-dist/legacy/build/pdf.js') as PdfJs;
  } finally {
    console.log = log;
  }
}

export async function readPdf(bytes: Uint8Array): Promise<ReadPdf> {
  const document = await pdfjs.getDocument({
    data: new Uint8Array(bytes),
    isEvalSupported: false,
    useSystemFonts: false,
    disableFontFace: true,
    verbosity: 0,
  }).promise;
  try {
    const text: string[] = [];
    const qrCodes: string[] = [];
    for (let number = 1; number <= document.numPages; number += 1) {
      const page = await document.getPage(number);
      const content = await page.getTextContent();
      text.push(content.items.map((item) => item.str ?? '').join(' '));
      qrCodes.push(...(await qrCodesOn(page)));
    }
    const attached = (await document.getAttachments()) ?? {};
    const attachments = Object.fromEntries(
      Object.values(attached).map((file) => [file.filename, Buffer.from(file.content).toString('utf8')]),
    );
    return { text: text.join('\n'), attachments, qrCodes };
  } finally {
    await document.destroy();
  }
}

async function qrCodesOn(page: PdfPage): Promise<string[]> {
  const operators = await page.getOperatorList();
  const names = operators.fnArray.flatMap((op, index) =>
    op === pdfjs.OPS.paintImageXObject ? [String(operators.argsArray[index]![0])] : [],
  );
  const images = await Promise.all(
    names.map((name) => new Promise<PdfImage>((resolve) => page.objs.get(name, resolve))),
  );
  return images.flatMap((image) => {
    const code = jsQR(toRgba(image), image.width, image.height);
    return code ? [code.data] : [];
  });
}

/** pdf.js hands images over as 1-bit grey, RGB or RGBA (its ImageKind 1, 2, 3); jsQR wants RGBA. */
function toRgba(image: PdfImage): Uint8ClampedArray {
  const pixels = image.width * image.height;
  if (image.kind === 3) return image.data;
  const rgba = new Uint8ClampedArray(pixels * 4);
  for (let pixel = 0; pixel < pixels; pixel += 1) {
    let value: [number, number, number];
    if (image.kind === 2) {
      value = [image.data[pixel * 3]!, image.data[pixel * 3 + 1]!, image.data[pixel * 3 + 2]!];
    } else {
      const rowBytes = Math.ceil(image.width / 8);
      const row = Math.floor(pixel / image.width);
      const column = pixel % image.width;
      const bit = (image.data[row * rowBytes + (column >> 3)]! >> (7 - (column & 7))) & 1;
      value = bit ? [255, 255, 255] : [0, 0, 0];
    }
    rgba.set([...value, 255], pixel * 4);
  }
  return rgba;
}
