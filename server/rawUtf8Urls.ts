/**
 * `curl 'localhost:8080/api/items?q=数据要素'` sends the Chinese as raw UTF-8 bytes, and Node's
 * HTTP parser refuses any request target with non-ASCII bytes (HPE_INVALID_URL, even with
 * insecureHTTPParser). Browsers and HTTP libraries percent-encode, but people at a terminal
 * do not, and search in Chinese is this tool's first use. So a GET or HEAD refused for that one
 * reason is replayed to this same server with its target percent-encoded, over loopback, and the
 * answer is relayed back. No library does this; everything else Node refuses is refused as before.
 */
import { request, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

type ParserError = Error & { code?: string; rawPacket?: Buffer };

const HEAD_END = Buffer.from('\r\n\r\n');
const REQUEST_LINE = /^(GET|HEAD) ([^ ]+) HTTP\/1\.[01]$/;
/** Hop-by-hop headers: the relay answers on its own terms (one response, then close). */
const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'transfer-encoding', 'upgrade']);

/** Percent-encodes the bytes ≥ 0x80 of a request target read as latin1 (one char per byte). */
function encodeHighBytes(target: string): string {
  return target.replace(/[\u0080-\u00ff]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** What Node itself answers to a request it cannot parse. */
function refuse(error: ParserError, socket: Socket): void {
  if (socket.writable && error.code !== 'ECONNRESET') {
    const status = error.code === 'HPE_HEADER_OVERFLOW' ? '431 Request Header Fields Too Large' : '400 Bad Request';
    socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\n\r\n`);
  }
  socket.destroy();
}

function replay(server: Server, socket: Socket, method: string, path: string, headerLines: string[]): void {
  const headers: Record<string, string> = {};
  for (const line of headerLines) {
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    const name = line.slice(0, colon).trim().toLowerCase();
    if (HOP_BY_HOP.has(name)) continue;
    const value = Buffer.from(line.slice(colon + 1).trim(), 'latin1').toString('utf8');
    headers[name] = headers[name] ? `${headers[name]}, ${value}` : value;
  }
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
  upstream.end();
}

export function acceptRawUtf8Urls(server: Server): void {
  server.on('clientError', (error: ParserError, socket: Socket) => {
    const packet = error.rawPacket;
    const headEnd = packet?.indexOf(HEAD_END) ?? -1;
    if (error.code !== 'HPE_INVALID_URL' || !packet || headEnd < 0) return refuse(error, socket);
    const [requestLine = '', ...headerLines] = packet.subarray(0, headEnd).toString('latin1').split('\r\n');
    const match = REQUEST_LINE.exec(requestLine);
    const path = match ? encodeHighBytes(match[2]!) : '';
    // Only the non-ASCII bytes may be wrong; anything else Node refused stays refused.
    if (!match || !/^\/[\x21-\x7e]*$/.test(path)) return refuse(error, socket);
    replay(server, socket, match[1]!, path, headerLines);
  });
}
