import { MAX_BATCH } from './verification.dto';

const HEADER = /^(jwt|credential|vc)$/i;

/**
 * The JWTs in an uploaded text or CSV file: one per line, in the first column; blank lines and a header line
 * ("jwt", "credential") are skipped. What is wrong with the file, in words, when it holds none or too many.
 */
export function jwtsOfFile(text: string): string[] | string {
  const jwts: string[] = [];
  // Jumps from one line with a first cell to the next, so runs of blank lines cost nothing; stops past the limit.
  const filled = /^[^\S\n]*[^\s,]/gm;
  for (let match = filled.exec(text); match; match = filled.exec(text)) {
    const newline = text.indexOf('\n', match.index);
    const end = newline < 0 ? text.length : newline;
    const cell = firstCell(text.slice(match.index, end));
    filled.lastIndex = end;
    if (cell === '' || (match.index === 0 && HEADER.test(cell))) continue;
    if (jwts.length === MAX_BATCH) return `holds more than ${MAX_BATCH} credentials; at most ${MAX_BATCH}`;
    jwts.push(cell);
  }
  return jwts.length === 0 ? 'holds no credentials' : jwts;
}

function firstCell(line: string): string {
  const comma = line.indexOf(',');
  return (comma < 0 ? line : line.slice(0, comma)).trim().replace(/^"(.*)"$/, '$1');
}
