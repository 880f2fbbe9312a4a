/**
 * What happens to an error that escapes every handler: one thrown from a timer or an event emitter, or a
 * promise nobody awaited. Express catches what a route throws or rejects; this catches the rest.
 *
 * Each request (and each request Node's parser refused) runs in an exchange scope (AsyncLocalStorage), which
 * follows it into every callback and promise it starts. An error that escapes inside a scope is that exchange's
 * failure: it is logged at error level with its stack and request id, the exchange is answered 500 (or cut
 * off, when its answer had begun), and the process serves on, so that no request can end it. An error outside
 * any scope (start-up, a store's background work) is a bug of the process itself: it is logged as fatal and
 * the process exits 1, as Node would, for the supervisor to restart it. Neither is ever silent.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import { internalError } from './errors';

export interface ExchangeScope {
  /** Logs the escaped error and answers (or cuts off) the exchange it belongs to. */
  fail(error: unknown, kind: EscapeKind): void;
}

type EscapeKind = 'uncaughtException' | 'unhandledRejection';

const scopes = new AsyncLocalStorage<ExchangeScope>();

/** Runs `work` in the exchange `scope`: errors escaping it or anything it starts are charged to the scope. */
export function withinExchange<T>(scope: ExchangeScope, work: () => T): T {
  return scopes.run(scope, work);
}

/** The scope of one HTTP request: its own logger (pino-http's, with the request id), then a 500 or a cut. */
export function requestScope(req: IncomingMessage, res: ServerResponse, logger: Logger): ExchangeScope {
  return {
    fail(error, kind) {
      const requestId = (req as { id?: unknown }).id;
      const log = (req as { log?: Logger }).log ?? logger;
      log.error({ err: error, escaped: kind }, 'an error escaped the request handlers; the request was failed');
      if (res.headersSent || res.writableEnded) {
        res.destroy();
        return;
      }
      const { status, body } = internalError(requestId);
      res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', Connection: 'close' });
      res.end(JSON.stringify(body));
    },
  };
}

/**
 * Installs the policy for the process (once, by the entry point; tests start servers without it). Returns
 * a function that removes it again.
 */
export function installProcessGuard(logger: Logger, exit: (code: number) => void = (code) => process.exit(code)): () => void {
  const handle = (kind: EscapeKind) => (error: unknown) => {
    const scope = scopes.getStore();
    if (scope) {
      try {
        scope.fail(error, kind);
      } catch (failing) {
        logger.error({ err: failing, escaped: kind }, 'failing an exchange failed');
      }
      return;
    }
    logger.fatal({ err: error, escaped: kind }, 'an error escaped outside any request; exiting');
    exit(1);
  };
  const onException = handle('uncaughtException');
  const onRejection = handle('unhandledRejection');
  process.on('uncaughtException', onException);
  process.on('unhandledRejection', onRejection);
  return () => {
    process.off('uncaughtException', onException);
    process.off('unhandledRejection', onRejection);
  };
}
