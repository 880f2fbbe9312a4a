/**
 * The real server as `npm start` runs it (server/main.ts startServer), on the embedded store with
 * the seeds loaded, on a free port of 127.0.0.1, writes enabled by an admin token.
 */
import { pino } from 'pino';
import { MemoryStore } from '../../graph/store';
import { startServer, stopServer } from '../../server/main';

export interface Explorer {
  baseUrl: string;
  stop: () => Promise<void>;
}

export async function startExplorer(adminToken: string): Promise<Explorer> {
  // Handed in rather than taken from the environment, so a NEO4J_URI in the shell cannot redirect the suite.
  const store = new MemoryStore();
  const { url } = await startServer({
    env: { PORT: '0', HOST: '127.0.0.1', ADMIN_TOKEN: adminToken, LOAD_SEEDS: 'true', LOG_LEVEL: 'silent' },
    store,
    logger: pino({ level: 'silent' }),
  });
  return {
    baseUrl: url,
    stop: async () => {
      await stopServer();
      await store.close();
    },
  };
}
