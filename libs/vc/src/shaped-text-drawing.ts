import {
  beginText,
  type Color,
  endText,
  moveText,
  PDFArray,
  PDFHexString,
  type PDFName,
  PDFNumber,
  PDFOperator,
  PDFOperatorNames,
  type PDFPage,
  popGraphicsState,
  pushGraphicsState,
  setFillingColor,
  setFontAndSize,
  setTextRise,
  showText,
} from 'pdf-lib';
import type { Face } from './certificate-fonts';
import type { ShapedRun, ShapedText } from './shaped-text';

/**
 * Draws a shaped line with its left end at (x, baseline y). pdf-lib's own drawText places each glyph at its plain
 * advance width and so loses what shaping positioned (the dots and vowel marks of Arabic, kerning); here each run is
 * one text object whose glyphs are placed where fontkit put them: TJ adjustments for horizontal offsets and
 * advances, text rise for vertical offsets.
 */
export function drawShaped(
  page: PDFPage,
  line: ShapedText,
  at: { x: number; y: number; size: number; color: Color },
): void {
  let x = at.x;
  for (const run of line.runs) {
    drawRun(page, run, { ...at, x });
    x += (run.advance * at.size) / run.face.shaping.unitsPerEm;
  }
}

function drawRun(page: PDFPage, run: ShapedRun, at: { x: number; y: number; size: number; color: Color }) {
  // pdf-lib shapes the run the same way to choose (and subset) its glyphs; its codes come in the same order.
  const codes = glyphCodes(run.face.pdf.encodeText(run.text));
  const operators = [
    pushGraphicsState(),
    beginText(),
    setFillingColor(at.color),
    setFontAndSize(fontKey(page, run.face), at.size),
    moveText(at.x, at.y),
  ];
  if (codes.length !== run.positions.length) {
    operators.push(showText(PDFHexString.of(codes.join(''))));
  } else {
    operators.push(...positionedGlyphs(page, run, codes, at.size));
  }
  page.pushOperators(...operators, endText(), popGraphicsState());
}

function positionedGlyphs(page: PDFPage, run: ShapedRun, codes: string[], size: number): PDFOperator[] {
  const perMille = 1000 / run.face.shaping.unitsPerEm;
  const operators: PDFOperator[] = [];
  let rise = 0;
  let items: (PDFHexString | PDFNumber)[] = [];
  const flush = () => {
    if (items.length > 0) operators.push(showAdjusted(page, items));
    items = [];
  };
  run.positions.forEach((position, index) => {
    if (position.yOffset !== rise) {
      flush();
      rise = position.yOffset;
      operators.push(setTextRise((rise * size) / run.face.shaping.unitsPerEm));
    }
    // A TJ number moves the next glyph left by thousandths of the font size.
    if (position.xOffset) items.push(PDFNumber.of(-position.xOffset * perMille));
    items.push(PDFHexString.of(codes[index]!));
    const rest = position.xAdvance - position.xOffset - run.glyphWidths[index]!;
    if (rest) items.push(PDFNumber.of(-rest * perMille));
  });
  flush();
  if (rise !== 0) operators.push(setTextRise(0));
  return operators;
}

function showAdjusted(page: PDFPage, items: (PDFHexString | PDFNumber)[]): PDFOperator {
  const array = PDFArray.withContext(page.doc.context);
  items.forEach((item) => array.push(item));
  return PDFOperator.of(PDFOperatorNames.ShowTextAdjusted, [array]);
}

/** Two bytes (four hex digits) per glyph: the fonts are embedded with Identity-H encoding. */
function glyphCodes(hex: PDFHexString): string[] {
  return hex.asString().match(/.{4}/g) ?? [];
}

/** One resource name per font and page, however many runs use it. */
const fontKeys = new WeakMap<PDFPage, Map<Face, PDFName>>();

function fontKey(page: PDFPage, face: Face): PDFName {
  let keys = fontKeys.get(page);
  if (!keys) fontKeys.set(page, (keys = new Map<Face, PDFName>()));
  let key = keys.get(face);
  if (!key) keys.set(face, (key = page.node.newFontDictionary(face.pdf.name, face.pdf.ref)));
  return key;
}
