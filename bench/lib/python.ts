/**
 * The Python side of the bench: a virtual environment under .venv/ (git-ignored) with NetworkX and
 * python-igraph (a C core, the second baseline) from PyPI, created on first use; NetworkX's PageRank
 * runs on numpy and scipy.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const VENV = join(__dirname, '..', '..', '.venv');
export const PYTHON = join(VENV, 'bin', 'python');

/** The versions of NetworkX and igraph in the bench's environment, installing them first when missing. */
export function ensureBaselines(): { networkx: string; igraph: string } {
  if (!existsSync(PYTHON)) execFileSync('python3', ['-m', 'venv', VENV], { stdio: 'inherit' });
  const versions = () =>
    JSON.parse(
      execFileSync(PYTHON, ['-c', 'import json, networkx, numpy, scipy, igraph; print(json.dumps({"networkx": networkx.__version__, "igraph": igraph.__version__}))'], {
        encoding: 'utf8',
      }),
    ) as { networkx: string; igraph: string };
  try {
    return versions();
  } catch {
    execFileSync(join(VENV, 'bin', 'pip'), ['install', '--quiet', 'networkx', 'numpy', 'scipy', 'igraph'], { stdio: 'inherit' });
    return versions();
  }
}
