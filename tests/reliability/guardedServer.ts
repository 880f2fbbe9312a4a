/**
 * The server as server/main.ts runs it (process guard installed, then startServer), on a store whose reads let
 * errors escape the request handlers in each way the guard must answer: for tests/reliability/process-guard.test.ts.
 * With GUARD_FAULT=outside, an error is also thrown outside any request, half a second after start.
 */
import { pino } from 'pino';
import { MemoryStore, type DocumentDetail } from '../../graph/store';
import { startServer } from '../../server/main';
import { installProcessGuard } from '../../server/processGuard';

const never = new Promise<never>(() => undefined);

class EscapingStore extends MemoryStore {
  /**
   * GET /api/units: an exception thrown from a timer the request started; the handler waits forever. (Not the
   * document list: the analytics precompute lists documents at start, outside any request.)
   */
  override searchUnits(): Promise<never> {
    setTimeout(() => {
      throw new Error('thrown from a timer');
    }, 1);
    return never;
  }

  /** GET /api/documents/{id}: a rejection nobody handles, or an exception after the answer went out. */
  override getDocument(id: string): Promise<DocumentDetail | null> {
    if (id === 'unhandled-rejection') {
      void Promise.reject(new Error('a rejection nobody awaited'));
      return never;
    }
    if (id === 'after-the-answer') {
      setTimeout(() => {
        throw new Error('thrown after the answer');
      }, 50);
    }
    return Promise.resolve(null);
  }
}

const logger = pino({ level: 'info' });
installProcessGuard(logger);
void startServer({ store: new EscapingStore(), logger, clientDir: null }).then(() => {
  if (process.env.GUARD_FAULT === 'outside') {
    setTimeout(() => {
      throw new Error('thrown outside any request');
    }, 500);
  }
});
