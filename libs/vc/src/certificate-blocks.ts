import type { FontBook } from './certificate-fonts';
import { extentOf, type ShapedText, widthOf } from './shaped-text';
import { type Fit, fitText } from './text-fitting';

export type Tone = 'ink' | 'muted' | 'accent';
export type ImageName = 'awardingBodyLogo' | 'deliveringPartnerLogo' | 'qrCode';

/** Something placed on the page, in points from its bottom-left corner. */
export type Placed =
  | { kind: 'text'; line: ShapedText; x: number; y: number; size: number; tone: Tone }
  | { kind: 'image'; image: ImageName; x: number; y: number; width: number; height: number }
  | { kind: 'rule'; x: number; y: number; width: number };

/** A block of a column: how tall it is, and what it places when its top is at `top`. */
export interface Block {
  height: number;
  place(top: number): Placed[];
}

const LEADING = 1.25;

/** Text set to fit the column's width, each line centred on `centre`. */
export function textBlock(book: FontBook, text: string, fit: Fit, tone: Tone, centre: number): Block {
  const fitted = fitText(book, text, fit);
  const { size, lines } = fitted;
  const extents = lines.map(extentOf);
  const ascent = Math.max(...extents.map((extent) => extent.ascent));
  const descent = Math.max(...extents.map((extent) => extent.descent));
  return {
    height: (ascent + descent + (lines.length - 1) * LEADING) * size,
    place: (top) =>
      lines.map((line, index) => ({
        kind: 'text',
        line,
        x: centre - widthOf(line, size) / 2,
        y: top - ascent * size - index * LEADING * size,
        size,
        tone,
      })),
  };
}

/** An image scaled to fit a box, keeping its proportions, centred. */
export function imageBlock(
  image: ImageName,
  natural: { width: number; height: number },
  box: { width: number; height: number },
  centre: number,
): Block {
  const scale = Math.min(box.width / natural.width, box.height / natural.height);
  const width = natural.width * scale;
  const height = natural.height * scale;
  return {
    height,
    place: (top) => [{ kind: 'image', image, x: centre - width / 2, y: top - height, width, height }],
  };
}

export function ruleBlock(width: number, centre: number, space: number): Block {
  return {
    height: space,
    place: (top) => [{ kind: 'rule', x: centre - width / 2, y: top - space / 2, width }],
  };
}

export function gap(height: number): Block {
  return { height, place: () => [] };
}

/** Blocks one under another, from `top`. */
export function stack(blocks: Block[], top: number): Placed[] {
  let y = top;
  return blocks.flatMap((block) => {
    const placed = block.place(y);
    y -= block.height;
    return placed;
  });
}

export function heightOf(blocks: Block[]): number {
  return blocks.reduce((sum, block) => sum + block.height, 0);
}
