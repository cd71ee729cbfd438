import { extname, join } from 'node:path';
import { RETRY_AFTER_SECONDS, serviceUnavailableBody } from '@lib/platform';
import type { CertificateInput } from '@lib/vc';
import { Injectable, type OnModuleDestroy, ServiceUnavailableException } from '@nestjs/common';
import { WorkerPool } from '../uploads/worker-pool';
import { PoolBusyError, TaskTimeoutError } from '../uploads/worker-pool-errors';

/**
 * Drawing one certificate takes 0.2-0.4 s of CPU (embedding the font subsets, the QR code, saving the PDF); a fresh
 * worker's first name in Chinese, Japanese or Korean script also parses a 10 MB font, which took over 10 s on a
 * machine under heavy load. The limit only stops a drawing that would never end.
 */
const RENDER_TIME_LIMIT_MS = 30_000;
/** Downloads that may wait for the worker, as after a workshop when a room of learners fetch theirs at once. */
const QUEUE_LIMIT = 64;
const MEMORY_LIMIT_MB = 256;

/**
 * Draws certificate PDFs in a worker thread of their own, so that a download never holds the event loop that answers
 * everyone else (issue 13: no request may block it for more than about 50 ms), and anonymous uploads, read in the
 * upload pool, never delay a learner's certificate. One worker: certificates are drawn one after another, and beyond
 * the queue the answer is 503 with Retry-After.
 */
@Injectable()
export class CertificateRenderer implements OnModuleDestroy {
  private readonly pool = new WorkerPool({
    module: join(__dirname, `certificate-worker${extname(__filename)}`),
    workers: 1,
    queueLimit: QUEUE_LIMIT,
    memoryLimitMb: MEMORY_LIMIT_MB,
  });

  async render(input: CertificateInput): Promise<Uint8Array> {
    try {
      return await this.pool.run<Uint8Array>('certificate', input, RENDER_TIME_LIMIT_MS);
    } catch (error) {
      if (error instanceof PoolBusyError)
        throw new ServiceUnavailableException(
          serviceUnavailableBody(
            `Too many certificates are being drawn at the moment; try again in ${RETRY_AFTER_SECONDS} seconds.`,
          ),
        );
      // Out of time: the machine is overloaded (a drawing is bounded), so the answer is "try again", not a fault.
      if (error instanceof TaskTimeoutError)
        throw new ServiceUnavailableException(
          serviceUnavailableBody(
            `Drawing the certificate is taking too long at the moment; try again in ${RETRY_AFTER_SECONDS} seconds.`,
          ),
        );
      throw error;
    }
  }

  onModuleDestroy(): Promise<void> {
    return this.pool.close();
  }
}
