import { type IncomingMessage, request as httpRequest } from 'node:http';
import { type Connector, connectTargetOf } from './connector';
import type { Destination } from './destination';
import { OutboundFetchError } from './outbound-fetch-error';

/** One hop's answer: a redirect's location, or the final status and body. */
export type HopAnswer =
  | { readonly kind: 'redirect'; readonly status: number; readonly location: string }
  | {
      readonly kind: 'final';
      readonly status: number;
      readonly cacheControl?: string;
      readonly body: string;
    };

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

/**
 * One GET over a connection to the destination's checked address (the connector's, so no second name lookup can
 * send it elsewhere), reading at most `maxBytes` of body; `signal` ends it at the fetch's deadline.
 */
export function pinnedRequest(
  destination: Destination,
  connect: Connector,
  maxBytes: number,
  signal: AbortSignal,
  accept: string,
): Promise<HopAnswer> {
  return new Promise<HopAnswer>((resolve, reject) => {
    const { url } = destination;
    const request = httpRequest(
      {
        method: 'GET',
        path: `${url.pathname}${url.search}`,
        setHost: false,
        headers: {
          host: url.host,
          accept,
          'user-agent': 'credit-bridge-verifier',
          connection: 'close',
        },
        createConnection: () => connect(connectTargetOf(destination)),
      },
      (response) => readAnswer(response, maxBytes, resolve, fail),
    );
    function fail(error: OutboundFetchError): void {
      request.destroy();
      reject(error);
    }
    const onAbort = () => fail(new OutboundFetchError('timeout', `${url.href} took too long`));
    if (signal.aborted) return onAbort();
    signal.addEventListener('abort', onAbort, { once: true });
    request.on('close', () => signal.removeEventListener('abort', onAbort));
    request.on('error', (error) =>
      fail(new OutboundFetchError('unreachable', `${url.href} could not be fetched (${error.message})`)),
    );
    request.end();
  });
}

function readAnswer(
  response: IncomingMessage,
  maxBytes: number,
  resolve: (answer: HopAnswer) => void,
  fail: (error: OutboundFetchError) => void,
): void {
  const status = response.statusCode ?? 0;
  const location = response.headers.location;
  if (REDIRECTS.has(status) && location) {
    response.destroy();
    resolve({ kind: 'redirect', status, location });
    return;
  }
  const tooLarge = () => fail(new OutboundFetchError('too-large', `the answer is over ${maxBytes} bytes`));
  if (Number(response.headers['content-length'] ?? 0) > maxBytes) return tooLarge();
  const chunks: Buffer[] = [];
  let size = 0;
  response.on('data', (chunk: Buffer) => {
    size += chunk.byteLength;
    if (size > maxBytes) tooLarge();
    else chunks.push(chunk);
  });
  response.on('error', (error) => fail(new OutboundFetchError('unreachable', error.message)));
  response.on('end', () => {
    const cacheControl = response.headers['cache-control'];
    resolve({
      kind: 'final',
      status,
      ...(cacheControl ? { cacheControl } : {}),
      body: Buffer.concat(chunks).toString('utf8'),
    });
  });
}
