/**
 * `npm run soak [-- --duration 60 --connections 50 --outage-at 20 --outage 10]`: the API under load
 * (autocannon) while its Neo4j is stopped and restarted. Starts its own Neo4j (NEO4J_PORT, default 7705, data
 * kept across the restart) and the server as its own process, then reports the error rate and status codes
 * during the outage, the slowest answer (no hang beyond the driver time-outs), the time to recover once Neo4j
 * answers again, and the counts before and after. `runSoak` is also used by the short variant in
 * tests/reliability/soak.test.ts.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import autocannon from 'autocannon';
import { Command } from 'commander';
import { Neo4jStore, type StoreStats } from '../graph/store';
import { boltUri, startNeo4j, stopNeo4j } from './neo4j/server';

export interface SoakOptions {
  durationS: number;
  connections: number;
  /** Seconds into the run when Neo4j is stopped, and for how long it stays down before the restart begins. */
  outageAtS: number;
  outageS: number;
  neo4jPort: number;
  serverPort: number;
  log?: (line: string) => void;
}

export interface SoakReport {
  requests: number;
  errorRate: number;
  statusCodes: Record<string, number>;
  /** Requests that got no answer at all (socket errors, autocannon time-outs). */
  noAnswer: number;
  outage: { requests: number; errorRate: number; statusCodes: Record<string, number>; slowestMs: number };
  /** Seconds Neo4j was unreachable: from the stop to Bolt answering again (the restart itself takes time). */
  neo4jDownS: number;
  /** Seconds from Bolt answering again to the last failed API answer (0 when none failed after). */
  recoveryS: number;
  before: { documents: number; stats: StoreStats };
  after: { documents: number; stats: StoreStats };
}

const repoRoot = path.resolve(__dirname, '..');
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The server's own log (warnings and errors: every 5xx with its cause), kept for a look after the run. */
export const SOAK_SERVER_LOG = path.join(repoRoot, '.soak', 'server.log');

async function startApi(port: number, neo4jPort: number): Promise<ChildProcess> {
  fs.mkdirSync(path.dirname(SOAK_SERVER_LOG), { recursive: true });
  const logFd = fs.openSync(SOAK_SERVER_LOG, 'w');
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: repoRoot,
    env: { ...process.env, PORT: String(port), NEO4J_URI: boltUri(neo4jPort), CLIENT_BUILD: 'skip', LOG_LEVEL: 'warn', ADMIN_TOKEN: '' },
    stdio: ['ignore', logFd, 'inherit'],
  });
  fs.closeSync(logFd);
  for (let i = 0; i < 240; i++) {
    const ready = await fetch(`http://127.0.0.1:${port}/readyz`).then((r) => r.ok, () => false);
    if (ready) return child;
    if (child.exitCode !== null) break;
    await sleep(500);
  }
  child.kill();
  throw new Error(`the API server on port ${port} did not become ready`);
}

async function snapshot(port: number, neo4jPort: number) {
  const documents = ((await (await fetch(`http://127.0.0.1:${port}/api/documents`)).json()) as { documents: unknown[] }).documents.length;
  const store = new Neo4jStore({ uri: boltUri(neo4jPort) });
  try {
    return { documents, stats: await store.stats() };
  } finally {
    await store.close();
  }
}

const tally = (codes: string[]) => codes.reduce<Record<string, number>>((acc, code) => ({ ...acc, [code]: (acc[code] ?? 0) + 1 }), {});

export async function runSoak(options: SoakOptions): Promise<SoakReport> {
  const log = options.log ?? (() => undefined);
  await startNeo4j({ port: options.neo4jPort, keepData: true, parentPid: process.pid, log });
  const server = await startApi(options.serverPort, options.neo4jPort);
  try {
    const base = `http://127.0.0.1:${options.serverPort}`;
    const before = await snapshot(options.serverPort, options.neo4jPort);
    const seed = 'guangdong-digital-economy-2023';
    const answers: { at: number; code: string; ms: number }[] = [];
    const started = Date.now();
    let resolveFinished!: () => void;
    let rejectFinished!: (error: Error) => void;
    const finished = new Promise<void>((resolve, reject) => {
      resolveFinished = resolve;
      rejectFinished = reject;
    });
    // The callback form returns the instance (its events carry each answer); the promise form does not.
    const run = autocannon(
      {
        url: base,
        connections: options.connections,
        duration: options.durationS,
        timeout: 30,
        requests: [
          { method: 'GET', path: '/api/documents' },
          { method: 'GET', path: `/api/items?q=${encodeURIComponent('数据')}` },
          { method: 'GET', path: `/api/items/${seed}%2Fitem-12` },
          { method: 'GET', path: '/api/units?kind=department' },
        ],
      },
      (error) => (error ? rejectFinished(error) : resolveFinished()),
    );
    run.on('response', (_client, statusCode, _bytes, responseTime) => answers.push({ at: Date.now(), code: String(statusCode), ms: responseTime }));
    run.on('reqError', () => answers.push({ at: Date.now(), code: 'no-answer', ms: 0 }));

    await sleep(options.outageAtS * 1000);
    const down = Date.now();
    log(`stopping Neo4j at ${((down - started) / 1000).toFixed(1)} s`);
    await stopNeo4j(options.neo4jPort);
    await sleep(Math.max(0, options.outageS * 1000 - (Date.now() - down)));
    log('restarting Neo4j');
    await startNeo4j({ port: options.neo4jPort, keepData: true, parentPid: process.pid, log });
    const back = Date.now();
    log(`Neo4j answers again after ${((back - down) / 1000).toFixed(1)} s`);
    await finished;

    const failed = (a: { code: string }) => !a.code.startsWith('2');
    const during = answers.filter((a) => a.at >= down && a.at <= back);
    const lastFailure = answers.filter((a) => a.at > back && failed(a)).reduce((max, a) => Math.max(max, a.at), back);
    const after = await snapshot(options.serverPort, options.neo4jPort);
    return {
      requests: answers.length,
      errorRate: answers.filter(failed).length / Math.max(1, answers.length),
      statusCodes: tally(answers.map((a) => a.code)),
      noAnswer: answers.filter((a) => a.code === 'no-answer').length,
      outage: {
        requests: during.length,
        errorRate: during.filter(failed).length / Math.max(1, during.length),
        statusCodes: tally(during.map((a) => a.code)),
        slowestMs: during.reduce((max, a) => Math.max(max, a.ms), 0),
      },
      neo4jDownS: (back - down) / 1000,
      recoveryS: (lastFailure - back) / 1000,
      before,
      after,
    };
  } finally {
    server.kill('SIGTERM');
    await stopNeo4j(options.neo4jPort, { removeFiles: true });
  }
}

if (require.main === module) {
  const number = (value: string) => Number(value);
  const options = new Command()
    .name('soak-outage')
    .option('--duration <s>', 'seconds of load', number, 60)
    .option('--connections <n>', 'concurrent connections', number, 50)
    .option('--outage-at <s>', 'seconds into the run when Neo4j stops', number, 20)
    .option('--outage <s>', 'seconds Neo4j stays stopped before its restart begins', number, 10)
    .option('--server-port <n>', 'API port', number, 18705)
    .parse()
    .opts<{ duration: number; connections: number; outageAt: number; outage: number; serverPort: number }>();
  runSoak({
    durationS: options.duration,
    connections: options.connections,
    outageAtS: options.outageAt,
    outageS: options.outage,
    neo4jPort: Number(process.env.NEO4J_PORT ?? 7705),
    serverPort: options.serverPort,
    log: (line) => process.stderr.write(`${line}\n`),
  }).then(
    (report) => {
      process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
      const lost = JSON.stringify(report.before) !== JSON.stringify(report.after);
      process.exitCode = lost || report.noAnswer > 0 ? 1 : 0;
    },
    (error: unknown) => {
      process.stderr.write(`soak: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exit(1);
    },
  );
}
