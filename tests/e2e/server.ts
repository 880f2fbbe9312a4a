/**
 * The real server as `npm start` runs it (server/main.ts startServer), on the embedded store with
 * the seeds loaded, on a free port of 127.0.0.1, writes enabled by an admin token.
 */
import { pino } from 'pino';
import { MemoryStore } from '../../graph/store';
import { startServer, stopServer } from '../../server/main';

export interface Explorer {
  baseUrl: string;
  /** The store it serves, to write as another server instance on the same database would. */
  store: MemoryStore;
  stop: () => Promise<void>;
}

export async function startExplorer(adminToken: string): Promise<Explorer> {
  // Handed in rather than taken from the environment, so a NEO4J_URI in the shell cannot redirect the suite.
  const store = new MemoryStore();
  const { url } = await startServer({
    // No periodic refresh: the suite writes into the store as another instance would, and lets the page's own
    // request be the one that notices (tests/e2e/explorer.test.ts, "updating").
    env: { PORT: '0', HOST: '127.0.0.1', ADMIN_TOKEN: adminToken, LOAD_SEEDS: 'true', LOG_LEVEL: 'silent', ANALYTICS_REFRESH_MS: '0' },
    store,
    logger: pino({ level: 'silent' }),
  });
  return {
    baseUrl: url,
    store,
    stop: async () => {
      await stopServer();
      await store.close();
    },
  };
}
