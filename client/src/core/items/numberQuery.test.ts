import { itemSearchText, toChineseNumeral } from './numberQuery';

describe('toChineseNumeral', () => {
  it.each([
    [1, '一'],
    [10, '十'],
    [12, '十二'],
    [20, '二十'],
    [34, '三十四'],
    [99, '九十九'],
  ])('%i → %s', (n, numeral) => expect(toChineseNumeral(n)).toBe(numeral));

  it('refuses numbers outside 1–99', () => {
    expect(() => toChineseNumeral(0)).toThrow(RangeError);
    expect(() => toChineseNumeral(100)).toThrow(RangeError);
  });
});

describe('itemSearchText', () => {
  it('turns an item number, in digits or numerals, into its full-width label', () => {
    expect(itemSearchText('12')).toBe('（十二）');
    expect(itemSearchText(' 十二 ')).toBe('（十二）');
    expect(itemSearchText('(二十)')).toBe('（二十）');
    expect(itemSearchText('（三十四）')).toBe('（三十四）');
  });

  it('leaves words alone', () => {
    expect(itemSearchText('数据要素')).toBe('数据要素');
    expect(itemSearchText('十二五规划')).toBe('十二五规划');
    expect(itemSearchText('2023')).toBe('2023');
  });
});
