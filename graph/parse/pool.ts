/**
 * Parsing off the event loop: a pool of worker threads, one per core, each parsing one document at
 * a time under a deadline. The server parses uploads and dry runs here, so a slow document never
 * holds up other requests; `cli ingest` parses here, so a folder uses every core.
 *
 * The parsed document comes back by structured clone and is not validated here: the store validates
 * every document where it enters the graph (toDocumentRecords), so validating it on the event loop
 * the pool exists to keep free would only repeat that work.
 */
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { MessageChannel, type MessagePort } from 'node:worker_threads';
import { Piscina } from 'piscina';
import { InvalidInputError, ParseError, ParseTimeoutError } from '../errors';
import type { DocumentSidecar, ParsedDocument, Unit } from '../model';
import type { UnitRegistry } from '../registry';

/** Ten seconds of one core: a 5 MiB upload of ordinary text parses in well under one. */
export const DEFAULT_PARSE_TIMEOUT_MS = 10_000;

export interface ParseTask {
  input: Uint8Array | string;
  source: string;
  sidecar?: DocumentSidecar;
  id?: string;
  /** Whose plan it is (a code or place name), overriding the sidecar and detection. */
  jurisdiction?: string;
}

/**
 * What the worker answers: a ParseError or an InvalidInputError (a bad given jurisdiction) travels as
 * data, since a thrown one arrives as a plain Error.
 */
export type ParseOutcome = (
  | { ok: true; parsed: ParsedDocument }
  | { ok: false; code: string; message: string; location: ParseError['location'] }
  | { ok: false; invalidField: string; message: string }
) & {
  /** When the worker started and ended the parse, in ms since the epoch (comparable across threads). */
  startedAt: number;
  endedAt: number;
};

export interface ParsePoolOptions {
  registry: UnitRegistry;
  /** Worker threads; one per core by default. */
  threads?: number;
  /** Deadline of one parse, from the moment a worker starts it (DEFAULT_PARSE_TIMEOUT_MS). */
  timeoutMs?: number;
}

/**
 * Workers load the TypeScript sources through tsx whatever started this process: tsx itself, or jest,
 * whose ts-jest compiles only the test process's own modules.
 */
export const TSX_LOADER = pathToFileURL(require.resolve('tsx')).href;

/** A worker idle this long exits; while idle it is unref'd, so it never keeps the process alive. */
const IDLE_MS = 30_000;

/** What the pool has parsed: bytes, the workers' busy time, and the span from the first start to the last end. */
export interface ParseThroughput {
  documents: number;
  bytes: number;
  workerSeconds: number;
  wallSeconds: number;
}

export interface WorkerData {
  units: Unit[];
}

export class ParsePool {
  readonly threads: number;
  readonly timeoutMs: number;
  private pool: Piscina<ParseTask & { started: MessagePort }, ParseOutcome> | undefined;
  private readonly workerData: WorkerData;
  private closed = false;
  private readonly done = { documents: 0, bytes: 0, workerMs: 0, firstStart: Infinity, lastEnd: -Infinity };

  constructor(options: ParsePoolOptions) {
    this.threads = Math.max(1, options.threads ?? availableParallelism());
    this.timeoutMs = options.timeoutMs ?? DEFAULT_PARSE_TIMEOUT_MS;
    this.workerData = { units: options.registry.all() };
  }

  /** Parses in a worker: ParseError as parseDocument throws it, ParseTimeoutError past the deadline. */
  async parse(input: Uint8Array | string, options: Omit<ParseTask, 'input'>): Promise<ParsedDocument> {
    const workers = this.workers();
    // The deadline starts when a worker takes the task (it says so on this port), not while the task
    // waits in the queue or a fresh worker loads its modules.
    const { port1: started, port2: startedInWorker } = new MessageChannel();
    const abort = new AbortController();
    let deadline: NodeJS.Timeout | undefined;
    started.once('message', () => (deadline = setTimeout(() => abort.abort(), this.timeoutMs)));
    try {
      const outcome = await workers.run({ input, ...options, started: startedInWorker }, { signal: abort.signal, transferList: [startedInWorker] });
      this.count(typeof input === 'string' ? Buffer.byteLength(input) : input.byteLength, outcome);
      if (outcome.ok) return outcome.parsed;
      if ('invalidField' in outcome) throw new InvalidInputError(outcome.invalidField, outcome.message);
      const { file = '<input>', line, column } = outcome.location;
      throw new ParseError(outcome.code, outcome.message.slice(`${file}:${line}:${column}: `.length), outcome.location);
    } catch (error) {
      // Piscina stops the worker running an aborted task: the runaway parse ends, and its memory with it.
      if (abort.signal.aborted) throw new ParseTimeoutError(options.source, this.timeoutMs);
      throw error;
    } finally {
      clearTimeout(deadline);
      started.close();
    }
  }

  throughput(): ParseThroughput {
    const { documents, bytes, workerMs, firstStart, lastEnd } = this.done;
    return { documents, bytes, workerSeconds: workerMs / 1000, wallSeconds: documents > 0 ? (lastEnd - firstStart) / 1000 : 0 };
  }

  private count(bytes: number, { startedAt, endedAt }: ParseOutcome): void {
    this.done.documents++;
    this.done.bytes += bytes;
    this.done.workerMs += endedAt - startedAt;
    this.done.firstStart = Math.min(this.done.firstStart, startedAt);
    this.done.lastEnd = Math.max(this.done.lastEnd, endedAt);
  }

  /** Stops the workers; parses still running or waiting are refused. */
  async close(): Promise<void> {
    this.closed = true;
    const pool = this.pool;
    this.pool = undefined;
    if (pool) await pool.close({ force: true });
  }

  /** Started on first use: a server that never parses never pays for its workers. */
  private workers() {
    if (this.closed) throw new Error('the parse pool is closed');
    this.pool ??= new Piscina({
      filename: join(__dirname, 'parseWorker.ts'),
      execArgv: ['--import', TSX_LOADER],
      workerData: this.workerData,
      minThreads: 0,
      maxThreads: this.threads,
      idleTimeout: IDLE_MS,
    });
    return this.pool;
  }
}
