/**
 * The CLI as a user runs it: `ingest` of the seed into a real Neo4j gives one :Item per item and
 * one edge per assignment, a second ingest changes no count, and `stats`/`remove` report it.
 * An unreachable Neo4j gives one line and a non-zero exit.
 */
import { execFile } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Driver } from 'neo4j-driver';
import { ROLES } from '../../graph/model';
import { ROLE_RELATIONSHIP } from '../../graph/store/neo4j/vocabulary';
import { describeNeo4j, openTestDriver, wipeNeo4j } from '../support/neo4j';
import { countByRole, loadFixtures, SECOND_PATH, SEED_PATH } from './fixtures';

const ROOT = join(__dirname, '..', '..');

/** Each case spawns the CLI (tsx compiles it first), on a machine shared with other runs. */
const CLI_TIMEOUT_MS = 240_000;

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the CLI; `input`, when given, is its standard input. */
function cli(args: string[], env: NodeJS.ProcessEnv, input?: string): Promise<Run> {
  return new Promise((resolve) => {
    const child = execFile(
      join(ROOT, 'node_modules', '.bin', 'tsx'),
      ['scripts/cli.ts', ...args],
      { cwd: ROOT, env: { ...process.env, ...env }, timeout: CLI_TIMEOUT_MS },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
    if (input !== undefined) child.stdin!.end(input);
  });
}

describeNeo4j('cli ingest, stats and remove on Neo4j', () => {
  const { seed } = loadFixtures();
  const env = { NEO4J_URI: process.env.NEO4J_URI };
  let driver: Driver;

  const counts = async () => {
    const types = ROLES.map((role) => ROLE_RELATIONSHIP[role]);
    const { records } = await driver.executeQuery(
      `RETURN COUNT { (:Item) } AS items, COUNT { MATCH (i:Item) RETURN DISTINCT i.id } AS distinctItems,
              ${types.map((type) => `COUNT { ()-[:${type}]->() } AS ${type}`).join(', ')}`,
    );
    const record = records[0]!.toObject();
    return Object.fromEntries(Object.entries(record).map(([key, value]) => [key, Number(value)]));
  };

  beforeAll(async () => {
    driver = openTestDriver();
    await wipeNeo4j(driver);
  });
  afterAll(async () => {
    await driver.close();
  });

  test('ingest writes one :Item per item and one edge per assignment; again changes no count', async () => {
    const first = await cli(['ingest', SEED_PATH], env);
    expect(first).toMatchObject({ code: 0 });
    expect(first.stdout).toMatch(/created\s+34\s/);
    const byRole = countByRole(seed.parsed);
    const expected = {
      items: seed.parsed.items.length,
      distinctItems: seed.parsed.items.length,
      ...Object.fromEntries(ROLES.map((role) => [ROLE_RELATIONSHIP[role], byRole[role]])),
    };
    expect(await counts()).toEqual(expected);
    expect(first.stdout).toContain(`written: ${seed.parsed.items.length} items`);
    for (const warning of seed.parsed.warnings) expect(first.stdout).toContain(`${warning.line}:${warning.column} ${warning.code}`);

    const again = await cli(['ingest', SEED_PATH], env);
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/unchanged/);
    expect(again.stdout).toContain('written: 0 items, 0 units, 0 responsibility edges');
    expect(await counts()).toEqual(expected);
  }, CLI_TIMEOUT_MS);

  test('stats counts by label and relationship type', async () => {
    const table = await cli(['stats'], env);
    expect(table.code).toBe(0);
    expect(table.stdout).toMatch(new RegExp(`^\\s+Item\\s+${seed.parsed.items.length}$`, 'm'));
    expect(table.stdout).toMatch(new RegExp(`^\\s+LEADS\\s+${countByRole(seed.parsed).lead}$`, 'm'));
    const json = JSON.parse((await cli(['stats', '--format', 'json'], env)).stdout);
    expect(json.nodes).toMatchObject({ Document: 1, Section: seed.parsed.sections.length, Item: seed.parsed.items.length });
  }, CLI_TIMEOUT_MS);

  test('remove deletes the document; removing it again names it and exits non-zero', async () => {
    const removed = await cli(['remove', seed.parsed.document.id], env);
    expect(removed).toMatchObject({ code: 0, stdout: `removed ${seed.parsed.document.id}\n` });
    expect((await counts()).items).toBe(0);
    const again = await cli(['remove', seed.parsed.document.id], env);
    expect(again.code).not.toBe(0);
    expect(again.stderr).toBe(`error: document '${seed.parsed.document.id}' does not exist\n`);
  }, CLI_TIMEOUT_MS);
});

describe('cli without a reachable Neo4j', () => {
  test('one line naming the URI and the cause, a non-zero exit, no stack trace', async () => {
    const run = await cli(['stats'], { NEO4J_URI: 'bolt://127.0.0.1:9' });
    expect(run.code).not.toBe(0);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(/^error: graph store at bolt:\/\/127\.0\.0\.1:9 is unavailable: .*ECONNREFUSED/);
    expect(run.stdout).toBe('');
  }, CLI_TIMEOUT_MS);

  test('stats without NEO4J_URI counts the seeds the embedded store serves', async () => {
    const { seed } = loadFixtures();
    const run = await cli(['stats', '--format', 'json'], { NEO4J_URI: '' });
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).nodes).toMatchObject({ Document: 1, Item: seed.parsed.items.length });
  }, CLI_TIMEOUT_MS);

  test('a file that cannot be read is reported in the run and fails it, the others still load', async () => {
    const run = await cli(['ingest', 'no-such-plan.txt', SEED_PATH], { NEO4J_URI: '' });
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/no-such-plan\.txt\s+failed\s+.*cannot read the document: ENOENT/);
    expect(run.stdout).toMatch(/created\s+34\s/);
    expect(run.stderr).toContain('NEO4J_URI is not set');
  }, CLI_TIMEOUT_MS);
});

describe('cli ingest of folders, patterns and lists on standard input (embedded store)', () => {
  const embedded = { NEO4J_URI: '' };
  /** A folder as a researcher keeps one: plans with their sidecars, some in subfolders, and other files. */
  let folder: string;
  beforeAll(() => {
    folder = mkdtempSync(join(tmpdir(), 'ingest-folder-'));
    mkdirSync(join(folder, '2024', 'data'), { recursive: true });
    copyFileSync(SEED_PATH, join(folder, 'guangdong-digital-economy-2023.txt'));
    copyFileSync(SEED_PATH.replace(/\.txt$/, '.meta.json'), join(folder, 'guangdong-digital-economy-2023.meta.json'));
    copyFileSync(SECOND_PATH, join(folder, '2024', 'data', 'guangdong-data-elements-2024.txt'));
    copyFileSync(SECOND_PATH.replace(/\.txt$/, '.meta.json'), join(folder, '2024', 'data', 'guangdong-data-elements-2024.meta.json'));
  });

  const created = (run: Run) => run.stdout.match(/\((\d+) created/)?.[1];

  test('a folder loads every *.txt below it, sidecars beside them, and reports parse MB/s in total and per core', async () => {
    const run = await cli(['ingest', folder], embedded);
    expect(run).toMatchObject({ code: 0 });
    expect(created(run)).toBe('2');
    expect(run.stdout).toMatch(/guangdong-data-elements-2024\.txt\s+created/);
    expect(run.stdout).toMatch(/^parse: [\d.]+ MB in [\d.]+ s on \d+ workers: [\d.]+ MB\/s in total, [\d.]+ MB\/s per core$/m);
  }, CLI_TIMEOUT_MS);

  test('a quoted ** pattern matches across folders', async () => {
    const run = await cli(['ingest', join(folder, '**', '*-2024.txt')], embedded);
    expect(run).toMatchObject({ code: 0 });
    expect(created(run)).toBe('1');
  }, CLI_TIMEOUT_MS);

  test('- reads the paths from standard input, one a line', async () => {
    const run = await cli(['ingest', '-'], embedded, `${SEED_PATH}\n\n${SECOND_PATH}\n`);
    expect(run).toMatchObject({ code: 0 });
    expect(created(run)).toBe('2');
  }, CLI_TIMEOUT_MS);

  test.each([
    ['an empty folder', () => [mkdtempSync(join(tmpdir(), 'ingest-empty-'))], /the folder holds no \*\.txt document/],
    ['a pattern matching nothing', () => [join(folder, '*.docx')], /no file matches this pattern/],
    ['an empty standard input', () => ['-'], /no document to ingest/],
  ])('nothing to ingest (%s) says so and exits non-zero', async (_case, args, message) => {
    const run = await cli(['ingest', ...args()], embedded, '');
    expect(run.code).not.toBe(0);
    expect(run.stderr).toMatch(message);
    expect(run.stdout).toBe('');
  }, CLI_TIMEOUT_MS);

  test('a parse past PARSE_TIMEOUT_MS fails its file with the limit named and the run exits non-zero', async () => {
    const run = await cli(['ingest', SEED_PATH, SECOND_PATH], { ...embedded, PARSE_TIMEOUT_MS: '1' });
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/failed\s+.*guangdong-\S+\.txt: parse exceeded the 0\.001 s limit/);
  }, CLI_TIMEOUT_MS);
});
