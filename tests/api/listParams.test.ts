/**
 * List parameters: the server splits them on commas and checks each part (graph/api/params.ts listParam), and
 * the OpenAPI document describes the same syntax as a `pattern` with a `maxLength`. Clients and the API fuzzer
 * (Schemathesis) generate from the pattern, so the two must take exactly the same texts.
 */
import fc from 'fast-check';
import { z } from 'zod';
import { FilterQuerySchema, LIST_LIMITS, WorkloadQuerySchema } from '../../graph/api';

const PARAMETERS = {
  role: FilterQuerySchema.shape.role,
  kind: FilterQuerySchema.shape.kind,
  document: FilterQuerySchema.shape.document,
  section: FilterQuerySchema.shape.section,
  weights: WorkloadQuerySchema.shape.weights,
};

/** The documented pattern and length of one text of the parameter. */
function documented(schema: z.ZodType): { pattern: RegExp; maxLength: number } {
  const json = z.toJSONSchema(schema, { io: 'input' }) as { pattern?: string; maxLength?: number; anyOf?: { pattern?: string; maxLength?: number }[] };
  const text = json.anyOf ? json.anyOf[0]! : json;
  return { pattern: new RegExp(text.pattern!), maxLength: text.maxLength! };
}

/** Texts made of the pieces a list is made of, and of the ones that break it. */
const pieces = fc.constantFrom('lead', 'co', 'support', 'ministry', 'city', 'gd-2023', 'a.b_c', ' ', ',', ':', '3', '0.5', '\t', 'X', '-1', '', '数据');
const texts = fc.array(pieces, { maxLength: 12 }).map((parts) => parts.join(''));

describe.each(Object.entries(PARAMETERS))('%s', (name, schema) => {
  const { pattern, maxLength } = documented(schema);

  test('the documented pattern takes exactly the texts the server takes', () => {
    fc.assert(
      fc.property(texts, (text) => {
        expect([text, schema.safeParse(text).success]).toEqual([text, pattern.test(text)]);
      }),
      { numRuns: 2_000 },
    );
  });

  test(`a text is at most ${LIST_LIMITS.chars} characters and ${LIST_LIMITS.parts} parts, and a bad part is named`, () => {
    expect(maxLength).toBe(LIST_LIMITS.chars);
    const part = name === 'weights' ? 'lead:1' : name === 'role' ? 'lead' : name === 'kind' ? 'city' : 'x';
    const most = Array.from({ length: LIST_LIMITS.parts }, () => part).join(',');
    expect(schema.safeParse(most).success).toBe(most.length <= LIST_LIMITS.chars);
    expect(schema.safeParse(`${most},${part}`).success).toBe(false);
    expect(schema.safeParse('y'.repeat(LIST_LIMITS.chars + 1)).success).toBe(false);
    if (name !== 'section') {
      const refused = schema.safeParse(`${part}, Not an id!`);
      expect(refused.success).toBe(false);
      expect(refused.error!.issues[0]!.message).toContain('"Not an id!"');
      expect(refused.error!.issues[0]!.path).toEqual([]);
    }
  });
});
