/**
 * The quick variant of the parser fuzzing campaign (`npm run fuzz` runs a million): generated work
 * plans, mutated and as raw bytes, parse to a valid in-range ParsedDocument or a typed ParseError,
 * and every input the campaign ever broke the parser with stays fixed.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import fc from 'fast-check';
import { parseDocument } from '../../graph/parse';
import { loadRegistry } from '../../graph/registry';
import { checkParse, fuzzInput, TEN_MB } from './fuzzDocuments';

const registry = loadRegistry();
const QUICK_CASES = Number(process.env.FUZZ_QUICK_CASES ?? 5_000);

jest.setTimeout(600_000);

describe('parser fuzzing (quick)', () => {
  test(`When ${QUICK_CASES} generated documents are parsed, then each gives a valid result or a ParseError`, () => {
    fc.assert(
      fc.property(fuzzInput({ hugeLines: false }), (input) => {
        checkParse(input, registry);
      }),
      { numRuns: QUICK_CASES },
    );
  });

  // Found by the campaign: a label numbered 0 gave a section or item numbered 0, which the schema
  // refused with a ZodError instead of the parse going on (fixed in graph/parse/paragraphs.ts).
  test.each([
    ['a section numbered 零', '广东省2023年工作要点\n\n零、\n①'],
    ['an item numbered 0.', '广东省2023年工作要点\n\n一、\n0.'],
    ['an item numbered （〇）', '标题\n一、任务\n（〇）建设。（省科技厅牵头）\n（一）建设。（省科技厅牵头）'],
    ['a sub-item numbered （0）', '标题\n（一）建设。\n（0）推进。（省科技厅牵头）'],
  ])('When a document has %s, then the label is read as text, not as number 0', (_what, text) => {
    const outcome = checkParse(text, registry);
    if (outcome.kind === 'parsed') {
      const parsed = parseDocument(text, { source: 'fuzz.txt', registry });
      for (const item of parsed.items) expect(item.no).toBeGreaterThan(0);
      for (const section of parsed.sections) expect(section.no).toBeGreaterThan(0);
    } else expect(outcome.code).toBe('no_items');
  });

  // Found by the campaign's long lines. An unclosed （ before a long run of text made the parse super-linear
  // (2,000 characters ≈ 8 s, 8,000 ≈ 60 s on the shared machine), so a 10 MB line never ends. The parse runs
  // in a child process so that a hang fails this test instead of blocking the suite; 60 s is a hang bound,
  // not a performance target (a linear parse of 64 KB takes milliseconds).
  test.each([
    ['an unclosed clause', `标题\n（一）建设。（${'推进'.repeat(32_768)}`],
    ['a run of opening parentheses', `标题\n（一）${'（'.repeat(65_536)}`],
    ['a 10 MB item line', `标题\n（一）${'推进'.repeat(TEN_MB / 6)}（省科技厅牵头）`],
    // Found by the million-case campaign of 2026-12-03 (both workers): two million units in one clause overflowed
    // the stack (RangeError from push(...) of every unit as one call's arguments, graph/parse/clause.ts).
    ['a 10 MB clause of two million units', `标题\n（一）建设。（${'省科技厅、'.repeat(Math.ceil(TEN_MB / 15))}牵头）`],
  ])('When a document holds %s on one line, then the parse ends', (_what, text) => {
    const script = "const {checkParse}=require('./tests/reliability/fuzzDocuments');const {loadRegistry}=require('./graph/registry');" +
      "let t='';process.stdin.on('data',c=>t+=c).on('end',()=>{checkParse(t,loadRegistry());process.stdout.write('done')})";
    const result = spawnSync(process.execPath, ['--import', 'tsx', '-e', script], { input: text, cwd: join(__dirname, '..', '..'), timeout: 60_000, encoding: 'utf8', maxBuffer: 1 << 20 });
    expect({ finished: result.signal === null, out: result.stdout, err: result.stderr.slice(0, 500) }).toEqual({ finished: true, out: 'done', err: '' });
  });
});
