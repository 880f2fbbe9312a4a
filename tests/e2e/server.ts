/** The real server (server/app.ts) on the embedded store with the seeds loaded, on a free port. */
import type { AddressInfo } from 'node:net';
import { pino } from 'pino';
import { loadSeeds } from '../../graph/ingest';
import { loadRegistry } from '../../graph/registry';
import { MemoryStore } from '../../graph/store';
import { createApp } from '../../server/app';

export interface Explorer {
  baseUrl: string;
  stop: () => Promise<void>;
}

export async function startExplorer(adminToken: string): Promise<Explorer> {
  const store = new MemoryStore();
  await store.init();
  const registry = loadRegistry();
  await loadSeeds(store, registry);
  const app = createApp({ store, registry, adminToken, logger: pino({ level: 'silent' }) });
  const server = app.listen(0, '127.0.0.1');
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', reject);
  });
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    stop: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await store.close();
    },
  };
}
