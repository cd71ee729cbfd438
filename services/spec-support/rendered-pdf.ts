import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { PAPER_SIZES } from '@lib/vc';
import type { PNG } from 'pngjs';

/** Pages are rendered at this resolution: enough for a QR code's modules to be several pixels wide. */
export const RENDER_DPI = 150;
export const PAGE_POINTS = PAPER_SIZES;

/**
 * Renders a PDF's first page to `<base>.png` with Poppler's pdftoppm, as a person's viewer draws it (installed by
 * `deploy/local/pdf-tools.sh install`, which `make test` runs); resolves with the PNG's path.
 */
export async function pdfToPng(pdfFile: string, base: string): Promise<string> {
  const pdftoppm = process.env.PDFTOPPM_PATH ?? 'pdftoppm';
  try {
    await promisify(execFile)(pdftoppm, ['-png', '-r', String(RENDER_DPI), '-singlefile', pdfFile, base]);
  } catch (error) {
    throw new Error(
      `pdftoppm could not render ${pdfFile} (run deploy/local/pdf-tools.sh install): ${String(error)}`,
    );
  }
  return `${base}.png`;
}

/**
 * Where a rendered page has ink in the ring between `from` and `to` points from its edges: the first few inked
 * pixels, as `x,y` in points (none when the ring is blank). Near-white anti-aliasing does not count.
 */
export function inkOutside(png: PNG, ring: { from: number; to: number }): string[] {
  const scale = RENDER_DPI / 72;
  const [from, to] = [ring.from * scale, ring.to * scale];
  const found: string[] = [];
  for (let y = 0; y < png.height && found.length < 5; y += 1) {
    for (let x = 0; x < png.width && found.length < 5; x += 1) {
      const edge = Math.min(x, y, png.width - 1 - x, png.height - 1 - y);
      if (edge < from || edge > to) continue;
      const at = (y * png.width + x) * 4;
      const [r, g, b] = [png.data[at]!, png.data[at + 1]!, png.data[at + 2]!];
      if (Math.min(r, g, b) < 235) found.push(`${(x / scale).toFixed(1)},${(y / scale).toFixed(1)}`);
    }
  }
  return found;
}
