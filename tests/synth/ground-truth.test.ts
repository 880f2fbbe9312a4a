/**
 * The parser against the synthetic corpus's ground truth: every clause-carrying item of every
 * generated document must parse to exactly the assignments the generator wrote (role, name after
 * distribution, registry unit id, generic, inferred), in clause order.
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { parseDocument } from '../../graph/parse';
import { loadRegistry } from '../../graph/registry';
import { corpusPaths, createCorpus, writeCorpus, type DocumentTruth } from '../../bench/synth';

// Chosen so the small corpus holds every variant the generator knows (asserted below).
const OPTIONS = { seed: 11, units: 400, items: 4000 };

const dir = mkdtempSync(join(tmpdir(), 'synth-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
writeCorpus(dir, OPTIONS);
const paths = corpusPaths(dir);
const registry = loadRegistry(paths.registry);
const truths: DocumentTruth[] = readdirSync(paths.truth)
  .sort()
  .map((file) => JSON.parse(readFileSync(join(paths.truth, file), 'utf8')) as DocumentTruth);

describe('the synthetic corpus', () => {
  it('is the same corpus for the same seed', () => {
    const digest = () => {
      const hash = createHash('sha256');
      for (const document of createCorpus({ ...OPTIONS, items: 500 }).documents()) hash.update(document.text);
      return hash.digest('hex');
    };
    expect(digest()).toBe(digest());
  });

  it('covers every clause variant, convention, encoding and artifact the generator knows', () => {
    const assignments = truths.flatMap((t) => t.items.flatMap((i) => i.assignments));
    expect(new Set(assignments.map((a) => a.role))).toEqual(new Set(['lead', 'co', 'support', 'implement', 'guide']));
    expect(assignments.some((a) => a.generic)).toBe(true);
    expect(assignments.some((a) => a.inferred)).toBe(true);
    expect(truths.some((t) => t.items.some((i) => i.assignments.every((a) => a.generic)))).toBe(true);
    expect(truths.some((t) => t.items.some((i) => !i.assignments.some((a) => a.role === 'lead')))).toBe(true);
    expect(new Set(truths.map((t) => t.convention))).toEqual(new Set([null, 'preamble', 'first-clause']));
    expect(new Set(truths.map((t) => t.style.encoding))).toEqual(new Set(['utf8', 'utf8-bom', 'gb18030']));
    expect(new Set(truths.map((t) => t.style.punctuation))).toEqual(new Set(['full', 'half']));
    expect(truths.some((t) => t.style.pdfArtifacts)).toBe(true);
    expect(truths.some((t) => t.items.some((i) => i.id.includes('.')))).toBe(true);
    const items = truths.flatMap((t) => t.items);
    expect(items.some((i) => (i.places ?? []).length > 0)).toBe(true);
    expect(new Set(items.flatMap((i) => (i.deadlines ?? []).map((d) => d.precision)))).toEqual(new Set(['day', 'month', 'quarter', 'half', 'year', 'ongoing']));
    expect(new Set(items.flatMap((i) => (i.targets ?? []).map((t) => t.comparator)))).toEqual(new Set(['=', '>=', '<=', '≈']));
  });

  it('covers local governments of every level and level prefix, with and without a sidecar jurisdiction', () => {
    const local = truths.filter((t) => t.documentId.startsWith('synth-local-'));
    expect(new Set(truths.map((t) => t.level))).toEqual(new Set(['province', 'prefecture', 'county']));
    const prefixes = new Set(local.flatMap((t) => t.items.flatMap((i) => i.assignments.map((a) => a.nameAsWritten[0]))));
    expect(prefixes).toEqual(new Set(['市', '区', '县', '州', '盟', '旗']));
    const sidecars = local.map((t) => JSON.parse(readFileSync(join(paths.documents, `${t.documentId}.meta.json`), 'utf8')) as { jurisdiction?: string });
    expect(new Set(sidecars.map((s) => s.jurisdiction === undefined))).toEqual(new Set([true, false]));
    expect(local.some((t) => t.firstListedLeads)).toBe(true);
  });

  it('names only units its registry knows, and local bureaus by their scoped id', () => {
    const assignments = truths.flatMap((t) => t.items.flatMap((i) => i.assignments.map((a) => ({ ...a, jurisdiction: t.jurisdiction }))));
    const unknown = assignments.filter((a) => registry.get(a.unitId) === undefined && !a.unitId.startsWith(`cn.${a.jurisdiction}.`));
    expect(unknown).toEqual([]);
  });
});

describe('the parser on the synthetic corpus', () => {
  it.each(truths.map((truth) => [truth.documentId, truth] as const))('%s parses to its ground truth', (id, truth) => {
    const file = join(paths.documents, `${id}.txt`);
    const sidecar = JSON.parse(readFileSync(join(paths.documents, `${id}.meta.json`), 'utf8'));
    const parsed = parseDocument(readFileSync(file), { source: file, registry, sidecar });
    const actual = parsed.items
      .filter((item) => item.assignments.length > 0)
      .map((item) => ({
        id: item.id,
        assignments: [...item.assignments]
          .sort((a, b) => a.start - b.start)
          .map(({ role, nameAsWritten, unitId, generic, inferred }) => ({ role, nameAsWritten, unitId, generic, inferred })),
      }));
    expect(actual).toEqual(truth.items.map(({ id: itemId, assignments }) => ({ id: itemId, assignments })));
  });

  it.each(truths.map((truth) => [truth.documentId, truth] as const))('%s gives its places, deadlines and targets', (id, truth) => {
    const file = join(paths.documents, `${id}.txt`);
    const sidecar = JSON.parse(readFileSync(join(paths.documents, `${id}.meta.json`), 'utf8'));
    const parsed = parseDocument(readFileSync(file), { source: file, registry, sidecar });
    const byId = new Map(parsed.items.map((item) => [item.id, item]));
    const actual = truth.items.map(({ id: itemId }) => {
      const item = byId.get(itemId);
      return {
        id: itemId,
        places: (item?.places ?? []).map(({ mention, code }) => ({ mention, code })),
        deadlines: (item?.deadlines ?? []).map(({ text, date, precision }) => ({ text, date, precision })),
        targets: (item?.targets ?? []).map(({ text, value, unit, comparator }) => ({ text, value, unit, comparator })),
      };
    });
    expect(actual).toEqual(
      truth.items.map(({ id: itemId, places = [], deadlines = [], targets = [] }) => ({ id: itemId, places, deadlines, targets })),
    );
  });
});
