// `npm test`: installs what the run needs and is missing, then runs jest in band with any extra arguments
// (`npm test -- tests/parse`). What it installs:
//  - node_modules via `npm ci`, only when missing or out of date with package-lock.json (scripts/ensure-deps.mjs);
//  - for the end-to-end suite (tests/e2e): Debian's Chromium at /usr/bin/chromium when missing and we are root
//    with apt-get, and the client build (dist/client, `vite build`) when it is missing or older than client/.
// Neo4j is started by jest's global setup (tests/setup/), on a free port, unless NEO4J_URI is set.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureDependencies } from './ensure-deps.mjs';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CHROMIUM = '/usr/bin/chromium';

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { cwd: repoRoot, stdio: 'inherit', ...options });
  if (result.error) throw new Error(`${command}: ${result.error.message}`);
  return result.status ?? 1;
}

/** The end-to-end suite is in scope unless test paths were given and none of them names it. */
function endToEndInScope(args) {
  const paths = args.filter((arg) => !arg.startsWith('-'));
  return paths.length === 0 || paths.some((arg) => arg.includes('e2e'));
}

function ensureChromium() {
  if (fs.existsSync(CHROMIUM)) return;
  const canInstall = process.getuid?.() === 0 && run('sh', ['-c', 'command -v apt-get >/dev/null'], { stdio: 'ignore' }) === 0;
  if (!canInstall) {
    process.stderr.write(`${CHROMIUM} is missing and cannot be installed here (needs root and apt-get): the end-to-end suite needs Debian's chromium package.\n`);
    return;
  }
  process.stderr.write(`${CHROMIUM} is missing: installing Debian's chromium package for the end-to-end suite\n`);
  const status = run('sh', ['-c', 'apt-get update -q && apt-get install -y -q chromium'], { env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  if (status !== 0) throw new Error(`apt-get install chromium failed (exit ${status})`);
}

/** Builds dist/client when it is missing or stale, by the server's own rule (server/clientBuild.ts, run via tsx). */
function ensureClientBuild() {
  const script = "require('./server/clientBuild.ts').ensureClientBuilt('dist/client', require('pino')())";
  const status = run(process.execPath, ['--import', 'tsx', '-e', script]);
  if (status !== 0) throw new Error(`the client build check failed (exit ${status})`);
}

const args = process.argv.slice(2);
try {
  ensureDependencies();
  if (endToEndInScope(args)) {
    ensureChromium();
    ensureClientBuild();
  }
} catch (error) {
  process.stderr.write(`npm test: ${error.message}\n`);
  process.exit(1);
}

// Jest's own summary is not in the plain form CI tools read, so the run ends with one line that is:
// "tests: N passed, N failed, N skipped", from jest's JSON results.
const resultsFile = path.join(os.tmpdir(), `jest-results-${process.pid}.json`);
// In band, every suite shares one heap; the large-document suites (100,000 items) need more than Node's
// default 4 GB on a machine with 24 GB.
const status = run(process.execPath, ['--max-old-space-size=12288', path.join(repoRoot, 'node_modules/jest/bin/jest.js'), '--runInBand', '--json', `--outputFile=${resultsFile}`, ...args]);
if (fs.existsSync(resultsFile)) {
  const results = JSON.parse(fs.readFileSync(resultsFile, 'utf8'));
  fs.rmSync(resultsFile);
  // A suite that could not run at all (say, Neo4j missing under CI) counts as a failure too.
  const failed = results.numFailedTests + results.numRuntimeErrorTestSuites;
  const skipped = results.numPendingTests + results.numTodoTests;
  process.stdout.write(`\ntests: ${results.numPassedTests} passed, ${failed} failed, ${skipped} skipped\n`);
}
process.exit(status);
