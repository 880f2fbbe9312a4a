/**
 * The long lists the analytics worker sends packed (graph/analytics/packedRows.ts): any page of them, of any tag
 * filter, is the page of the list itself, rows (Chinese text, quotes, escapes, emoji) coming back as they went in.
 */
import fc from 'fast-check';
import { concatPacked, packedPage, packRows } from '../../graph/analytics';

const row = fc.record({ id: fc.string(), text: fc.string({ unit: 'binary' }), n: fc.integer(), nested: fc.array(fc.constantFrom('牵头', '"quoted"', '\\', '😀', '')) });

describe('packed rows', () => {
  test('a page of the packed list, filtered by tag or not, is that page of the list', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(row, fc.integer({ min: 0, max: 255 })), { maxLength: 60 }),
        fc.integer({ min: 0, max: 70 }),
        fc.integer({ min: 0, max: 70 }),
        fc.option(fc.integer({ min: 1, max: 255 }), { nil: undefined }),
        (tagged, offset, limit, mask) => {
          const rows = tagged.map(([value]) => value);
          const tagOf = new Map(tagged.map(([value, tag]) => [value, tag]));
          const packed = packRows(rows, (value) => tagOf.get(value) as number);
          const selected = tagged.filter(([, tag]) => mask === undefined || (tag & mask) !== 0).map(([value]) => value);
          expect(packedPage(packed, { limit, offset }, mask)).toEqual({ total: selected.length, offset, limit, rows: selected.slice(offset, offset + limit) });
        },
      ),
    );
  });

  test('lists packed apart and joined are the list packed whole', () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.tuple(row, fc.integer({ min: 0, max: 255 })), { maxLength: 20 }), { maxLength: 6 }), (lists) => {
        const pack = (tagged: Array<[unknown, number]>) => {
          const tags = tagged.map(([, tag]) => tag);
          let next = 0;
          return packRows(tagged.map(([value]) => value), () => tags[next++] as number);
        };
        expect(concatPacked(lists.map(pack))).toEqual(pack(lists.flat()));
      }),
    );
  });

  test('a list without tags is paged whole', () => {
    const packed = packRows(['甲', '乙', '丙'].map((name, at) => ({ name, at })));
    expect(packed.tags).toEqual(new Uint8Array(3));
    expect(packedPage(packed, { limit: 2, offset: 1 })).toEqual({ total: 3, offset: 1, limit: 2, rows: [{ name: '乙', at: 1 }, { name: '丙', at: 2 }] });
  });
});
