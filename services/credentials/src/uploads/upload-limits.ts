/** A PDF certificate of ours is about 25 KB; this leaves room for one re-saved by another tool. */
export const DEFAULT_PDF_MAX_BYTES = 1024 * 1024;

/** The limits on reading uploads (certificate PDFs, batch files) in worker threads; see `.env.example`. */
export interface UploadLimits {
  /** The largest PDF a verification accepts (`VERIFY_PDF_MAX_BYTES`). */
  readonly pdfMaxBytes: number;
  /** How long reading one PDF may take before its worker is ended (`VERIFY_PDF_TIME_LIMIT_MS`). */
  readonly pdfTimeLimitMs: number;
  /** How long reading one batch body or file may take (`VERIFY_BATCH_TIME_LIMIT_MS`). */
  readonly batchTimeLimitMs: number;
  /** Worker threads (`UPLOAD_WORKERS`). */
  readonly workers: number;
  /** Uploads that may wait for a worker before the service answers 503 (`UPLOAD_QUEUE_LIMIT`). */
  readonly queueLimit: number;
  /** Each worker's JavaScript heap in MB (`UPLOAD_MEMORY_LIMIT_MB`). */
  readonly memoryLimitMb: number;
}
