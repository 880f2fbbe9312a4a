import { CodeUnitSet } from '../../graph/codeUnitSet';

describe('CodeUnitSet', () => {
  test('holds exactly the code units it was given, across the whole range', () => {
    const set = new CodeUnitSet(['年', '0', '\uffff', '《']);
    for (const char of ['年', '0', '\uffff', '《']) expect(set.has(char.charCodeAt(0))).toBe(true);
    for (const char of ['月', '1', '\ufffe', '》', '\u0000']) expect(set.has(char.charCodeAt(0))).toBe(false);
    // charCodeAt past the end of a text: NaN reads as code unit 0, which this set does not hold.
    expect(set.has(NaN)).toBe(false);
  });

  test('a union holds what any of its sets holds', () => {
    const union = CodeUnitSet.union([new CodeUnitSet('上下'), new CodeUnitSet('到至')]);
    expect([...'上下到至年'].map((char) => union.has(char.charCodeAt(0)))).toEqual([true, true, true, true, false]);
  });
});
