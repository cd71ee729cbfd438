import type { FontBook, Weight } from './certificate-fonts';
import { type ShapedText, shapeLine, widthOf } from './shaped-text';

/** Text set to fit a box: its size and its lines, each no wider than the box. */
export interface FittedText {
  size: number;
  lines: ShapedText[];
}

export interface Fit {
  weight: Weight;
  /** The size it is set at when it fits on one line. */
  size: number;
  /** The smallest size it is shrunk to before it is wrapped. */
  minSize: number;
  width: number;
  maxLines: number;
}

/** Below this, text is cut short (with an ellipsis) rather than made smaller. */
const SMALLEST = 5;

/**
 * Sets text to fit: on one line at the largest size from `size` down to `minSize`; failing that, wrapped at spaces
 * (or between characters, for a word too long for a line, as in Chinese or Japanese, written without spaces) onto
 * at most `maxLines` lines, at the largest size that allows. Never wider than `width`.
 */
export function fitText(book: FontBook, text: string, fit: Fit): FittedText {
  const line = shapeLine(book, text, fit.weight);
  for (let size = fit.size; size >= fit.minSize; size -= 1) {
    if (widthOf(line, size) <= fit.width) return { size, lines: [line] };
  }
  for (let size = fit.size; size > SMALLEST; size -= 1) {
    const lines = wrap(book, text, fit.weight, size, fit.width);
    if (lines.length <= fit.maxLines) return { size, lines };
  }
  const lines = wrap(book, text, fit.weight, SMALLEST, fit.width);
  if (lines.length <= fit.maxLines) return { size: SMALLEST, lines };
  const kept = lines.slice(0, fit.maxLines);
  kept[kept.length - 1] = shortened(book, kept.at(-1)!.text, fit.weight, SMALLEST, fit.width);
  return { size: SMALLEST, lines: kept };
}

function wrap(book: FontBook, text: string, weight: Weight, size: number, width: number): ShapedText[] {
  const fits = (candidate: string) => widthOf(shapeLine(book, candidate, weight), size) <= width;
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const candidate = line ? `${line} ${word}` : word;
    if (fits(candidate)) line = candidate;
    else {
      if (line) lines.push(line);
      line = '';
      for (const piece of fits(word) ? [word] : breakWord(word, fits)) {
        if (line) lines.push(line);
        line = piece;
      }
    }
  }
  if (line) lines.push(line);
  return lines.map((each) => shapeLine(book, each, weight));
}

/** Splits a word too long for a line between characters, keeping combining marks with their letter. */
function breakWord(word: string, fits: (text: string) => boolean): string[] {
  const pieces: string[] = [];
  let clusters: string[] = word.match(/\P{M}\p{M}*/gu) ?? [word];
  while (clusters.length > 0) {
    // The longest start of what is left that fits (at least one cluster), found by halving.
    let low = 1;
    let high = clusters.length;
    while (low < high) {
      const middle = Math.ceil((low + high) / 2);
      if (fits(clusters.slice(0, middle).join(''))) low = middle;
      else high = middle - 1;
    }
    pieces.push(clusters.slice(0, low).join(''));
    clusters = clusters.slice(low);
  }
  return pieces;
}

function shortened(book: FontBook, text: string, weight: Weight, size: number, width: number): ShapedText {
  let kept = [...text];
  let line = shapeLine(book, `${kept.join('')}…`, weight);
  while (kept.length > 0 && widthOf(line, size) > width) {
    kept = kept.slice(0, -1);
    line = shapeLine(book, `${kept.join('')}…`, weight);
  }
  return line;
}
