import type { GlyphPosition } from '@pdf-lib/fontkit';
import type { Face, FontBook, Weight } from './certificate-fonts';

/** A run of text in one face and one direction, shaped by fontkit: its glyphs are in visual (left-to-right) order. */
export interface ShapedRun {
  readonly face: Face;
  readonly text: string;
  readonly positions: readonly GlyphPosition[];
  /** Each glyph's own advance width (what the PDF's widths say), in font units. */
  readonly glyphWidths: readonly number[];
  /** The run's width, in font units. */
  readonly advance: number;
}

/** One line of text, its runs in the order they are drawn, left to right. */
export interface ShapedText {
  readonly text: string;
  readonly runs: readonly ShapedRun[];
}

const RIGHT_TO_LEFT = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]/u;
/** Characters with no direction of their own (spaces, punctuation, marks): they go with the run they are in. */
const NEUTRAL = /[\p{Z}\p{P}\p{S}\p{M}\p{Cc}]/u;

/**
 * Shapes one line: splits it into runs by face (font fallback per character) and by direction, shapes each run with
 * fontkit (Arabic joining forms, marks, kerning; right-to-left runs come back in visual order), and orders the runs
 * as the line reads: a line whose first letter is right-to-left is laid out right to left. This is the Unicode
 * bidirectional algorithm for what names and titles hold (one level of embedding), not for nested embeddings.
 */
export function shapeLine(book: FontBook, text: string, weight: Weight): ShapedText {
  const logical = segment(book, text, weight);
  const firstStrong = [...text].find((character) => !NEUTRAL.test(character));
  const runs = visualOrder(logical, firstStrong !== undefined && RIGHT_TO_LEFT.test(firstStrong));
  return { text, runs: runs.map((run) => shapeRun(run.face, run.text)) };
}

/** The width of a shaped line at a font size, in points. */
export function widthOf(line: ShapedText, size: number): number {
  return line.runs.reduce((sum, run) => sum + (run.advance * size) / run.face.shaping.unitsPerEm, 0);
}

/** How far the line's faces reach above and below the baseline, as fractions of the font size. */
export function extentOf(line: ShapedText): { ascent: number; descent: number } {
  const faces = line.runs.map((run) => run.face.shaping);
  return {
    ascent: Math.max(0.8, ...faces.map((font) => font.ascent / font.unitsPerEm)),
    descent: Math.max(0.2, ...faces.map((font) => -font.descent / font.unitsPerEm)),
  };
}

interface Segment {
  face: Face;
  text: string;
  rtl?: boolean;
}

function segment(book: FontBook, text: string, weight: Weight): Segment[] {
  const segments: Segment[] = [];
  for (const character of text) {
    const codePoint = character.codePointAt(0)!;
    const current = segments.at(-1);
    const neutral = NEUTRAL.test(character);
    const rtl = neutral ? undefined : RIGHT_TO_LEFT.test(character);
    const keepsFace = neutral && current?.face.shaping.hasGlyphForCodePoint(codePoint);
    const face = keepsFace ? current!.face : book.faceOf(codePoint, weight);
    const sameDirection = rtl === undefined || current?.rtl === undefined || current.rtl === rtl;
    if (current && current.face === face && sameDirection) {
      current.text += character;
      current.rtl ??= rtl;
    } else segments.push({ face, text: character, ...(rtl === undefined ? {} : { rtl }) });
  }
  return segments;
}

/** Reverses each stretch of right-to-left runs, then the whole line when it reads right to left. */
function visualOrder(segments: Segment[], lineIsRtl: boolean): Segment[] {
  const groups: Segment[][] = [];
  for (const segment of segments) {
    const rtl = segment.rtl ?? lineIsRtl;
    const group = groups.at(-1);
    if (group && (group[0]!.rtl ?? lineIsRtl) === rtl) group.push(segment);
    else groups.push([segment]);
  }
  const ordered = groups.map((group) => ((group[0]!.rtl ?? lineIsRtl) ? group.reverse() : group));
  return (lineIsRtl ? ordered.reverse() : ordered).flat();
}

function shapeRun(face: Face, text: string): ShapedRun {
  const shaped = face.shaping.layout(text);
  return {
    face,
    text,
    positions: shaped.positions,
    glyphWidths: shaped.glyphs.map((glyph) => glyph.advanceWidth),
    advance: shaped.positions.reduce((sum, position) => sum + position.xAdvance, 0),
  };
}
