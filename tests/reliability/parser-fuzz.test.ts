/**
 * The quick variant of the parser fuzzing campaign (`npm run fuzz` runs a million): generated work
 * plans, mutated and as raw bytes, parse to a valid in-range ParsedDocument or a typed ParseError,
 * and every input the campaign ever broke the parser with stays fixed.
 */
import fc from 'fast-check';
import { ParseError } from '../../graph/errors';
import { parseDocument } from '../../graph/parse';
import { loadRegistry } from '../../graph/registry';
import { checkParse, fuzzInput } from './fuzzDocuments';

const registry = loadRegistry();
const QUICK_CASES = Number(process.env.FUZZ_QUICK_CASES ?? 20_000);

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
    } else expect(outcome.code).toBe('no-items');
  });

  test('When one line is 10 MB long, then the parse ends with a result or a ParseError', () => {
    const line = '推进'.repeat(10 * 1024 * 1024 / 6);
    for (const text of [`标题\n（一）${line}（省科技厅牵头）`, `标题\n（一）建设。（${line}`, `标题\n${'（'.repeat(1_000_000)}`]) {
      try {
        checkParse(text, registry);
      } catch (error) {
        expect(error).toBeInstanceOf(ParseError);
      }
    }
  });
});
