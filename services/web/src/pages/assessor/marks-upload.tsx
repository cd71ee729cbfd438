import { useState } from 'react';
import { CsvUpload } from '../../ui/csv-upload';
import { RowReport } from '../../ui/row-report';
import { type BulkMarksAnswer, uploadMarks } from './marks-api';

/** Marks from a CSV file (`learnerId,<component>...`), with what became of each row. */
export function MarksUpload({
  offeringId,
  components,
  nameOf,
  onUploaded,
}: {
  offeringId: string;
  components: readonly string[];
  /** The learner's name when they are enrolled on the offering. */
  nameOf: (learnerId: string) => string | undefined;
  onUploaded: () => void;
}) {
  const [answer, setAnswer] = useState<BulkMarksAnswer | undefined>();
  const upload = async (file: File, onProgress: (fraction: number) => void) => {
    setAnswer(await uploadMarks(offeringId, file, onProgress));
    onUploaded();
  };
  return (
    <section aria-labelledby="marks-upload">
      <h2 id="marks-upload">Upload marks from a CSV file</h2>
      <CsvUpload
        label="CSV file of marks"
        hint={`First line: learnerId,${components.join(',')}. Then one learner a line with a mark from 0 to 100 for each.`}
        upload={upload}
      />
      {answer && (
        <RowReport
          title="Marks report"
          summary={`${answer.rows} rows: ${answer.recorded} recorded, ${answer.rows - answer.recorded} not recorded.`}
          whoHeading="Learner"
          rows={answer.results.map((row) => ({
            line: row.line,
            who: nameOf(row.learnerId) ?? row.learnerId,
            detail: row.learnerId,
            result: row.result,
            reason: row.reason,
          }))}
          fileName={`marks-report-${offeringId}.csv`}
        />
      )}
    </section>
  );
}
