/**
 * A real Neo4j 5.26 Community for tests and development, without Docker: the embedded database from Maven
 * Central, started by Launcher.java with Bolt on 127.0.0.1 and auth off. Used by `npm run neo4j:start|stop`
 * (scripts/neo4j.ts) and by the jest global setup (tests/setup/).
 *
 * Each server lives under .neo4j/<port>/ (pid file, log, data directory), so several can run side by side;
 * .neo4j/launcher/ caches the compiled launcher. `importIntoNeo4j` runs neo4j-admin's bulk import (the same
 * jars' AdminTool) into the data directory of a stopped server, which `startNeo4j({ keepData: true })` then serves.
 */
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import neo4j from 'neo4j-driver';

const repoRoot = path.resolve(__dirname, '../..');
const pomFile = path.join(__dirname, 'pom.xml');
const launcherFile = path.join(__dirname, 'Launcher.java');
const classpathFile = path.join(__dirname, 'cp.txt');
const stateRoot = path.join(repoRoot, '.neo4j');

const MIN_JAVA_MAJOR = 17;
const JVM_FLAGS = [
  // The flags the 5.x server passes itself; without them Netty and the page cache fail on Java 17.
  '--add-opens=java.base/java.nio=ALL-UNNAMED',
  '--add-opens=java.base/java.io=ALL-UNNAMED',
  '--add-opens=java.base/sun.nio.ch=ALL-UNNAMED',
  '-Dio.netty.tryReflectionSetAccessible=true',
  '-Dlog4j2.disable.jmx=true',
  '-Dfile.encoding=UTF-8',
];
const DEFAULT_MEMORY = { heap: '1g', pageCacheMB: 256 };

// C1 only: about half the CPU to start, at some cost in peak speed. Right for test runs (small queries, many
// starts on a busy machine), wrong for benchmarks, so it is opt-in.
const QUICK_START_FLAGS = ['-XX:TieredStopAtLevel=1'];

/** Java or Maven is missing: the caller decides whether that is fatal (CI) or a reason to skip. */
export class Neo4jPrerequisiteError extends Error {
  override name = 'Neo4jPrerequisiteError';
}

export type Log = (line: string) => void;
const silent: Log = () => undefined;

/** NEO4J_PORT (default 7687), checked. */
export function portFromEnv(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.NEO4J_PORT ?? '7687';
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new Error(`NEO4J_PORT must be a port number, got "${raw}"`);
  return port;
}

export function boltUri(port: number): string {
  return `bolt://127.0.0.1:${port}`;
}

function serverDir(port: number) {
  const dir = path.join(stateRoot, String(port));
  const dataDir = path.join(dir, 'data');
  return {
    dir,
    pidFile: path.join(dir, 'neo4j.pid'),
    logFile: path.join(dir, 'neo4j.log'),
    dataDir,
    /** The default database's store inside the data directory (the embedded DBMS's layout, and neo4j-admin's with NEO4J_HOME there). */
    databaseDir: path.join(dataDir, 'data', 'databases', 'neo4j'),
    importLogFile: path.join(dir, 'import.log'),
  };
}

function runs(command: string, args: string[]): { ok: boolean; output: string } {
  const result = spawnSync(command, args, { encoding: 'utf8' });
  return { ok: result.status === 0, output: `${result.stdout ?? ''}${result.stderr ?? ''}` };
}

function classpathIsFresh(): boolean {
  if (!fs.existsSync(classpathFile)) return false;
  if (fs.statSync(classpathFile).mtimeMs < fs.statSync(pomFile).mtimeMs) return false;
  const entries = fs.readFileSync(classpathFile, 'utf8').trim().split(path.delimiter);
  return entries.length > 0 && entries.every((jar) => jar !== '' && fs.existsSync(jar));
}

/** Why Neo4j cannot be started here (Java 17+ missing, or Maven missing while the jars are not fetched yet), or null. */
export function missingPrerequisite(): string | null {
  const java = runs('java', ['-version']);
  if (!java.ok) return `Java ${MIN_JAVA_MAJOR}+ is not installed (no working \`java\` on PATH)`;
  const major = Number(/version "(\d+)/.exec(java.output)?.[1] ?? 0);
  if (major < MIN_JAVA_MAJOR) return `Java ${MIN_JAVA_MAJOR}+ is required, found: ${java.output.split('\n')[0]}`;
  if (!runs('javac', ['-version']).ok) return `a Java ${MIN_JAVA_MAJOR}+ JDK is required to compile the launcher (no working \`javac\` on PATH)`;
  if (!classpathIsFresh() && !runs('mvn', ['-v']).ok) return 'Maven is not installed (no working `mvn` on PATH) and the Neo4j jars are not fetched yet';
  return null;
}

/**
 * The runtime classpath of the embedded Neo4j: resolved by Maven into ~/.m2 on the first run (a few hundred MB,
 * minutes), then read from scripts/neo4j/cp.txt until pom.xml changes or a jar vanishes.
 */
export function ensureClasspath(log: Log = silent): string {
  if (!classpathIsFresh()) {
    const reason = missingPrerequisite();
    if (reason) throw new Neo4jPrerequisiteError(reason);
    log('Resolving the Neo4j jars with Maven (cached in ~/.m2 after the first run)...');
    fs.mkdirSync(stateRoot, { recursive: true });
    // Written aside, then renamed: concurrent test runs never read a half-written classpath.
    const pending = path.join(stateRoot, `cp-${process.pid}.txt`);
    const mvn = spawnSync(
      'mvn',
      ['-q', '-B', '-f', pomFile, 'org.apache.maven.plugins:maven-dependency-plugin:3.8.1:build-classpath',
        `-Dmdep.outputFile=${pending}`, '-Dmdep.includeScope=runtime'],
      { encoding: 'utf8' },
    );
    if (mvn.status !== 0 || !fs.existsSync(pending)) {
      throw new Error(`Maven could not resolve the Neo4j jars (exit ${mvn.status}):\n${tail(`${mvn.stdout}${mvn.stderr}`)}`);
    }
    fs.renameSync(pending, classpathFile);
  }
  return fs.readFileSync(classpathFile, 'utf8').trim();
}

/**
 * The directory holding Launcher.class, compiled once per version of Launcher.java and of the classpath:
 * javac costs several CPU seconds, which every start (and a test's restart) would pay again.
 */
function compiledLauncher(classpath: string): string {
  const key = createHash('sha256').update(fs.readFileSync(launcherFile)).update(classpath).digest('hex').slice(0, 16);
  const dir = path.join(stateRoot, 'launcher', key);
  if (fs.existsSync(path.join(dir, 'Launcher.class'))) return dir;
  const pending = `${dir}-${process.pid}`;
  const javac = spawnSync('javac', ['-d', pending, '-cp', classpath, launcherFile], { encoding: 'utf8' });
  if (javac.status !== 0) throw new Error(`javac could not compile ${launcherFile}:\n${tail(`${javac.stdout}${javac.stderr}`)}`);
  try {
    fs.renameSync(pending, dir);
  } catch {
    fs.rmSync(pending, { recursive: true, force: true }); // a concurrent start compiled it first
  }
  return dir;
}

function tail(text: string, lines = 30): string {
  return text.trimEnd().split('\n').slice(-lines).join('\n');
}

function logTail(port: number): string {
  const { logFile } = serverDir(port);
  return fs.existsSync(logFile) ? tail(fs.readFileSync(logFile, 'utf8')) : '(no log)';
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** The pid of our launcher serving this port, or null (no pid file, process gone, or the pid was reused). */
function runningPid(port: number): number | null {
  const { pidFile } = serverDir(port);
  if (!fs.existsSync(pidFile)) return null;
  const pid = Number(fs.readFileSync(pidFile, 'utf8').trim());
  if (!Number.isInteger(pid) || pid <= 0 || !isAlive(pid)) return null;
  const cmdline = `/proc/${pid}/cmdline`;
  if (fs.existsSync(cmdline) && !fs.readFileSync(cmdline, 'utf8').split('\0').includes('Launcher')) return null;
  return pid;
}

/** Whether something accepts TCP connections on 127.0.0.1:port. */
function portInUse(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/** A port that was free a moment ago, picked by the kernel. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** null when Bolt answers `RETURN 1`, else why not. A session, not executeQuery: no driver-side retries while polling. */
async function boltProblem(uri: string): Promise<string | null> {
  const driver = neo4j.driver(uri, undefined, { connectionTimeout: 2_000, maxConnectionPoolSize: 1, disableLosslessIntegers: true });
  const session = driver.session();
  try {
    const result = await session.run('RETURN 1 AS one');
    return result.records[0]?.get('one') === 1 ? null : 'RETURN 1 gave an unexpected answer';
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  } finally {
    await session.close();
    await driver.close();
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function waitForBolt(port: number, pid: number, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let problem: string | null = 'not polled yet';
  while (Date.now() < deadline) {
    problem = await boltProblem(boltUri(port));
    if (problem === null) return;
    if (!isAlive(pid)) throw new Error(`Neo4j on port ${port} exited during start-up. Log tail:\n${logTail(port)}`);
    await sleep(500);
  }
  throw new Error(`Neo4j on port ${port} did not answer RETURN 1 within ${timeoutMs / 1000}s (${problem}). Log tail:\n${logTail(port)}`);
}

export interface StartOptions {
  port: number;
  /** Stop the server when this process exits (the test runner), so a crash leaves nothing behind. */
  parentPid?: number;
  /** Keep the data directory across stop/start instead of starting fresh (crash-recovery tests). */
  keepData?: boolean;
  /** Start faster at some cost in peak speed (test runs; not for benchmarks). */
  quickStart?: boolean;
  /**
   * Heap and page cache. The defaults (1 GB, 256 MB) suit tests, where several instances share a 2-core
   * machine; a database of the planned scale (1,000,000 edges) needs more to be measured fairly.
   */
  memory?: { heap: string; pageCacheMB: number };
  timeoutMs?: number;
  log?: Log;
}

export interface RunningNeo4j {
  uri: string;
  port: number;
  pid: number;
  /** True when a server of ours was already serving the port (start is idempotent). */
  alreadyRunning: boolean;
}

/** Starts Neo4j detached on 127.0.0.1:port and resolves once Bolt answers `RETURN 1`. */
export async function startNeo4j(options: StartOptions): Promise<RunningNeo4j> {
  const { port, timeoutMs = 240_000, log = silent } = options;
  const uri = boltUri(port);
  const existing = runningPid(port);
  if (existing !== null) {
    await waitForBolt(port, existing, timeoutMs);
    return { uri, port, pid: existing, alreadyRunning: true };
  }
  if (await portInUse(port)) {
    throw new Error(`port ${port} is already in use by another process; choose another with NEO4J_PORT`);
  }

  const missing = missingPrerequisite();
  if (missing) throw new Neo4jPrerequisiteError(missing);
  const classpath = ensureClasspath(log);
  const { dir, pidFile, logFile, dataDir } = serverDir(port);
  fs.mkdirSync(dir, { recursive: true });
  const logFd = fs.openSync(logFile, 'w');
  const launcherDir = compiledLauncher(classpath);
  const { heap, pageCacheMB } = options.memory ?? DEFAULT_MEMORY;
  const args = ['-Xms256m', `-Xmx${heap}`, ...JVM_FLAGS, ...(options.quickStart ? QUICK_START_FLAGS : []), '-cp', `${launcherDir}${path.delimiter}${classpath}`,
    'Launcher', '--port', String(port), '--data', dataDir, '--pagecache-mb', String(pageCacheMB)];
  if (options.parentPid !== undefined) args.push('--parent-pid', String(options.parentPid));
  if (options.keepData) args.push('--keep-data');
  const child = spawn('java', args, { cwd: repoRoot, detached: true, stdio: ['ignore', logFd, logFd] });
  fs.closeSync(logFd);
  const pid = await new Promise<number>((resolve, reject) => {
    child.once('spawn', () => resolve(child.pid as number));
    child.once('error', (error) => reject(new Neo4jPrerequisiteError(`could not run java: ${error.message}`)));
  });
  child.unref();
  fs.writeFileSync(pidFile, `${pid}\n`);
  log(`Starting Neo4j on ${uri} (pid ${pid}, log ${path.relative(repoRoot, logFile)})...`);

  try {
    await waitForBolt(port, pid, timeoutMs);
  } catch (error) {
    await stopNeo4j(port);
    throw error;
  }
  return { uri, port, pid, alreadyRunning: false };
}

async function waitForExit(pid: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!isAlive(pid)) return true;
    await sleep(200);
  }
  return !isAlive(pid);
}

export interface StopOptions {
  /** SIGKILL at once, as a crash would: no clean shutdown, and a kept data directory stays as it was. */
  kill?: boolean;
  /** Also delete .neo4j/<port>/ (log and any data): for servers on throwaway ports, such as a test run's. */
  removeFiles?: boolean;
  graceMs?: number;
}

/** Stops our server on this port: SIGTERM, then SIGKILL after the grace period. False when none was running. */
export async function stopNeo4j(port: number, options: StopOptions = {}): Promise<boolean> {
  const { graceMs = 30_000 } = options;
  const { dir, pidFile } = serverDir(port);
  const pid = runningPid(port);
  if (pid !== null) {
    if (options.kill) {
      process.kill(pid, 'SIGKILL');
    } else {
      process.kill(pid, 'SIGTERM');
      if (!(await waitForExit(pid, graceMs))) process.kill(pid, 'SIGKILL');
    }
    await waitForExit(pid, 10_000);
  }
  fs.rmSync(options.removeFiles ? dir : pidFile, { recursive: true, force: true });
  return pid !== null;
}

export interface ImportOptions {
  port: number;
  /** CSV files in neo4j-admin's format, with their headers. */
  nodes: string[];
  relationships: string[];
  log?: Log;
}

/**
 * `neo4j-admin database import full` into the data directory of the server on this port, which must be stopped
 * and hold no database (a kept data directory, from --keep-data, does): the tool only creates one. Fails, naming
 * the log, when the tool refuses a file; nothing is left behind then. Start the server with keepData afterwards.
 */
export async function importIntoNeo4j(options: ImportOptions): Promise<void> {
  const { port, log = silent } = options;
  const running = runningPid(port);
  if (running !== null) throw new Error(`Neo4j on port ${port} is running (pid ${running}); the bulk import writes into a stopped database`);
  const { dir, dataDir, databaseDir, importLogFile } = serverDir(port);
  if (fs.existsSync(databaseDir)) {
    throw new Error(`${path.relative(repoRoot, dataDir)} already holds a database (kept from an earlier run); the bulk import only creates a new one`);
  }
  const missing = missingPrerequisite();
  if (missing) throw new Neo4jPrerequisiteError(missing);
  const classpath = ensureClasspath(log);
  // neo4j-admin reads NEO4J_CONF/neo4j.conf; the defaults (data under NEO4J_HOME/data) are the embedded server's layout.
  const confDir = path.join(dir, 'conf');
  fs.mkdirSync(confDir, { recursive: true });
  fs.writeFileSync(path.join(confDir, 'neo4j.conf'), '');
  fs.mkdirSync(dataDir, { recursive: true });
  const args = [...JVM_FLAGS, '-cp', classpath, 'org.neo4j.cli.AdminTool', 'database', 'import', 'full',
    ...options.nodes.map((file) => `--nodes=${file}`), ...options.relationships.map((file) => `--relationships=${file}`),
    // Item texts span lines; a bad row fails the import instead of being skipped.
    '--multiline-fields=true', '--bad-tolerance=0', '--skip-bad-relationships=false', '--skip-duplicate-nodes=false',
    // Its report of bad rows, beside the log instead of the working directory.
    `--report-file=${path.join(dir, 'import.report')}`, 'neo4j'];
  const logFd = fs.openSync(importLogFile, 'w');
  log(`Importing into ${path.relative(repoRoot, dataDir)} with neo4j-admin (log ${path.relative(repoRoot, importLogFile)})...`);
  const child = spawn('java', args, { cwd: repoRoot, env: { ...process.env, NEO4J_HOME: dataDir, NEO4J_CONF: confDir }, stdio: ['ignore', logFd, logFd] });
  fs.closeSync(logFd);
  const status = await new Promise<number | null>((resolve, reject) => {
    child.once('error', (error) => reject(new Neo4jPrerequisiteError(`could not run java: ${error.message}`)));
    child.once('exit', (code) => resolve(code));
  });
  if (status !== 0) {
    fs.rmSync(dataDir, { recursive: true, force: true });
    throw new Error(`neo4j-admin database import failed (exit ${status}); log ${path.relative(repoRoot, importLogFile)}:\n${tail(fs.readFileSync(importLogFile, 'utf8'))}`);
  }
}
