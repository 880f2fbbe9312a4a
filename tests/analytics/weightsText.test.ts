import { decodeWeights, encodeWeights } from '../../graph/analytics';
import { ROLES } from '../../graph/model';

describe('the role-weights text (API parameter, explorer URL, CLI flag)', () => {
  it('reads role:weight pairs, spaces around parts allowed', () => {
    expect(decodeWeights('lead:3, co : 0.5,,', ROLES)).toEqual({ weights: { lead: 3, co: 0.5 }, invalid: [] });
  });

  it('sets apart what is not a known role with a plain decimal ≥ 0', () => {
    expect(decodeWeights('lead=3,boss:1,co:-1,guide:1e3,support:,implement:0x10,lead:1:2', ROLES)).toEqual({
      weights: {},
      invalid: ['lead=3', 'boss:1', 'co:-1', 'guide:1e3', 'support:', 'implement:0x10', 'lead:1:2'],
    });
  });

  it('writes in role order, and reads back what it wrote', () => {
    expect(encodeWeights({ guide: 0, lead: 4.5 }, ROLES)).toBe('lead:4.5,guide:0');
    expect(decodeWeights(encodeWeights({ implement: 2, co: 1 }, ROLES), ROLES).weights).toEqual({ co: 1, implement: 2 });
  });
});
