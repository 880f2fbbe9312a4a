/**
 * The bench's own Neo4j, on its own port (BENCH_NEO4J_PORT, default 7703), started with the
 * project's `npm run -s neo4j:start` and stopped afterwards only if the bench started it.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import neo4j from 'neo4j-driver';

export interface BenchNeo4j {
  uri: string;
  port: number;
  stop(): void;
}

/**
 * Sized for the planned scale (1,000,000 edges, about 2 GB of store files) so that reads come from
 * memory, as on a production server; the test defaults (1 GB heap, 256 MB page cache) are for
 * several instances sharing the machine with the test runners.
 */
export const BENCH_NEO4J_MEMORY = { heap: '4g', pageCacheMB: 4096 };

export function startBenchNeo4j(): BenchNeo4j {
  const port = Number(process.env.BENCH_NEO4J_PORT ?? 7703);
  const env = {
    ...process.env,
    NEO4J_PORT: String(port),
    NEO4J_HEAP: BENCH_NEO4J_MEMORY.heap,
    NEO4J_PAGECACHE_MB: String(BENCH_NEO4J_MEMORY.pageCacheMB),
  };
  const started = spawnSync('npm', ['run', '-s', 'neo4j:start'], { env, encoding: 'utf8' });
  if (started.status !== 0) throw new Error(`neo4j:start on port ${port} failed: ${started.stderr}`);
  const uri = started.stdout.trim().split('\n').pop()!;
  // An instance that was already running is someone's (a previous bench kept alive): leave it running.
  const ours = !/already running/.test(started.stderr);
  return {
    uri,
    port,
    stop: () => {
      if (ours) execFileSync('npm', ['run', '-s', 'neo4j:stop'], { env, stdio: 'ignore' });
    },
  };
}

/** Empties the bench database (its own instance only), in batches so the heap is not exhausted. */
export async function wipe(uri: string): Promise<void> {
  const driver = neo4j.driver(uri);
  const session = driver.session();
  try {
    await session.run('MATCH (n) CALL { WITH n DETACH DELETE n } IN TRANSACTIONS OF 5000 ROWS');
  } finally {
    await session.close();
    await driver.close();
  }
}
