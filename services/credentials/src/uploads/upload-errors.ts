import { RETRY_AFTER_SECONDS, serviceUnavailableBody } from '@lib/platform';
import {
  PayloadTooLargeException,
  ServiceUnavailableException,
  UnprocessableEntityException,
} from '@nestjs/common';
import { PoolBusyError, TaskMemoryError, TaskTimeoutError } from './worker-pool-errors';

/** What an upload is called in answers: `pdf`, `file` or `(body)`, as the field it was sent in. */
export type UploadField = 'pdf' | 'file' | '(body)' | 'logo';

/** 422: the upload cannot be used; `problem` says what it is or has, e.g. "has no %PDF- header". */
export function unusableUpload(field: UploadField, problem: string): UnprocessableEntityException {
  return new UnprocessableEntityException({
    message: `The ${nameOf(field)} cannot be verified: it ${problem}.`,
    errors: [{ field, message: problem }],
  });
}

/** 413: the upload is over its size limit. */
export function oversizeUpload(field: UploadField, problem: string): PayloadTooLargeException {
  return new PayloadTooLargeException({
    message: `The ${nameOf(field)} is too large: it ${problem}.`,
    errors: [{ field, message: problem }],
  });
}

/**
 * The answer for a task the worker pool refused or ended: 503 with Retry-After when every worker is busy, 422 when
 * the upload took too long or too much memory to read. Other failures are ours, and stay errors (500).
 */
export function poolRefusal(error: unknown, field: UploadField): unknown {
  if (error instanceof PoolBusyError)
    return new ServiceUnavailableException(
      serviceUnavailableBody(
        `Too many uploads are being read at the moment; try again in ${RETRY_AFTER_SECONDS} seconds.`,
      ),
    );
  if (error instanceof TaskTimeoutError)
    return unusableUpload(field, `took longer than ${error.limitMs} ms to read`);
  if (error instanceof TaskMemoryError)
    return unusableUpload(field, `needed more than ${error.limitMb} MB of memory to read`);
  return error;
}

function nameOf(field: UploadField): string {
  return { pdf: 'PDF', file: 'file', '(body)': 'batch', logo: 'logo' }[field];
}
