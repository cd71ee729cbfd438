import { maxHeaderSize, STATUS_CODES, type Server, type ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import type { ErrorBody } from './error-body';

/** What Node's HTTP parser refused, in words a client can act on; the status codes are those Node itself gives. */
function clientErrorBody(code: string, headerLimit: number): ErrorBody {
  const answer = (statusCode: number, message: string): ErrorBody => ({
    statusCode,
    error: STATUS_CODES[statusCode] ?? 'Error',
    message,
  });
  switch (code) {
    case 'HPE_HEADER_OVERFLOW':
      return answer(
        431,
        `The request headers are larger than the ${Math.floor(headerLimit / 1024)} kB the server accepts; send a shorter access token or fewer headers.`,
      );
    case 'ERR_HTTP_REQUEST_TIMEOUT':
      return answer(408, 'The request was not received in time.');
    case 'HPE_CHUNK_EXTENSIONS_OVERFLOW':
      return answer(413, 'The chunk extensions of the request body are too large.');
    default:
      return answer(400, 'The request is not valid HTTP.');
  }
}

/**
 * Requests Node's HTTP parser refuses before any handler runs (oversize headers, malformed HTTP) get the one error
 * shape instead of Node's empty answer. As Node does, the answer is written only when nothing of another response
 * is on the connection yet, and the connection is then closed.
 */
export function answerClientErrorsInErrorShape(server: Server): void {
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex) => {
    const inFlight = (socket as Duplex & { _httpMessage?: ServerResponse | null })._httpMessage;
    if (error.code !== 'ECONNRESET' && socket.writable && !inFlight?.headersSent) {
      const body = clientErrorBody(
        error.code ?? '',
        (server as Server & { maxHeaderSize?: number }).maxHeaderSize ?? maxHeaderSize,
      );
      const json = JSON.stringify(body);
      socket.write(
        [
          `HTTP/1.1 ${body.statusCode} ${body.error}`,
          'Content-Type: application/json; charset=utf-8',
          `Content-Length: ${Buffer.byteLength(json)}`,
          'X-Content-Type-Options: nosniff',
          'Connection: close',
          '',
          json,
        ].join('\r\n'),
      );
    }
    socket.destroy();
  });
}
