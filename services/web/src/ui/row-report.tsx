import { saveText, toCsv } from './csv';
import { ScrollTable } from './scroll-table';

/** One row of a bulk upload's answer, in the file's order. */
export interface ReportRow {
  line: number;
  /** Whom the row is about: an email or a learner. */
  who: string;
  /** Shown beneath `who` on the page, e.g. the learner id behind a name; not in the CSV. */
  detail?: string | undefined;
  result: string;
  reason?: string | undefined;
}

/** The per-row report of a bulk upload: a summary, a table, and the same as a CSV file to keep. */
export function RowReport({
  title,
  summary,
  whoHeading,
  rows,
  fileName,
}: {
  title: string;
  summary: string;
  whoHeading: string;
  rows: readonly ReportRow[];
  fileName: string;
}) {
  const download = () =>
    saveText(
      fileName,
      toCsv(
        ['line', whoHeading.toLowerCase(), 'result', 'reason'],
        rows.map((row) => [row.line, row.who, row.result, row.reason]),
      ),
    );
  return (
    <section className="report" aria-label={title}>
      <h3>{title}</h3>
      <p role="status">{summary}</p>
      <ScrollTable label={title}>
        <table className="table">
          <thead>
            <tr>
              <th scope="col">Line</th>
              <th scope="col">{whoHeading}</th>
              <th scope="col">Result</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.line} className={`report__row report__row--${row.result}`}>
                <td>{row.line}</td>
                <td className="table__wrap">
                  {row.who}
                  {row.detail && <span className="table__detail">{row.detail}</span>}
                </td>
                <td className="table__wrap">
                  {row.result}
                  {row.reason && <span className="table__detail">{row.reason}</span>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollTable>
      <button type="button" className="button button--secondary" onClick={download}>
        Download this report (CSV)
      </button>
    </section>
  );
}
