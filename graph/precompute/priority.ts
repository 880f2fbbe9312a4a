/**
 * The analytics thread's priority. After a write the whole corpus is recomputed in it for seconds, and on a loaded
 * machine request handling and Neo4j should win the cores over that work: the reads it races are what people wait on.
 */
import { getPriority, setPriority } from 'node:os';

/** The analytics thread's nice value (0 is the default, 19 the lowest priority). */
export const ANALYTICS_NICE = 10;

/**
 * Renices the calling thread to ANALYTICS_NICE. On Linux setpriority(PRIO_PROCESS, 0) acts on the calling thread
 * alone (each thread is a task with its own nice value, as /proc/<pid>/task/<tid>/stat shows); elsewhere it would
 * lower the whole server, so it is left alone there. Never raised: a server started nicer than this stays so.
 */
export function lowerThisThreadsPriority(): void {
  if (process.platform === 'linux') setPriority(0, Math.max(getPriority(0), ANALYTICS_NICE));
}
