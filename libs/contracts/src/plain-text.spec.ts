import { z } from 'zod';
import { plainLine, plainText, unsafeCharacter } from './plain-text';

const BIDI = ['\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069'];
const MARKS = ['\u200E', '\u200F', '\u061C'];
const CONTROLS = ['\u0000', '\u0007', '\u001B', '\u007F', '\u0080', '\u0085', '\u009F'];
const code = (char: string) => `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;

describe('unsafeCharacter', () => {
  it.each([...BIDI, ...MARKS, ...CONTROLS].map((char) => [code(char), char]))(
    'finds %s in names and in free text',
    (name, char) => {
      expect(unsafeCharacter(`Ada ${char}Lovelace`, 'line')).toBe(name);
      expect(unsafeCharacter(`Ada ${char}Lovelace`, 'text')).toBe(name);
    },
  );

  it.each([
    ['tab', '\t'],
    ['line feed', '\n'],
    ['carriage return', '\r'],
  ])('refuses a %s in a name but not in free text', (_, char) => {
    expect(unsafeCharacter(`first${char}second`, 'line')).toBe(code(char));
    expect(unsafeCharacter(`first${char}second`, 'text')).toBeUndefined();
  });

  it.each([
    'Siân Ó Súilleabháin-Ngọc',
    'محمد الأحمد',
    'שרה לוי',
    '王小明',
    'Zoë 👩‍⚕️ (NHS)',
    'Data in a day: “R” & SQL',
    'non\u00A0breaking',
  ])('accepts %s', (value) => {
    expect(unsafeCharacter(value, 'line')).toBeUndefined();
    expect(unsafeCharacter(value, 'text')).toBeUndefined();
  });
});

describe('plainLine and plainText', () => {
  const body = z.strictObject({ name: plainLine(20), description: plainText(200).optional() });

  it('names the field and the character it refuses', () => {
    const parsed = body.safeParse({ name: 'Eve\u202Egnp.exe', description: 'ok\u0007' });
    expect(parsed.success).toBe(false);
    expect(parsed.error!.issues.map((issue) => [issue.path.join('.'), issue.message])).toEqual([
      [
        'name',
        'must be one line without control characters or bidirectional formatting characters (found U+202E)',
      ],
      [
        'description',
        'must not contain control characters (other than tabs and line breaks) or bidirectional formatting characters (found U+0007)',
      ],
    ]);
  });

  it('still trims and limits the length, and passes clean values through', () => {
    expect(body.parse({ name: '  Ada Lovelace ', description: 'Line one\n\tline two' })).toEqual({
      name: 'Ada Lovelace',
      description: 'Line one\n\tline two',
    });
    expect(body.safeParse({ name: ' ' }).success).toBe(false);
    expect(body.safeParse({ name: 'x'.repeat(21) }).success).toBe(false);
  });

  it('judges the value after trimming, so a trailing line break on a name is not refused', () => {
    expect(body.parse({ name: 'Ada\n' })).toEqual({ name: 'Ada' });
  });
});
