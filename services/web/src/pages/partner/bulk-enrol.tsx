import { useState } from 'react';
import { uploadCsv } from '../../api/upload-csv';
import type { paths } from '../../api/generated/enrolment';
import { CsvUpload } from '../../ui/csv-upload';
import { RowReport } from '../../ui/row-report';

type BulkAnswer =
  paths['/api/enrolment/offerings/{offeringId}/enrolments/bulk']['post']['responses'][200]['content']['application/json'];

/** Enrols learners from a CSV file (email, given name, family name), then shows what became of each row. */
export function BulkEnrol({ offeringId, onUploaded }: { offeringId: string; onUploaded: () => void }) {
  const [answer, setAnswer] = useState<BulkAnswer | undefined>();
  const upload = async (file: File, onProgress: (fraction: number) => void) => {
    const path = `/api/enrolment/offerings/${encodeURIComponent(offeringId)}/enrolments/bulk`;
    setAnswer(await uploadCsv<BulkAnswer>(path, file, onProgress));
    onUploaded();
  };
  return (
    <section aria-labelledby="bulk-enrol">
      <h2 id="bulk-enrol">Enrol learners from a CSV file</h2>
      <CsvUpload
        label="CSV file of learners"
        hint="One learner a line: email, given name, family name. A header line is allowed. Uploading the same file again changes nothing."
        upload={upload}
      />
      {answer && (
        <RowReport
          title="Enrolment report"
          summary={`${answer.rows} rows: ${answer.enrolled} enrolled, ${answer.waitlisted} waitlisted, ${answer.duplicate} already enrolled, ${answer.invalid} not valid.`}
          whoHeading="Email"
          rows={answer.results.map((row) => ({
            line: row.line,
            who: row.email,
            result: row.result,
            reason: row.reason,
          }))}
          fileName={`enrolment-report-${offeringId}.csv`}
        />
      )}
    </section>
  );
}
