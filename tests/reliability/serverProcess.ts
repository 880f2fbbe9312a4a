/**
 * A real server process for the reliability suites (`node --import tsx <entry>`, as `npm start` runs it, the
 * client build skipped), a liveness probe that polls /healthz every 100 ms and samples the process's RSS, and
 * raw HTTP over a socket for requests no HTTP client would send.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');

export interface ServerProcess {
  url: string;
  pid: number;
  child: ChildProcess;
  /** Everything the process wrote (pino JSON lines and anything else), stdout and stderr. */
  output: string[];
  /** Resolves with the exit code (or signal name) when the process ends. */
  exited: Promise<number | string>;
  alive(): boolean;
  stop(): Promise<void>;
}

/** Starts `entry` (default server/main.ts) with `env` on a free port; resolves once /healthz answers. */
export async function spawnServer(env: Record<string, string>, entry = 'server/main.ts', startupMs = 180_000): Promise<ServerProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', entry], {
    cwd: ROOT,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', CLIENT_BUILD: 'skip', LOG_LEVEL: 'info', ...env, NEO4J_URI: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  let exitStatus: number | string | undefined;
  const exited = new Promise<number | string>((resolve) =>
    child.once('exit', (code, signal) => {
      exitStatus = code ?? signal ?? 'unknown';
      resolve(exitStatus);
    }),
  );
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the server did not start within ${startupMs} ms:\n${output.join('')}`)), startupMs);
    const onData = (chunk: Buffer) => {
      output.push(chunk.toString('utf8'));
      const serving = /"url":"(http:\/\/[^"]+)"[^\n]*"msg":"serving"/.exec(output.join(''));
      if (serving) {
        clearTimeout(timer);
        resolve(serving[1]!);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (chunk: Buffer) => output.push(chunk.toString('utf8')));
    void exited.then((status) => {
      clearTimeout(timer);
      reject(new Error(`the server exited (${status}) before serving:\n${output.join('')}`));
    });
  });
  return {
    url,
    pid: child.pid!,
    child,
    output,
    exited,
    alive: () => exitStatus === undefined,
    async stop() {
      if (exitStatus !== undefined) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** The resident set of a process, in MiB (Linux /proc). */
export function rssMiB(pid: number): number {
  const kib = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
  return Number(kib ?? 0) / 1024;
}

export interface ProbeReport {
  polls: number;
  /** The longest any /healthz request waited for its answer (or until the probe stopped, if it never came). */
  maxWaitMs: number;
  /** Polls that did not answer 200. */
  failures: string[];
  peakRssMiB: number;
}

/**
 * Polls /healthz every 100 ms (one request at a time, so a blocked server shows as one long wait) and samples
 * the server's RSS every 100 ms on its own timer, until stop().
 */
export function probeHealth(server: ServerProcess): { stop(): Promise<ProbeReport> } {
  const report: ProbeReport = { polls: 0, maxWaitMs: 0, failures: [], peakRssMiB: 0 };
  let running = true;
  let pollStarted = 0;
  const sample = () => {
    if (server.alive()) report.peakRssMiB = Math.max(report.peakRssMiB, rssMiB(server.pid));
  };
  sample();
  const sampler = setInterval(sample, 100);
  const loop = (async () => {
    while (running) {
      pollStarted = Date.now();
      try {
        const response = await fetch(`${server.url}/healthz`, { signal: AbortSignal.timeout(60_000) });
        await response.arrayBuffer();
        if (response.status !== 200) report.failures.push(`status ${response.status}`);
      } catch (error) {
        report.failures.push(String(error));
      }
      report.maxWaitMs = Math.max(report.maxWaitMs, Date.now() - pollStarted);
      report.polls++;
      pollStarted = 0;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  })();
  return {
    async stop() {
      running = false;
      clearInterval(sampler);
      sample();
      // A poll still waiting counts for as long as it has waited.
      if (pollStarted) report.maxWaitMs = Math.max(report.maxWaitMs, Date.now() - pollStarted);
      await Promise.race([loop, new Promise((resolve) => setTimeout(resolve, 2_000))]);
      return report;
    },
  };
}

/** Sends `head` (and `body`) as raw bytes on a fresh connection; resolves with the status line's code and the text. */
export function rawRequest(url: string, head: Buffer, body: Buffer = Buffer.alloc(0), timeoutMs = 30_000): Promise<{ status: number; text: string }> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname, () => socket.write(Buffer.concat([head, body])));
    const chunks: Buffer[] = [];
    const timer = setTimeout(() => socket.destroy(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
    socket.on('data', (chunk) => chunks.push(chunk));
    socket.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    socket.on('close', () => {
      clearTimeout(timer);
      const text = Buffer.concat(chunks).toString('utf8');
      resolve({ status: Number(/^HTTP\/1\.1 (\d{3})/.exec(text)?.[1] ?? 0), text });
    });
  });
}

/** A request head from lines, each a string (latin1 bytes) or a Buffer (sent as is). */
export function requestHead(lines: (string | Buffer)[]): Buffer {
  return Buffer.concat([...lines.flatMap((line) => [typeof line === 'string' ? Buffer.from(line, 'latin1') : line, Buffer.from('\r\n')]), Buffer.from('\r\n')]);
}
