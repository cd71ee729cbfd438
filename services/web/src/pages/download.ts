import { sessionEnded } from '../auth/session-ended';

export type DownloadFormat = 'pdf' | 'jwt' | 'json' | 'data-integrity';

/**
 * Fetches a credential file with the user's token and hands it to the browser as a download (a plain link cannot
 * carry the token). The file name is the one the service gives.
 */
export function downloadCredential(credentialId: string, format: DownloadFormat, token: string) {
  const path = `/api/credentials/learners/me/credentials/${encodeURIComponent(credentialId)}/download`;
  return downloadFile(`${path}?format=${format}`, token, `credential.${format}`);
}

/** Fetches a file of the user's with their token and hands it to the browser as a download, named as served. */
export async function downloadFile(url: string, token: string, fallbackName: string) {
  const response = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
  if (response.status === 401) throw sessionEnded();
  if (!response.ok) throw new Error(`The download failed (${response.status}).`);
  const name =
    /filename="?([^";]+)"?/.exec(response.headers.get('content-disposition') ?? '')?.[1] ?? fallbackName;
  const blobUrl = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = blobUrl;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(blobUrl), 10_000);
}
