import { PDFDocument } from 'pdf-lib';
import { achievementCredential } from './achievement-credential';
import type { Placed } from './certificate-blocks';
import { FontBook } from './certificate-fonts';
import {
  type CertificateContent,
  certificateTexts,
  composeCertificate,
  CONTENT_MARGIN,
  PAPER_SIZE_NAMES,
} from './certificate-layout';
import { extentOf, widthOf } from './shaped-text';
import { summariseCredential } from './summary';
import { sampleCredentialInput } from './testing/sample-credential';

/** Long names in each script a learner may write theirs in. */
const LONG_NAMES = {
  latin:
    'Maria del Carmen Esperanza Guadalupe Fernández de la Concepción Rodríguez-Villanueva y Montenegro-Alcántara',
  chinese: '欧阳诸葛司马上官皇甫东方长孙慕容令狐宇文尉迟公孙轩辕澹台',
  arabic: 'فاطمة الزهراء بنت محمد بن عبد الله الهاشمية القرشية المكية بنت خديجة',
  cyrillic: 'Александра Владимировна Рождественская-Преображенская-Ильинская',
  unbroken:
    'Wolfeschlegelsteinhausenbergerdorffvoralternwarengewissenhaftschaferswessenschafewarenwohlgepflegeundsorgfaltigkeitbeschutzen',
};

const WIDE_LOGO = { width: 1200, height: 200 };
const TALL_LOGO = { width: 100, height: 400 };

async function compose(name: string, paper: CertificateContent['paper'], officer = 'Professor Jane Okafor') {
  const input = sampleCredentialInput();
  const credential = achievementCredential({ ...input, subject: { ...input.subject, name } });
  const content: CertificateContent = {
    summary: summariseCredential(credential),
    verificationUrl: 'https://credits.example.ac.uk/verify?share=AbCdEfGhIjKlMnOpQrStUvWxYz012345',
    signingOfficer: { name: officer, role: 'Academic Registrar and Director of Student Administration' },
    logos: { awardingBodyLogo: WIDE_LOGO, deliveringPartnerLogo: TALL_LOGO },
    paper,
  };
  const book = await FontBook.for(await PDFDocument.create(), certificateTexts(content));
  return composeCertificate(book, content);
}

function box(element: Placed) {
  if (element.kind === 'rule')
    return { left: element.x, right: element.x + element.width, bottom: element.y, top: element.y };
  if (element.kind === 'image')
    return {
      left: element.x,
      right: element.x + element.width,
      bottom: element.y,
      top: element.y + element.height,
    };
  const { ascent, descent } = extentOf(element.line);
  return {
    left: element.x,
    right: element.x + widthOf(element.line, element.size),
    bottom: element.y - descent * element.size,
    top: element.y + ascent * element.size,
  };
}

describe('certificate layout', () => {
  const cases = Object.entries(LONG_NAMES).flatMap(([script, name]) =>
    PAPER_SIZE_NAMES.map((paper) => [script, paper, name] as const),
  );

  it.each(cases)(
    'keeps a long %s name on %s inside the margins, clear of everything else',
    async (_, paper, name) => {
      const { page, elements } = await compose(name, paper);
      const boxes = elements.map((element) => ({ element, ...box(element) }));
      for (const each of boxes) {
        expect(each.left).toBeGreaterThanOrEqual(CONTENT_MARGIN);
        expect(each.right).toBeLessThanOrEqual(page.width - CONTENT_MARGIN);
        expect(each.bottom).toBeGreaterThanOrEqual(CONTENT_MARGIN);
        expect(each.top).toBeLessThanOrEqual(page.height - CONTENT_MARGIN);
      }
      const solid = boxes.filter((each) => each.element.kind !== 'rule');
      for (const [index, a] of solid.entries()) {
        for (const b of solid.slice(index + 1)) {
          const overlap = a.left < b.right && b.left < a.right && a.bottom < b.top && b.bottom < a.top;
          expect(overlap ? [a.element, b.element] : []).toEqual([]);
        }
      }
      const printed = elements.flatMap((element) => (element.kind === 'text' ? [element.line.text] : []));
      expect(printed.join('')).toContain(name.split(' ')[0]!.slice(0, 10));
    },
  );

  it('sets a short name large, on one line, centred', async () => {
    const { page, elements } = await compose('张伟', 'a4');
    const name = elements.find((element) => element.kind === 'text' && element.line.text === '张伟');
    expect(name).toMatchObject({ size: 30 });
    const { left, right } = box(name!);
    expect(Math.abs(left + right - page.width)).toBeLessThan(0.01);
  });

  it('prints each script in a font that has it, right-to-left runs in visual order', async () => {
    const { elements } = await compose('فاطمة Smith', 'a4', '张伟');
    const lines = elements.flatMap((element) => (element.kind === 'text' ? [element.line] : []));
    const mixed = lines.find((line) => line.text === 'فاطمة Smith')!;
    // The line reads right to left: the Arabic word is at its right end.
    expect(mixed.runs.map((run) => [run.face.family, run.text.trim()])).toEqual([
      ['dejavu', 'Smith'],
      ['arabic', 'فاطمة'],
    ]);
    expect(lines.find((line) => line.text === '张伟')!.runs.map((run) => run.face.family)).toEqual([
      'chinese',
    ]);
  });
});
