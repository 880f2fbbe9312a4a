import { formatWeights, parseWeights } from './weights';

describe('workload weights in the URL', () => {
  it('parses role:weight pairs and skips malformed ones', () => {
    expect(parseWeights('lead:3,co:1.5')).toEqual({ lead: 3, co: 1.5 });
    expect(parseWeights('lead:x,boss:2,co:-1,support:')).toEqual({});
    expect(parseWeights('')).toEqual({});
  });

  it('formats in role order, so the same weights give the same link', () => {
    expect(formatWeights({ co: 1, lead: 4 })).toBe('lead:4,co:1');
    expect(parseWeights(formatWeights({ implement: 0, support: 2 }))).toEqual({ support: 2, implement: 0 });
  });
});
