/** One parsed CSV line: its 1-based line number and its cells. */
export interface CsvRow {
  readonly line: number;
  readonly cells: string[];
}

export class CsvError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(`line ${line}: ${message}`);
  }
}

/**
 * Parses RFC 4180 CSV (commas, double quotes with "" escapes, CRLF or LF line ends, a leading BOM ignored).
 * Blank lines are skipped. Throws CsvError, naming the line, on an unterminated quote or text after one.
 */
export function parseCsv(text: string): CsvRow[] {
  const rows: CsvRow[] = [];
  const input = text.startsWith('\uFEFF') ? text.slice(1) : text;
  let cells: string[] = [];
  let cell = '';
  let line = 1;
  let rowStart = 1;
  let quoted = false;
  let afterQuote = false;
  const endRow = (): void => {
    cells.push(cell);
    if (cells.length > 1 || cells[0]!.trim() !== '') rows.push({ line: rowStart, cells });
    cells = [];
    cell = '';
    afterQuote = false;
  };
  for (let i = 0; i < input.length; i += 1) {
    const char = input[i]!;
    if (quoted) {
      if (char === '"' && input[i + 1] === '"') {
        cell += '"';
        i += 1;
      } else if (char === '"') {
        quoted = false;
        afterQuote = true;
      } else {
        if (char === '\n') line += 1;
        cell += char;
      }
    } else if (char === '"' && cell === '' && !afterQuote) {
      quoted = true;
    } else if (char === ',') {
      cells.push(cell);
      cell = '';
      afterQuote = false;
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && input[i + 1] === '\n') i += 1;
      endRow();
      line += 1;
      rowStart = line;
    } else if (afterQuote) {
      throw new CsvError(line, 'text after a closing quote');
    } else {
      cell += char;
    }
  }
  if (quoted) throw new CsvError(rowStart, 'a quoted value is never closed');
  if (cell !== '' || cells.length > 0) endRow();
  return rows;
}
