import { z } from 'zod';
import { describeZodIssues, formatZodIssues, invalidInputFromZod } from '../../graph/errors';

const Registry = z.strictObject({ units: z.array(z.object({ kind: z.enum(['department', 'city']) })) });
const failure = (value: unknown) => Registry.safeParse(value).error!;

describe('the one zod-issue formatter', () => {
  it('writes array indexes in brackets and keys with dots', () => {
    expect(describeZodIssues(failure({ units: [{ kind: 'city' }, { kind: 'bureau' }] }))).toEqual([
      { field: 'units[1].kind', message: expect.stringContaining('department') },
    ]);
  });

  it('names each unknown key as its own field, and the top level as (root)', () => {
    expect(describeZodIssues(failure({ units: [], extra: 1, other: 2 })).map((issue) => issue.field)).toEqual(['extra', 'other']);
    expect(describeZodIssues(failure('not an object'))[0]!.field).toBe('(root)');
  });

  it('joins every issue in one line, under a prefix', () => {
    const error = failure({ units: [{ kind: 'x' }, {}] });
    expect(formatZodIssues(error, ['registry']).split('; ').map((part) => part.split(':')[0])).toEqual([
      'registry.units[0].kind',
      'registry.units[1].kind',
    ]);
  });

  it('turns the first issue into bad input that names the file and field', () => {
    const error = invalidInputFromZod(failure({ units: [{ kind: 'x' }] }), { file: 'seeds/units.json' });
    expect(error.code).toBe('invalid_input');
    expect(error.message).toMatch(/^seeds\/units\.json: units\[0\]\.kind: /);
  });
});
