/**
 * The Python side of the bench: a virtual environment under .venv/ (git-ignored) with NetworkX
 * from PyPI, created on first use; NetworkX's PageRank runs on numpy and scipy.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const VENV = join(__dirname, '..', '..', '.venv');
export const PYTHON = join(VENV, 'bin', 'python');

export function ensureNetworkX(): string {
  if (!existsSync(PYTHON)) execFileSync('python3', ['-m', 'venv', VENV], { stdio: 'inherit' });
  const version = () => execFileSync(PYTHON, ['-c', 'import networkx, numpy, scipy; print(networkx.__version__)'], { encoding: 'utf8' }).trim();
  try {
    return version();
  } catch {
    execFileSync(join(VENV, 'bin', 'pip'), ['install', '--quiet', 'networkx', 'numpy', 'scipy'], { stdio: 'inherit' });
    return version();
  }
}
