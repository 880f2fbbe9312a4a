/**
 * Runaway input parses in time linear in its length and answers small. Timings compare CPU time
 * of a pathological document with ordinary text of the same size, best of three, under bounds
 * far above what the linear parser needs (a few times ordinary) and far below what the quadratic
 * scans took (a line of 8,000 `)` took a minute; at this size they took hours).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { WARNINGS_PER_CODE, type ParsedDocument } from '../../graph/model';
import { parseDocument } from '../../graph/parse';
import { loadRegistry } from '../../graph/registry';

jest.setTimeout(120_000);

const registry = loadRegistry();
const SIZE_BYTES = 256 * 1024;
const HEAD = '一、总体要求\n（一）推进数据工作。（省科技厅牵头）\n（二）';
/** HEAD, then `unit` repeated to SIZE_BYTES. */
const runaway = (unit: string) => HEAD + unit.repeat(Math.floor(SIZE_BYTES / Buffer.byteLength(unit)));
const seed = readFileSync(join(__dirname, '..', '..', 'seeds', 'documents', 'guangdong-digital-economy-2023.txt'), 'utf8');
const ordinary = seed.repeat(Math.ceil(SIZE_BYTES / Buffer.byteLength(seed)));

const parse = (text: string) => parseDocument(text, { source: 'runaway.txt', registry });

/** Best of three, in CPU ms: the least disturbed by other work on the machine. */
function cpuMs(text: string): number {
  let best = Infinity;
  for (let run = 0; run < 3; run++) {
    const before = process.cpuUsage();
    parse(text);
    const { user, system } = process.cpuUsage(before);
    best = Math.min(best, (user + system) / 1000);
  }
  return best;
}

describe('runaway input parses in about the time of ordinary text', () => {
  let ordinaryMs: number;
  beforeAll(() => {
    parse(ordinary); // the JIT settles
    ordinaryMs = Math.max(cpuMs(ordinary), 5);
  });

  // [what, text, bound as a multiple of ordinary text's time]
  test.each([
    ['a line of ( after one item', runaway('('), 25],
    ['a line of ) after one item', runaway(')'), 25],
    ['( nested a hundred thousand deep, then closed', HEAD + '('.repeat(SIZE_BYTES / 2) + ')'.repeat(SIZE_BYTES / 2), 25],
    ['text ending in a ) whose ( is lost', runaway('数') + '）', 25],
    ['units ending in a ) whose ( is lost', runaway('省科技厅') + '）', 25],
    ['the same item number on every line', runaway('（三）\n'), 60],
    ['a ) on every line of one item', runaway('数)\n'), 100],
  ])('%s', (_what, text, bound) => {
    expect(cpuMs(text) / ordinaryMs).toBeLessThan(bound);
  });
});

describe('runaway input after other input', () => {
  // A scan by indexOf over the paragraph went quadratic on a line of ) once V8 held the text differently after
  // earlier documents (25 s for 64 KiB after a run of unit names, 40 ms alone); the loop over characters does not.
  test('a line of ) after lines of (, ), text and unit names', () => {
    const ordinaryMs = Math.max(cpuMs(ordinary), 5);
    const line = (unit: string, kib: number) => HEAD + unit.repeat(Math.floor((kib * 1024) / Buffer.byteLength(unit)));
    for (const kib of [16, 32]) for (const unit of ['(', ')', '数', '省科技厅']) parse(line(unit, kib));
    parse(line('(', 64));
    expect(cpuMs(line(')', 64)) / ordinaryMs).toBeLessThan(25);
  });
});

describe('warnings are capped per code', () => {
  const megabyte = runaway('('.repeat(4)).padEnd(1024 * 1024, '(');
  let parsed: ParsedDocument;
  beforeAll(() => {
    parsed = parse(megabyte);
  });

  test(`at most ${WARNINGS_PER_CODE} of a code, the first in the source, and the rest counted`, () => {
    const unbalanced = parsed.warnings.filter((w) => w.code === 'unbalanced-parenthesis');
    expect(unbalanced).toHaveLength(WARNINGS_PER_CODE);
    const opens = megabyte.length - megabyte.indexOf('（二）') - 3;
    expect(parsed.warningsOmitted).toEqual({ 'unbalanced-parenthesis': opens - WARNINGS_PER_CODE });
    const firstColumn = megabyte.split('\n')[2]!.indexOf('(') + 1;
    expect(unbalanced.map((w) => w.column)).toEqual(Array.from({ length: WARNINGS_PER_CODE }, (_, i) => firstColumn + i));
  });

  test('a 1 MiB line of ( answers a few MiB, not 177 MB', () => {
    expect(Buffer.byteLength(JSON.stringify(parsed))).toBeLessThan(16 * megabyte.length);
  });

  test('a document with few warnings lists them all and has no warningsOmitted', () => {
    const seedParsed = parse(seed);
    expect(seedParsed.warnings.length).toBeGreaterThan(0);
    expect(seedParsed).not.toHaveProperty('warningsOmitted');
  });
});
