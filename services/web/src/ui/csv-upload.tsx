import { type FormEvent, useId, useState } from 'react';
import { ApiError } from '../api/client';

/**
 * A CSV file chosen and sent, with a progress bar while it goes. What the service answers is the caller's to show
 * (`upload` resolves once it has it); a refusal of the whole file shows here, with the line at fault.
 */
export function CsvUpload({
  label,
  hint,
  upload,
}: {
  label: string;
  hint: string;
  upload: (file: File, onProgress: (fraction: number) => void) => Promise<void>;
}) {
  const id = useId();
  const [file, setFile] = useState<File | undefined>();
  const [progress, setProgress] = useState<number | undefined>();
  const [problem, setProblem] = useState<string[] | undefined>();

  const send = (event: FormEvent) => {
    event.preventDefault();
    if (!file) return setProblem(['Choose a CSV file first.']);
    setProblem(undefined);
    setProgress(0);
    upload(file, setProgress).then(
      () => setProgress(undefined),
      (error: Error) => {
        setProgress(undefined);
        const details = error instanceof ApiError ? (error.problem.errors ?? []).map((e) => e.message) : [];
        setProblem([error.message, ...details]);
      },
    );
  };

  return (
    <form className="upload" onSubmit={send} noValidate>
      <label htmlFor={id}>{label}</label>
      <p className="hint" id={`${id}-hint`}>
        {hint}
      </p>
      {problem && (
        <div role="alert" className="field__error">
          {problem.map((line) => (
            <p key={line}>{line}</p>
          ))}
        </div>
      )}
      <input
        id={id}
        type="file"
        accept=".csv,text/csv"
        aria-describedby={`${id}-hint`}
        onChange={(event) => setFile(event.target.files?.[0])}
      />
      <div className="actions">
        <button type="submit" className="button" disabled={progress !== undefined}>
          Upload
        </button>
      </div>
      {progress !== undefined && (
        <p role="status" className="upload__progress">
          <label>
            Uploading {file?.name}
            <progress max={1} value={progress} />
          </label>
        </p>
      )}
    </form>
  );
}
