import { request as httpRequest } from 'node:http';

/** An answer read through node:http as it came, headers and body untouched. */
export interface RawAnswer {
  status: number;
  headers: Record<string, unknown>;
  body: string;
}

/** A GET with an access token of `tokenChars` characters, through node:http, as curl or a browser would send it. */
export function getWithLongToken(url: string, tokenChars: number): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(url, { headers: { authorization: `Bearer ${'x'.repeat(tokenChars)}` } });
    request.on('response', (response) => {
      let body = '';
      response.on('data', (chunk: Buffer) => (body += chunk.toString()));
      response.on('end', () => resolve({ status: response.statusCode!, headers: response.headers, body }));
    });
    request.on('error', reject);
    request.end();
  });
}
