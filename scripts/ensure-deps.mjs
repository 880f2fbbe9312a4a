// Installs node_modules with `npm ci` when they are missing or no longer match package-lock.json, and not
// otherwise: a stamp in node_modules records the lock file that the installed tree matches. Node built-ins
// only, since it runs before node_modules exist. Used by scripts/test.mjs and `npm start`; runnable alone.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const lockFile = path.join(repoRoot, 'package-lock.json');
const modulesDir = path.join(repoRoot, 'node_modules');
const stampFile = path.join(modulesDir, '.accountability-graph-deps-stamp');
// npm's own record of what it installed (the "hidden lockfile").
const installedFile = path.join(modulesDir, '.package-lock.json');

const readJson = (file) => JSON.parse(fs.readFileSync(file, 'utf8'));

/**
 * Whether the installed tree already holds every package of the lock file at its locked version: true after
 * someone ran `npm install <pkg>` in this tree, which updates both, so no reinstall is needed then.
 * Optional packages are not required: npm skips those for other platforms.
 */
function installedTreeMatchesLock() {
  if (!fs.existsSync(installedFile)) return false;
  const locked = readJson(lockFile).packages ?? {};
  const installed = readJson(installedFile).packages ?? {};
  return Object.entries(locked).every(
    ([where, entry]) => where === '' || entry.optional || entry.link || installed[where]?.version === entry.version,
  );
}

export function ensureDependencies() {
  const lockHash = createHash('sha256').update(fs.readFileSync(lockFile)).digest('hex');
  if (fs.existsSync(stampFile) && fs.readFileSync(stampFile, 'utf8') === lockHash) return;
  if (!fs.existsSync(modulesDir) || !installedTreeMatchesLock()) {
    process.stderr.write('node_modules is missing or out of date with package-lock.json: running npm ci\n');
    const npm = spawnSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: repoRoot, stdio: 'inherit' });
    if (npm.status !== 0) throw new Error(`npm ci failed (exit ${npm.status})`);
  }
  fs.writeFileSync(stampFile, lockHash);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  try {
    ensureDependencies();
  } catch (error) {
    process.stderr.write(`ensure-deps: ${error.message}\n`);
    process.exit(1);
  }
}
