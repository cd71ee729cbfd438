import { PDFDocument } from 'pdf-lib';

/** The image types a logo is uploaded as. */
export const LOGO_TYPES = ['image/png', 'image/svg+xml'] as const;
export type LogoType = (typeof LOGO_TYPES)[number];

/** A logo is printed at most 240 × 60 points; 512 KB is plenty for a PNG at print resolution, or any SVG. */
export const LOGO_MAX_BYTES = 512 * 1024;
/** Larger images are refused: the certificate needs no more, and decoding them costs memory. */
export const LOGO_MAX_PIXELS_PER_SIDE = 4000;
/** An SVG is rasterised to fit this box, in pixels: about 360 dpi at the size a certificate prints it. */
const RASTER_BOX = { width: 1200, height: 300 };
/** Reading a logo may take this long (a PDF's limit is shorter): the first SVG loads resvg into the worker. */
export const LOGO_TIME_LIMIT_MS = 5000;

/** A logo ready to print: PNG bytes and their size in pixels. */
export interface ReadLogo {
  png: Uint8Array;
  width: number;
  height: number;
}

export type LogoReading = ReadLogo | { problem: string };

/**
 * Reads an uploaded logo in a worker thread. A PNG is kept as it is, once pdf-lib (what draws the certificate) has
 * read it whole. An SVG is checked for anything that runs or reaches outside the file, then rasterised to a PNG with
 * resvg (which runs no scripts and fetches nothing), so certificates only ever embed PNGs.
 */
export async function readCertificateLogo(input: {
  bytes: Uint8Array;
  type: LogoType;
}): Promise<LogoReading> {
  const bytes = Buffer.from(input.bytes);
  if (input.type === 'image/png') return readPng(bytes);
  const problem = svgProblem(bytes);
  if (problem) return { problem };
  const { Resvg } = await import('@resvg/resvg-js');
  let rendered: Buffer;
  try {
    const intrinsic = new Resvg(bytes, { font: { loadSystemFonts: false } });
    const scale = Math.min(RASTER_BOX.width / intrinsic.width, RASTER_BOX.height / intrinsic.height);
    const width = Math.max(1, Math.round(intrinsic.width * scale));
    rendered = new Resvg(bytes, {
      fitTo: { mode: 'width', value: width },
      font: { loadSystemFonts: false, fontFiles: [require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf')] },
    })
      .render()
      .asPng();
  } catch (error) {
    return { problem: `is not an SVG image that can be drawn (${(error as Error).message})` };
  }
  return readPng(rendered);
}

async function readPng(bytes: Buffer): Promise<LogoReading> {
  if (
    bytes.length < 24 ||
    !bytes.subarray(0, 8).equals(PNG_SIGNATURE) ||
    bytes.toString('latin1', 12, 16) !== 'IHDR'
  )
    return { problem: 'is not a PNG image (no PNG signature and header)' };
  const width = bytes.readUInt32BE(16);
  const height = bytes.readUInt32BE(20);
  if (width < 1 || height < 1) return { problem: 'has no pixels' };
  if (width > LOGO_MAX_PIXELS_PER_SIDE || height > LOGO_MAX_PIXELS_PER_SIDE)
    return {
      problem: `is ${width} × ${height} pixels; at most ${LOGO_MAX_PIXELS_PER_SIDE} on each side`,
    };
  try {
    await (await PDFDocument.create()).embedPng(bytes);
  } catch {
    return { problem: 'is a damaged PNG image that cannot be read' };
  }
  return { png: bytes, width, height };
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/**
 * What makes an SVG unsafe or unusable as a logo: anything that could run (scripts, event attributes, embedded HTML)
 * or reach outside the file (links other than to its own parts or to embedded PNG/JPEG data, entities, CSS imports).
 */
export function svgProblem(bytes: Buffer): string | undefined {
  const text = bytes.toString('utf8');
  if (!/<svg[\s>]/i.test(text)) return 'is not an SVG image (no <svg> element)';
  const checks: [RegExp, string][] = [
    [/<!(DOCTYPE|ENTITY)/i, 'declares a DOCTYPE or entities'],
    [/<script[\s>/]/i, 'has a <script> element'],
    [/<foreignObject[\s>/]/i, 'has a <foreignObject> element (embedded HTML)'],
    [/\son[a-z]+\s*=/i, 'has an event attribute (such as onload)'],
    [/@import/i, 'imports a style sheet'],
    [/href\s*=\s*["'](?!#|data:image\/(png|jpeg);base64,)/i, 'links to something outside the file'],
    [/url\(\s*["']?(?!#)/i, 'refers to something outside the file in a url()'],
  ];
  const found = checks.find(([pattern]) => pattern.test(text));
  return found ? `${found[1]}; logos may hold only shapes, text and embedded PNG or JPEG images` : undefined;
}
