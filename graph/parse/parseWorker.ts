/** The parse pool's worker (graph/parse/pool.ts): one document per task, with the pool's registry. */
import { workerData, type MessagePort } from 'node:worker_threads';
import { InvalidInputError, ParseError } from '../errors';
import { createRegistry } from '../registry';
import { parseDocument } from './document';
import type { ParseOutcome, ParseTask, WorkerData } from './pool';

/** High-resolution ms since the epoch: the main thread compares it with other workers' clocks. */
const now = () => performance.timeOrigin + performance.now();

const registry = createRegistry((workerData as WorkerData).units);

export default function parse({ input, source, sidecar, id, jurisdiction, started }: ParseTask & { started: MessagePort }): ParseOutcome {
  started.postMessage(null);
  started.close();
  const startedAt = now();
  try {
    return { ok: true, parsed: parseDocument(input, { source, sidecar, id, jurisdiction, registry }), startedAt, endedAt: now() };
  } catch (error) {
    if (error instanceof InvalidInputError) {
      const field = String(error.details?.field);
      return { ok: false, invalidField: field, message: error.message.slice(`${field}: `.length), startedAt, endedAt: now() };
    }
    if (error instanceof ParseError) return { ok: false, code: error.code, message: error.message, location: error.location, startedAt, endedAt: now() };
    throw error;
  }
}
