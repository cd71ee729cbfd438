/** One CSV line: cells with a comma, quote or line break are quoted, quotes doubled. */
function csvLine(cells: readonly (string | number | undefined)[]): string {
  return cells
    .map((cell) => {
      const text = cell === undefined ? '' : String(cell);
      return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
    })
    .join(',');
}

/** A CSV document from a header and rows. */
export function toCsv(
  header: readonly string[],
  rows: readonly (readonly (string | number | undefined)[])[],
): string {
  return [header, ...rows].map(csvLine).join('\r\n') + '\r\n';
}

/** Hands text made in the page to the browser as a file download. */
export function saveText(fileName: string, text: string, type = 'text/csv'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
