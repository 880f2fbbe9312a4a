/**
 * `npm start` serves the built client: build it first when dist/client is missing or older than
 * any client source, so a newcomer never sees a stale or absent page. A failed build is reported
 * and the API is served anyway.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Logger } from 'pino';

const ROOT = resolve(__dirname, '..');
const VITE_CONFIG = join(ROOT, 'vite.config.ts');
const CLIENT_SOURCES = join(ROOT, 'client');

function newestModification(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path)
    .filter((name) => name !== 'node_modules')
    .reduce((newest, name) => Math.max(newest, newestModification(join(path, name))), stat.mtimeMs);
}

/** True when a build is needed: there is a client to build and its output is missing or older. */
export function clientBuildIsStale(outDir: string): boolean {
  if (!existsSync(VITE_CONFIG) || !existsSync(CLIENT_SOURCES)) return false;
  const index = join(outDir, 'index.html');
  if (!existsSync(index)) return true;
  return Math.max(newestModification(CLIENT_SOURCES), statSync(VITE_CONFIG).mtimeMs) > statSync(index).mtimeMs;
}

export function ensureClientBuilt(outDir: string, logger: Logger): void {
  if (!clientBuildIsStale(outDir)) return;
  logger.info({ outDir }, 'building the client (vite build)');
  const vite = join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js');
  // A production build whoever asks: under jest NODE_ENV is `test`, which would bundle React's development
  // build (StrictMode mounting everything twice, so each view would lay out and fetch twice).
  const env = { ...process.env, NODE_ENV: 'production' };
  const result = spawnSync(process.execPath, [vite, 'build', '--logLevel', 'warn'], { cwd: ROOT, stdio: 'inherit', env });
  if (result.status !== 0) logger.warn('the client build failed; serving the API only');
}
