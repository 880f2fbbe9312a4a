import { NameMemo } from '../../graph/memo';

describe('NameMemo', () => {
  const counting = (limit?: number, longestKept?: number) => {
    const calls: string[] = [];
    const memo = new NameMemo((name: string, context: string | undefined) => {
      calls.push(`${context}:${name}`);
      return name.length > 3 ? undefined : `${context}/${name}`;
    }, limit, longestKept);
    return { memo, calls };
  };

  test('computes each name once per context, undefined answers included', () => {
    const { memo, calls } = counting();
    expect(memo.get('财政厅', '440000')).toBe('440000/财政厅');
    expect(memo.get('财政厅', '440000')).toBe('440000/财政厅');
    expect(memo.get('财政厅', '510000')).toBe('510000/财政厅');
    expect(memo.get('省财政厅', '440000')).toBeUndefined();
    expect(memo.get('省财政厅', '440000')).toBeUndefined();
    expect(memo.get('财政厅')).toBe('undefined/财政厅');
    expect(calls).toEqual(['440000:财政厅', '510000:财政厅', '440000:省财政厅', 'undefined:财政厅']);
  });

  test('stays bounded: past its limit it forgets everything, and never keeps a name longer than a real one', () => {
    const { memo, calls } = counting(2, 2);
    memo.get('甲', 'a');
    memo.get('乙', 'b');
    memo.get('丙', 'a'); // the third answer: the first two are dropped
    memo.get('甲', 'a');
    memo.get('丙', 'a');
    memo.get('长名字', 'a');
    memo.get('长名字', 'a');
    expect(calls).toEqual(['a:甲', 'b:乙', 'a:丙', 'a:甲', 'a:长名字', 'a:长名字']);
  });
});
