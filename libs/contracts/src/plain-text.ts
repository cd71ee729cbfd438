import { z } from 'zod';

/**
 * Bidirectional formatting characters: embeddings and overrides (U+202A-U+202E), isolates (U+2066-U+2069), the
 * left-to-right, right-to-left and Arabic letter marks (U+200E, U+200F, U+061C). In a name printed on a signed
 * credential they can make it read as something else ("Trojan Source").
 */
const BIDI = '\\u061C\\u200E\\u200F\\u202A-\\u202E\\u2066-\\u2069';
/** C0 controls, DEL and C1 controls; free text keeps tab, line feed and carriage return. */
const CONTROLS_IN_LINE = '\\u0000-\\u001F\\u007F-\\u009F';
const CONTROLS_IN_TEXT = '\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F';

/** `line`: names and titles, one line. `text`: descriptions, criteria and reasons, which may run over lines. */
export type TextKind = 'line' | 'text';

const UNSAFE: Record<TextKind, RegExp> = {
  line: new RegExp(`[${CONTROLS_IN_LINE}${BIDI}]`, 'u'),
  text: new RegExp(`[${CONTROLS_IN_TEXT}${BIDI}]`, 'u'),
};

const RULE: Record<TextKind, string> = {
  line: 'must be one line without control characters or bidirectional formatting characters',
  text: 'must not contain control characters (other than tabs and line breaks) or bidirectional formatting characters',
};

/** The first character of `value` not allowed in that kind of text, as `U+XXXX`, or undefined when there is none. */
export function unsafeCharacter(value: string, kind: TextKind): string | undefined {
  const found = UNSAFE[kind].exec(value)?.[0];
  return found === undefined
    ? undefined
    : `U+${found.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** A zod refinement for any string schema; the issue names the character found, the path names the field. */
export function refuseUnsafeCharacters(kind: TextKind) {
  return (value: string, context: z.RefinementCtx<string>): void => {
    const found = unsafeCharacter(value, kind);
    if (found) context.addIssue({ code: 'custom', message: `${RULE[kind]} (found ${found})` });
  };
}

/** A name or title from a person: trimmed, 1 to `max` characters, one line, no control or bidi characters. */
export function plainLine(max: number): z.ZodString {
  return z.string().trim().min(1).max(max).superRefine(refuseUnsafeCharacters('line'));
}

/** Free text from a person (a description, criteria, a reason): as `plainLine` but it may hold tabs and line breaks. */
export function plainText(max: number): z.ZodString {
  return z.string().trim().min(1).max(max).superRefine(refuseUnsafeCharacters('text'));
}
