import { extname, join } from 'node:path';
import { invalidRequest } from '@lib/platform';
import { pdfStructureProblem } from '@lib/vc';
import {
  BadRequestException,
  Inject,
  Injectable,
  Logger,
  type OnModuleDestroy,
  UnprocessableEntityException,
} from '@nestjs/common';
import { CREDENTIALS_SETTINGS, type CredentialsSettings } from '../credentials-settings';
import {
  LOGO_TIME_LIMIT_MS,
  type LogoReading,
  type LogoType,
  type ReadLogo,
} from '../branding/certificate-logo-reading';
import type { BatchReading } from '../verification/batch-reading';
import type { BatchSubmission, BatchUpload } from '../verification/verification-request';
import type { PdfReading } from './pdf-reading';
import { oversizeUpload, poolRefusal, type UploadField, unusableUpload } from './upload-errors';
import type { UploadLimits } from './upload-limits';
import { WorkerPool } from './worker-pool';
import { TaskMemoryError, TaskTimeoutError } from './worker-pool-errors';

/**
 * Reads what clients upload for verification (certificate PDFs, batch bodies and files) in a small pool of worker
 * threads, so no upload holds the event loop: each read has a time limit and a memory limit, and the pool's queue is
 * bounded (503 beyond it). A PDF passes a constant-time structural check first, which refuses junk at once. Workers
 * start with the first upload (most services never see one) and are replaced at once when a read ends one.
 */
@Injectable()
export class UploadReader implements OnModuleDestroy {
  private readonly logger = new Logger(UploadReader.name);
  private readonly limits: UploadLimits;
  private readonly pool: WorkerPool;

  constructor(@Inject(CREDENTIALS_SETTINGS) settings: Pick<CredentialsSettings, 'uploads'>) {
    this.limits = settings.uploads;
    this.pool = new WorkerPool({
      module: join(__dirname, `upload-worker${extname(__filename)}`),
      workers: this.limits.workers,
      queueLimit: this.limits.queueLimit,
      memoryLimitMb: this.limits.memoryLimitMb,
    });
  }

  /** The signed credential a certificate PDF carries: 413 over the size limit, 422 for anything unusable. */
  async credentialOfPdf(pdf: Uint8Array): Promise<string> {
    const problem = pdfStructureProblem(pdf, this.limits.pdfMaxBytes);
    if (problem) throw (problem.tooLarge ? oversizeUpload : unusableUpload)('pdf', problem.message);
    const reading = await this.read<PdfReading>('pdfCredential', pdf, this.limits.pdfTimeLimitMs, 'pdf');
    if ('problem' in reading) throw unusableUpload('pdf', reading.problem);
    return reading.jwt;
  }

  /** The credentials of a batch, each in the form verification reads at once; 400 for a bad body or file. */
  async batchOf(upload: BatchUpload): Promise<BatchSubmission> {
    const field = upload.format === 'file' ? 'file' : '(body)';
    const task = upload.format === 'file' ? 'batchFile' : 'batchJson';
    const reading = await this.read<BatchReading>(task, upload.bytes, this.limits.batchTimeLimitMs, field);
    if ('fileProblem' in reading)
      throw new BadRequestException({
        message: 'The file could not be verified as a batch.',
        errors: [{ field: 'file', message: reading.fileProblem }],
      });
    if ('bodyProblem' in reading)
      throw new BadRequestException({
        message: `The request body could not be read as a batch: it ${reading.bodyProblem}.`,
        errors: [{ field: '(body)', message: reading.bodyProblem }],
      });
    if ('issues' in reading) throw invalidRequest(reading.issues);
    return {
      credentials: reading.credentials,
      options: reading.holderEmail ? { holderEmail: reading.holderEmail } : {},
    };
  }

  /** An uploaded certificate logo, as a PNG to print; 400 naming the field `logo` for an unusable or unsafe one. */
  async certificateLogoOf(upload: { bytes: Uint8Array; type: LogoType }): Promise<ReadLogo> {
    const reading = await this.read<LogoReading>('certificateLogo', upload, LOGO_TIME_LIMIT_MS, 'logo').catch(
      (error: unknown) => {
        // A logo too slow or too large to read is as unusable as a damaged one: 400, like the rest.
        if (!(error instanceof UnprocessableEntityException)) throw error;
        return { problem: (error.getResponse() as { errors: { message: string }[] }).errors[0]!.message };
      },
    );
    if ('problem' in reading)
      throw new BadRequestException({
        message: `The logo cannot be used: it ${reading.problem}.`,
        errors: [{ field: 'logo', message: reading.problem }],
      });
    return reading;
  }

  onModuleDestroy(): Promise<void> {
    return this.pool.close();
  }

  private async read<T>(task: string, input: unknown, timeLimitMs: number, field: UploadField): Promise<T> {
    try {
      return await this.pool.run<T>(task, input, timeLimitMs);
    } catch (error) {
      // Operators see hostile or unexpectedly heavy uploads: each one cost a worker.
      if (error instanceof TaskTimeoutError || error instanceof TaskMemoryError)
        this.logger.warn(`${task}: ${error.message}; its worker was replaced`);
      throw poolRefusal(error, field);
    }
  }
}
