/**
 * `curl 'localhost:8080/api/items?q=数据要素'` sends the Chinese as raw UTF-8 bytes, and Node's
 * HTTP parser refuses any request target with non-ASCII bytes (HPE_INVALID_URL; Node 20.20 with llhttp 9.3
 * still does, also with insecureHTTPParser and requireHostHeader off). Browsers and HTTP libraries percent-encode, but people at a terminal
 * do not, and search in Chinese is this tool's first use. So a GET or HEAD refused for that one
 * reason is replayed to this same server with its target percent-encoded, over loopback, and the
 * answer is relayed back. No library does this; everything else Node refuses is refused as before.
 *
 * The replay's headers are the client's bytes, read as latin1 (one char per byte) as Node reads any header,
 * and checked with Node's own header rules before anything is sent: a name like `X(Bad` or a value with a
 * control character is answered 400 here, instead of making `http.request` throw ERR_INVALID_CHAR.
 */
import { request, validateHeaderName, validateHeaderValue, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { Logger } from 'pino';
import { withinExchange } from './processGuard';

type ParserError = Error & { code?: string; rawPacket?: Buffer };

const HEAD_END = Buffer.from('\r\n\r\n');
const REQUEST_LINE = /^(GET|HEAD) ([^ ]+) HTTP\/1\.[01]$/;
/** Hop-by-hop headers: the relay answers on its own terms (one response, then close). */
const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'transfer-encoding', 'upgrade']);

/** Percent-encodes the bytes ≥ 0x80 of a request target read as latin1 (one char per byte). */
function encodeHighBytes(target: string): string {
  return target.replace(/[\u0080-\u00ff]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** The status line Node itself answers a request it cannot read with (node:_http_server socketOnError). */
function refusalStatus(code: string | undefined): string {
  switch (code) {
    case 'HPE_HEADER_OVERFLOW':
      return '431 Request Header Fields Too Large';
    case 'HPE_CHUNK_EXTENSIONS_OVERFLOW':
      return '413 Payload Too Large';
    // headersTimeout or requestTimeout passed before the request was read whole.
    case 'ERR_HTTP_REQUEST_TIMEOUT':
      return '408 Request Timeout';
    default:
      return '400 Bad Request';
  }
}

/**
 * Answers a request that cannot be served, unless an answer is already under way on this socket (a pipelined
 * request's: `_httpMessage` is the response Node is writing, as its own socketOnError checks), and closes.
 */
function refuse(code: string | undefined, socket: Socket): void {
  const answering = (socket as Socket & { _httpMessage?: { headersSent?: boolean } })._httpMessage?.headersSent;
  if (socket.writable && !answering && code !== 'ECONNRESET') {
    socket.end(`HTTP/1.1 ${refusalStatus(code)}\r\nConnection: close\r\n\r\n`);
  }
  socket.destroy();
}

/** The client's headers for the replay, or null when one breaks Node's rules for names and values. */
function replayHeaders(headerLines: string[]): Record<string, string> | null {
  const headers: Record<string, string> = {};
  for (const line of headerLines) {
    const colon = line.indexOf(':');
    if (colon <= 0) return null;
    const name = line.slice(0, colon).trim().toLowerCase();
    const value = line.slice(colon + 1).trim();
    try {
      validateHeaderName(name);
      validateHeaderValue(name, value);
    } catch {
      return null;
    }
    if (HOP_BY_HOP.has(name)) continue;
    headers[name] = headers[name] ? `${headers[name]}, ${value}` : value;
  }
  return headers;
}

function replay(server: Server, socket: Socket, method: string, path: string, headers: Record<string, string>): void {
  const { address, port } = server.address() as AddressInfo;
  const host = address === '::' || address === '0.0.0.0' ? '127.0.0.1' : address;
  const upstream = request({ host, port, method, path, headers }, (response) => {
    const lines = [`HTTP/1.1 ${response.statusCode ?? 502} ${response.statusMessage ?? ''}`];
    for (let i = 0; i + 1 < response.rawHeaders.length; i += 2) {
      const [name, value] = [response.rawHeaders[i]!, response.rawHeaders[i + 1]!];
      if (!HOP_BY_HOP.has(name.toLowerCase())) lines.push(`${name}: ${value}`);
    }
    lines.push('Connection: close');
    socket.write(`${lines.join('\r\n')}\r\n\r\n`);
    response.pipe(socket);
  });
  upstream.on('error', () => socket.destroy());
  socket.on('error', () => upstream.destroy());
  upstream.end();
}

/**
 * Handles every request Node's parser refuses (`clientError`): a raw UTF-8 target is replayed, anything else
 * answered as Node would (400, 408, 413, 431). Whatever goes wrong in the handling itself, now or in the
 * replay's callbacks (the exchange's scope, server/processGuard.ts), is logged and the request refused: no
 * input can make it throw out of the event.
 */
export function acceptRawUtf8Urls(server: Server, logger: Logger): void {
  server.on('clientError', (error: ParserError, socket: Socket) => {
    const scope = {
      fail(unexpected: unknown) {
        logger.error({ err: unexpected, parserError: error.code }, 'handling a request the HTTP parser refused failed');
        refuse(undefined, socket);
      },
    };
    withinExchange(scope, () => {
      try {
        handleRefused(server, error, socket);
      } catch (unexpected) {
        scope.fail(unexpected);
      }
    });
  });
}

function handleRefused(server: Server, error: ParserError, socket: Socket): void {
  const packet = error.rawPacket;
  const headEnd = packet?.indexOf(HEAD_END) ?? -1;
  if (error.code !== 'HPE_INVALID_URL' || !packet || headEnd < 0) return refuse(error.code, socket);
  const [requestLine = '', ...headerLines] = packet.subarray(0, headEnd).toString('latin1').split('\r\n');
  const match = REQUEST_LINE.exec(requestLine);
  const path = match ? encodeHighBytes(match[2]!) : '';
  const headers = replayHeaders(headerLines);
  // Only the non-ASCII bytes of the target may be wrong; anything else Node refused stays refused.
  if (!match || !/^\/[\x21-\x7e]*$/.test(path) || !headers) return refuse(error.code, socket);
  replay(server, socket, match[1]!, path, headers);
}
