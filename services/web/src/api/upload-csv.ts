import { currentSession } from '../auth/session';
import { sessionEnded } from '../auth/session-ended';
import { type ApiProblem, ApiError } from './client';

/**
 * Sends a CSV file to a bulk endpoint as `text/csv` and resolves with its JSON answer. XMLHttpRequest rather than
 * fetch, because only it reports how much of the body has gone, for the progress bar.
 */
export function uploadCsv<T>(
  path: string,
  csv: Blob | string,
  onProgress: (fraction: number) => void,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open('POST', path);
    request.setRequestHeader('content-type', 'text/csv');
    const token = currentSession()?.accessToken;
    if (token) request.setRequestHeader('authorization', `Bearer ${token}`);
    request.responseType = 'json';
    request.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) onProgress(event.loaded / event.total);
    };
    request.onerror = () =>
      reject(new Error('The upload could not reach the service. Check your connection.'));
    request.onload = () => {
      if (request.status === 401) return reject(sessionEnded());
      const body = (request.response ?? {}) as Partial<ApiProblem>;
      if (request.status >= 200 && request.status < 300) {
        onProgress(1);
        return resolve(body as T);
      }
      reject(
        new ApiError({
          status: request.status,
          message: body.message ?? `The upload failed (${request.status}).`,
          ...(body.errors ? { errors: body.errors } : {}),
        }),
      );
    };
    request.send(csv);
  });
}
