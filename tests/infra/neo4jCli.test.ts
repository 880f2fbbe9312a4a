/** `npm run neo4j:start` when it cannot start: one line for a person naming the cause, and exit 1. */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const repoRoot = path.join(__dirname, '../..');

function neo4jCli(args: string[], env: Record<string, string>) {
  const tsx = path.join(repoRoot, 'node_modules/tsx/dist/cli.mjs');
  const result = spawnSync(process.execPath, [tsx, 'scripts/neo4j.ts', ...args], { cwd: repoRoot, encoding: 'utf8', env: { ...process.env, ...env } });
  return { status: result.status, stdout: result.stdout, stderrLines: result.stderr.trimEnd().split('\n') };
}

describe('neo4j CLI failures', () => {
  jest.setTimeout(60_000);

  it('says in one line that Java is missing when there is no java on PATH', () => {
    // A PATH with node alone: no java, javac or mvn.
    const bin = fs.mkdtempSync(path.join(os.tmpdir(), 'no-java-'));
    fs.symlinkSync(process.execPath, path.join(bin, 'node'));
    try {
      const result = neo4jCli(['start'], { PATH: bin, NEO4J_PORT: '7' });
      expect(result.status).toBe(1);
      expect(result.stdout).toBe('');
      expect(result.stderrLines).toEqual([expect.stringMatching(/^neo4j: Java 17\+ is not installed/)]);
    } finally {
      fs.rmSync(bin, { recursive: true, force: true });
    }
  });

  it('rejects a NEO4J_PORT that is not a port number', () => {
    const result = neo4jCli(['start'], { NEO4J_PORT: '70000' });
    expect(result.status).toBe(1);
    expect(result.stderrLines).toEqual(['neo4j: NEO4J_PORT must be a port number, got "70000"']);
  });
});
