/**
 * Every regular expression in server/, graph/api/ and graph/parse/ (the code that reads requests and uploaded documents)
 * must be safe from catastrophic backtracking: no nested or adjacent unbounded quantifiers over overlapping
 * classes, nothing whose matching time grows faster than the text.
 *
 * The detector is recheck (makenowjust-labs/recheck, maintained, MIT). It decides each pattern with an automaton
 * analysis (ambiguity of the NFA: exponential or polynomial degree) and falls back to guided fuzzing with real
 * timing for patterns the automaton cannot model (back-references, look-arounds), and reports the attack
 * string. safe-regex2 only counts star height, which misses the adjacent ` *(?:x)? *` that caused finding 2 of
 * issue 12 (docs/reliability.md) and flags harmless nesting; recheck names the real cause. Its native agent
 * (recheck-linux-x64) is used when present, its Scala.js build otherwise.
 *
 * How the patterns are collected, so that none is missed:
 * - literals: the TypeScript parser walks every source file and takes each regular-expression literal;
 * - built patterns (`new RegExp(…)`, `RegExp(…)`): the global RegExp is wrapped while every module is loaded
 *   afresh, recording each pattern built with the file and line that built it. Every construction site the
 *   parser finds must have been seen then: a pattern built later (per request, from input) cannot be checked
 *   ahead, and fails this test until it is built at load time.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { check } from 'recheck';
import ts from 'typescript';

jest.setTimeout(120_000);

const ROOT = join(__dirname, '..', '..');
const SCANNED = ['server', join('graph', 'api'), join('graph', 'parse')];

function sourceFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.ts$/.test(entry.name) && !/\.d\.ts$/.test(entry.name) ? [path] : [];
  });
}

interface Pattern {
  source: string;
  flags: string;
  /** file:line */
  where: string;
}

/** Regular-expression literals, and the lines of `new RegExp(…)` / `RegExp(…)` calls, of one file. */
function scan(file: string): { literals: Pattern[]; constructions: string[] } {
  const text = readFileSync(join(ROOT, file), 'utf8');
  const tree = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const literals: Pattern[] = [];
  const constructions: string[] = [];
  const where = (node: ts.Node) => `${file}:${tree.getLineAndCharacterOfPosition(node.getStart(tree)).line + 1}`;
  const visit = (node: ts.Node) => {
    if (ts.isRegularExpressionLiteral(node)) {
      const literal = node.text;
      const end = literal.lastIndexOf('/');
      literals.push({ source: literal.slice(1, end), flags: literal.slice(end + 1), where: where(node) });
    } else if ((ts.isNewExpression(node) || ts.isCallExpression(node)) && ts.isIdentifier(node.expression) && node.expression.text === 'RegExp') {
      constructions.push(where(node));
    }
    ts.forEachChild(node, visit);
  };
  visit(tree);
  return { literals, constructions };
}

/** Loads every module afresh with RegExp wrapped; returns each pattern built, with the scanned line that built it. */
function patternsBuiltAtLoad(files: string[]): Pattern[] {
  const built: Pattern[] = [];
  const original = globalThis.RegExp;
  const record = (args: unknown[]) => {
    const frame = (new Error().stack ?? '')
      .split('\n')
      .slice(2)
      .map((line) => /\(?([^\s()]+\.ts):(\d+):\d+\)?$/.exec(line))
      .find((match) => match && SCANNED.some((dir) => relative(ROOT, match[1]!).startsWith(dir)));
    if (!frame) return;
    const pattern = new original(args[0] as string | RegExp, args[1] as string | undefined);
    built.push({ source: pattern.source, flags: pattern.flags, where: `${relative(ROOT, frame[1]!)}:${frame[2]}` });
  };
  globalThis.RegExp = new Proxy(original, {
    construct(target, args, newTarget) {
      record(args);
      return Reflect.construct(target, args, newTarget) as object;
    },
    apply(target, thisArg, args) {
      record(args);
      return Reflect.apply(target, thisArg, args) as unknown;
    },
  });
  try {
    jest.isolateModules(() => {
      for (const file of files) {
        try {
          jest.requireActual(join(ROOT, file));
        } catch {
          // A module that loads only where it runs (the parse worker's entry needs its workerData): its literals
          // are scanned all the same, and a `new RegExp` in it would fail the construction-site test below.
        }
      }
    });
  } finally {
    globalThis.RegExp = original;
  }
  return built;
}

const files = SCANNED.flatMap(sourceFiles);
const scanned = files.map(scan);
const literals = scanned.flatMap((result) => result.literals);
const constructionSites = scanned.flatMap((result) => result.constructions);
const built = patternsBuiltAtLoad(files);

test('the scan finds the patterns of the request and parse paths', () => {
  expect(files).toEqual(expect.arrayContaining(['graph/api/params.ts', 'graph/parse/clause.ts']));
  expect(literals.length).toBeGreaterThan(50);
  // The documented list syntax, built from the role vocabulary (graph/api/params.ts commaSeparated).
  expect(built.map((pattern) => pattern.source)).toEqual(expect.arrayContaining([expect.stringContaining('lead|co')]));
});

test('every `new RegExp` in server/, graph/api/ and graph/parse/ builds its pattern when the module loads, so it is checked here', () => {
  const seen = new Set(built.map((pattern) => pattern.where));
  expect(constructionSites.filter((site) => !seen.has(site))).toEqual([]);
});

test('no pattern in server/, graph/api/ or graph/parse/ backtracks super-linearly (recheck)', async () => {
  const unique = new Map<string, Pattern>();
  for (const pattern of [...literals, ...built]) unique.set(`/${pattern.source}/${pattern.flags}`, pattern);
  const findings: string[] = [];
  for (const [text, pattern] of unique) {
    const diagnostics = await check(pattern.source, pattern.flags, { timeout: 10_000 });
    if (diagnostics.status === 'safe') continue;
    const detail =
      diagnostics.status === 'vulnerable'
        ? `${diagnostics.complexity.type}${diagnostics.complexity.type === 'polynomial' ? ` (degree ${diagnostics.complexity.degree})` : ''}, attack ${JSON.stringify(diagnostics.attack.pattern)}`
        : `undecided: ${diagnostics.error.kind}`;
    findings.push(`${pattern.where} ${text}: ${detail}`);
  }
  expect(findings).toEqual([]);
});
