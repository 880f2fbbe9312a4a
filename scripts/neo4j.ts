/**
 * `npm run -s neo4j:start` / `neo4j:stop` / `neo4j:fetch`: a real Neo4j 5.26 on 127.0.0.1:$NEO4J_PORT (default
 * 7687) for development and tests, without Docker. Start prints the Bolt URI once Bolt answers; see
 * scripts/neo4j/server.ts.
 */
import { Command } from 'commander';
import { boltUri, ensureClasspath, portFromEnv, startNeo4j, stopNeo4j } from './neo4j/server';

const progress = (line: string) => process.stderr.write(`${line}\n`);

/** NEO4J_HEAP (e.g. 4g) and NEO4J_PAGECACHE_MB override the test-sized defaults, together or alone. */
function memoryFromEnv(): { heap: string; pageCacheMB: number } | undefined {
  const { NEO4J_HEAP: heap, NEO4J_PAGECACHE_MB: pageCache } = process.env;
  if (!heap && !pageCache) return undefined;
  if (heap && !/^\d+[mg]$/.test(heap)) throw new Error(`NEO4J_HEAP must look like 1g or 512m, got "${heap}"`);
  const pageCacheMB = Number(pageCache ?? 256);
  if (!Number.isInteger(pageCacheMB) || pageCacheMB < 16) throw new Error(`NEO4J_PAGECACHE_MB must be a whole number ≥ 16, got "${pageCache}"`);
  return { heap: heap ?? '1g', pageCacheMB };
}

const program = new Command()
  .name('neo4j')
  .description('A throwaway Neo4j 5.26 Community (embedded, Bolt on 127.0.0.1, auth off) on NEO4J_PORT (default 7687).');

program
  .command('start')
  .description('start Neo4j on a fresh data directory (or find it running) and print its Bolt URI')
  .option('--keep-data', 'keep the data directory of a previous run instead of starting empty')
  .action(async (options: { keepData?: boolean }) => {
    const memory = memoryFromEnv();
    const server = await startNeo4j({ port: portFromEnv(), keepData: options.keepData, log: progress, ...(memory ? { memory } : {}) });
    if (server.alreadyRunning) progress(`Neo4j is already running on this port (pid ${server.pid}).`);
    process.stdout.write(`${server.uri}\n`);
  });

program
  .command('stop')
  .description('stop the Neo4j started on NEO4J_PORT (SIGTERM, then SIGKILL after 30 s)')
  .action(async () => {
    const port = portFromEnv();
    const stopped = await stopNeo4j(port);
    progress(stopped ? `Stopped Neo4j on ${boltUri(port)}.` : `No Neo4j of ours was running on ${boltUri(port)}.`);
  });

program
  .command('fetch')
  .description('resolve the Neo4j jars through Maven into ~/.m2 (start does this itself when needed)')
  .action(() => {
    ensureClasspath(progress);
    progress('Neo4j jars are in place.');
  });

program.parseAsync(process.argv).catch((error: unknown) => {
  // Missing Java/Maven is one line for a person; a failed start also carries the server log tail.
  process.stderr.write(`neo4j: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
