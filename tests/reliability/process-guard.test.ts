/**
 * The process guard (server/processGuard.ts), driven path by path in a real server process
 * (tests/reliability/guardedServer.ts): an exception or a rejection that escapes a request's handlers fails
 * that request (500 with its request id, or nothing more when its answer had gone out) and is logged with its
 * stack, and the process serves on; an error outside any request is logged as fatal and ends the process
 * (exit 1), as Node would. Requests Node's parser refuses are answered by the clientError handler
 * (tests/reliability/attacks.test.ts, finding 1).
 */
import { spawnServer, type ServerProcess } from './serverProcess';

jest.setTimeout(120_000);

const ENTRY = 'tests/reliability/guardedServer.ts';

interface LogLine {
  level: number;
  msg: string;
  escaped?: string;
  err?: { message: string; stack: string };
  req?: { id: string };
}

const logLines = (server: ServerProcess): LogLine[] =>
  server.output
    .join('')
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as LogLine);

/** The log line of the escaped error whose message is `message`, once it is written. */
async function escapedLine(server: ServerProcess, message: string): Promise<LogLine> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const line = logLines(server).find((candidate) => candidate.err?.message === message);
    if (line) return line;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`no log line for '${message}':\n${server.output.join('')}`);
}

describe('errors that escape a request', () => {
  let server: ServerProcess;
  beforeAll(async () => {
    server = await spawnServer({ LOAD_SEEDS: 'false' }, ENTRY);
  });
  afterAll(async () => {
    await server?.stop();
  });

  test('When a timer the request started throws, then that request gets 500 with its id, the error is logged with its stack, and the process serves on', async () => {
    const response = await fetch(`${server.url}/api/units`, { headers: { 'X-Request-Id': 'escaped-timer' } });
    expect(response.status).toBe(500);
    expect(await response.json()).toEqual({ error: { code: 'internal_error', message: expect.stringContaining('escaped-timer') } });
    const line = await escapedLine(server, 'thrown from a timer');
    expect(line).toMatchObject({ level: 50, escaped: 'uncaughtException', req: { id: 'escaped-timer' } });
    expect(line.err!.stack).toContain('guardedServer.ts');
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
  });

  test('When a promise nobody awaits rejects, then that request gets 500 and the rejection is logged', async () => {
    const response = await fetch(`${server.url}/api/documents/unhandled-rejection`, { headers: { 'X-Request-Id': 'escaped-rejection' } });
    expect(response.status).toBe(500);
    const line = await escapedLine(server, 'a rejection nobody awaited');
    expect(line).toMatchObject({ level: 50, escaped: 'unhandledRejection', req: { id: 'escaped-rejection' } });
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
  });

  test('When an error escapes after the answer went out, then the answer stands and the error is logged', async () => {
    const response = await fetch(`${server.url}/api/documents/after-the-answer`);
    expect(response.status).toBe(404);
    await escapedLine(server, 'thrown after the answer');
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    expect(server.alive()).toBe(true);
    expect(logLines(server).filter((line) => line.level >= 60)).toEqual([]);
  });
});

test('When an error escapes outside any request, then it is logged as fatal and the process exits 1', async () => {
  const server = await spawnServer({ LOAD_SEEDS: 'false', GUARD_FAULT: 'outside' }, ENTRY);
  try {
    expect(await server.exited).toBe(1);
    const fatal = logLines(server).filter((line) => line.level === 60);
    expect(fatal).toEqual([expect.objectContaining({ escaped: 'uncaughtException', err: expect.objectContaining({ message: 'thrown outside any request' }) })]);
  } finally {
    await server.stop();
  }
});
