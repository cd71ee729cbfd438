import { readFile } from 'node:fs/promises';
import type { Font as ShapingFont } from '@pdf-lib/fontkit';
import type { PDFDocument, PDFFont } from 'pdf-lib';

export type Weight = 'regular' | 'bold';

/** A font as a certificate uses it: embedded (as a subset) in the PDF, and parsed to shape text with. */
export interface Face {
  readonly family: Family;
  readonly pdf: PDFFont;
  readonly shaping: ShapingFont;
}

type Family = 'dejavu' | 'arabic' | 'chinese' | 'korean';

/**
 * DejaVu Sans prints Latin, Greek, Cyrillic, Hebrew and more; the Noto fonts (SIL Open Font Licence, from the
 * @expo-google-fonts packages) print what it lacks: Arabic (shaped, with its joining forms), Chinese and Japanese
 * kana (Noto Sans SC), Korean (Noto Sans KR).
 */
const FILES: Record<Family, Record<Weight, string>> = {
  dejavu: {
    regular: 'dejavu-fonts-ttf/ttf/DejaVuSans.ttf',
    bold: 'dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf',
  },
  arabic: noto('arabic', 'NotoSansArabic'),
  chinese: noto('sc', 'NotoSansSC'),
  korean: noto('kr', 'NotoSansKR'),
};

function noto(package_: string, file: string): Record<Weight, string> {
  const folder = `@expo-google-fonts/noto-sans-${package_}`;
  return {
    regular: `${folder}/400Regular/${file}_400Regular.ttf`,
    bold: `${folder}/700Bold/${file}_700Bold.ttf`,
  };
}

/** Arabic-script letters are printed in Noto Sans Arabic, whose shaping tables join them as written. */
export function isArabicScript(codePoint: number): boolean {
  return (
    (codePoint >= 0x0600 && codePoint <= 0x06ff) ||
    (codePoint >= 0x0750 && codePoint <= 0x077f) ||
    (codePoint >= 0x08a0 && codePoint <= 0x08ff) ||
    (codePoint >= 0xfb50 && codePoint <= 0xfdff) ||
    (codePoint >= 0xfe70 && codePoint <= 0xfeff)
  );
}

function isHangul(codePoint: number): boolean {
  return (
    (codePoint >= 0x1100 && codePoint <= 0x11ff) ||
    (codePoint >= 0x3130 && codePoint <= 0x318f) ||
    (codePoint >= 0xac00 && codePoint <= 0xd7af)
  );
}

/** Characters with no script of their own (spaces, punctuation): a fallback font prints them inside its runs. */
const NEUTRAL = /[\p{Z}\p{P}\p{S}]/u;

/**
 * The fonts one certificate prints with: DejaVu always, each fallback font only when its text needs it. A fallback
 * font is cut down first, with HarfBuzz's hb-subset, to the characters the certificate prints in it (keeping the
 * shaping tables those need): pdf-lib's own subsetting drops the outlines of many glyphs of the Noto CJK fonts,
 * which print as blanks, and parsing a 10 MB font per certificate would be slow besides.
 */
export class FontBook {
  private readonly faces = new Map<string, Face>();

  private constructor(private readonly fontkit: Fontkit) {}

  /** Embeds the fonts that these texts need, so that each character then has a face to print in. */
  static async for(
    document: PDFDocument,
    texts: ReadonlyArray<readonly [string, Weight]>,
  ): Promise<FontBook> {
    // Loaded when a certificate is made: it is most of what importing this library costs, and most users never need it.
    const fontkit = (await import('@pdf-lib/fontkit')).default;
    document.registerFontkit(fontkit);
    const book = new FontBook(fontkit);
    const dejavu = (['regular', 'bold'] as const).map(async (weight) => {
      const bytes = await fontBytes(FILES.dejavu[weight]);
      const pdf = await document.embedFont(bytes, { subset: true });
      book.faces.set(`dejavu/${weight}`, {
        family: 'dejavu',
        pdf,
        shaping: await fullFont(FILES.dejavu[weight], fontkit),
      });
    });
    await Promise.all(dejavu);
    const needed = await book.fallbackCharacters(texts);
    for (const [key, characters] of needed) {
      const [family, weight] = key.split('/') as [Family, Weight];
      const subsetFont = (await import('subset-font')).default;
      const bytes = await subsetFont(await fontBytes(FILES[family][weight]), [...characters].join(''), {
        targetFormat: 'truetype',
      });
      book.add(family, weight, bytes, await document.embedFont(bytes, { subset: true }));
    }
    return book;
  }

  /** The face a character prints in: DejaVu when it has the glyph, else the fallback font that has it. */
  faceOf(codePoint: number, weight: Weight): Face {
    for (const family of this.candidates(codePoint)) {
      const face = this.faces.get(`${family}/${weight}`);
      if (face?.shaping.hasGlyphForCodePoint(codePoint)) return face;
    }
    return this.faces.get(`dejavu/${weight}`)!;
  }

  /** The characters each fallback font (`family/weight`) must print, and the neutral ones of the same texts. */
  private async fallbackCharacters(
    texts: ReadonlyArray<readonly [string, Weight]>,
  ): Promise<Map<string, Set<string>>> {
    const needed = new Map<string, Set<string>>();
    for (const [text, weight] of texts) {
      for (const character of text) {
        const codePoint = character.codePointAt(0)!;
        for (const family of this.candidates(codePoint)) {
          if (!(await fullFont(FILES[family][weight], this.fontkit)).hasGlyphForCodePoint(codePoint))
            continue;
          const characters = needed.get(`${family}/${weight}`) ?? new Set();
          needed.set(`${family}/${weight}`, characters);
          [...text]
            .filter((each) => each === character || NEUTRAL.test(each))
            .forEach((each) => characters.add(each));
          break;
        }
      }
    }
    return needed;
  }

  /** The families to try for a character, in order; none beyond DejaVu for what DejaVu prints. */
  private candidates(codePoint: number): Family[] {
    if (isArabicScript(codePoint)) return ['arabic'];
    if (this.faces.get('dejavu/regular')!.shaping.hasGlyphForCodePoint(codePoint)) return [];
    return isHangul(codePoint) ? ['korean', 'chinese'] : ['chinese', 'korean'];
  }

  private add(family: Family, weight: Weight, bytes: Uint8Array, pdf: PDFFont): void {
    this.faces.set(`${family}/${weight}`, { family, pdf, shaping: this.fontkit.create(bytes) });
  }
}

type Fontkit = { create(bytes: Uint8Array): ShapingFont };

// Read and parsed once per process (the certificate worker draws many): the Noto CJK files are 10 MB each, and
// fontkit reads a font's tables only when asked, so a parsed font answers "has a glyph?" cheaply.
const files = new Map<string, Promise<Buffer>>();
const parsed = new Map<string, ShapingFont>();

function fontBytes(file: string): Promise<Buffer> {
  let bytes = files.get(file);
  if (!bytes) {
    bytes = readFile(require.resolve(file));
    files.set(file, bytes);
  }
  return bytes;
}

async function fullFont(file: string, fontkit: Fontkit): Promise<ShapingFont> {
  let font = parsed.get(file);
  if (!font) {
    font = fontkit.create(await fontBytes(file));
    parsed.set(file, font);
  }
  return font;
}
