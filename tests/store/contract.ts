/**
 * The GraphStore contract: one suite, run unchanged against every store (memory.test.ts,
 * neo4j.test.ts). Expectations come from the parser's output and the source text, never from
 * a store, so a store that drops, duplicates or misplaces a responsibility fails here.
 */
import { createHash } from 'node:crypto';
import { InvalidInputError } from '../../graph/errors';
import { ROLES, type ParsedDocument, type Unit } from '../../graph/model';
import { ROLE_RELATIONSHIP, UNIT_KIND_LABEL } from '../../graph/store/neo4j/vocabulary';
import type { GraphStore, SavedView } from '../../graph/store';
import { isWithin } from '../../graph/jurisdiction';
import { assignmentsOf, countByRole, jurisdictionFigures, loadCommitmentPlans, loadFixtures, newVersion, unitIdsOf, type Fixture } from './fixtures';

/** Cypher fragments a caller might try through search text, ids and filters. */
/** A unit page holding every item of any fixture's unit. */
const EVERY_ITEM = { limit: 100_000, offset: 0 };

export const HOSTILE_INPUTS = ["' OR 1=1", "' OR 1=1 //", '}) MATCH (n) DETACH DELETE n //', '"}) RETURN 1 //', '$documentId'];

/** The same calls against any store; used to demand identical answers from both stores. */
export async function probeAnswers(store: GraphStore, fixtures = loadFixtures()) {
  const dataBureau = fixtures.registry.resolve('省政务服务数据管理局', '440000')?.id ?? '';
  const item12 = fixtures.seed.parsed.items.find((item) => item.label === '（十二）')?.id ?? '';
  const firstSection = fixtures.seed.parsed.sections[0]?.id ?? '';
  return {
    documents: await store.listDocuments(),
    seedDocument: await store.getDocument(fixtures.seed.parsed.document.id),
    secondDocument: await store.getDocument(fixtures.second.parsed.document.id),
    items: await Promise.all(
      [fixtures.seed, fixtures.second, fixtures.handmade].flatMap(({ parsed }) => parsed.items.map((item) => store.getItem(item.id))),
    ),
    units: await Promise.all([...unitIdsOf(fixtures.seed.parsed, fixtures.second.parsed)].map((id) => store.getUnit(id, EVERY_ITEM))),
    item12: await store.getItem(item12),
    search: await store.searchItems({ q: '数据要素' }),
    searchPage: await store.searchItems({ q: '数据', page: 2, pageSize: 3 }),
    searchLead: await store.searchItems({ role: 'lead', unit: dataBureau, pageSize: 500 }),
    searchSection: await store.searchItems({ section: [firstSection] }),
    searchUnits: await store.searchUnits({ q: '数据' }),
    cities: await store.searchUnits({ kind: 'city' }),
    snapshot: await store.snapshot(),
    leadSnapshot: await store.snapshot({ role: ['lead'] }),
    citySnapshot: await store.snapshot({ kind: ['city'], document: [fixtures.seed.parsed.document.id] }),
    sectionSnapshot: await store.snapshot({ section: [firstSection] }),
    stats: await store.stats(),
    version: await store.dataVersion(),
    guangdongSnapshot: await store.snapshot({ jurisdiction: '440000', yearFrom: 2022 }),
    ownPlans: await store.listDocuments({ jurisdiction: '440000', includeWithin: false }),
    unitsOfGuangdong: await store.searchUnits({ unitJurisdiction: '440000', kind: 'department' }),
    financeUnits: await store.searchUnits({ function: 'finance' }),
    scopedItems: await store.searchItems({ jurisdiction: '100000', includeWithin: false, q: '政务' }),
  };
}

export function runStoreContract(open: () => Promise<GraphStore>): void {
  const fixtures = loadFixtures();
  const { seed, second, handmade, registry, plans } = fixtures;
  const documents: Array<[string, Fixture]> = [
    ['the seed', seed],
    ['the second document', second],
    ['the hand-made document without sections', handmade],
  ];
  const dataBureau = registry.resolve('省政务服务数据管理局', '440000');
  const item12 = seed.parsed.items.find((item) => item.label === '（十二）');
  const item13 = seed.parsed.items.find((item) => item.label === '（十三）');
  let store: GraphStore;

  beforeEach(async () => {
    store = await open();
  });
  afterEach(async () => {
    await store.close();
  });

  const load = (fixture: Fixture) => store.loadDocument(fixture.parsed, fixture.units);
  const entry = (fixture: Fixture) => ({ document: fixture.parsed, units: fixture.units });

  test('the fixtures hold what the contract relies on', () => {
    expect(dataBureau).toBeDefined();
    expect(item12?.assignments.some((a) => a.role === 'lead' && a.unitId === dataBureau?.id)).toBe(true);
    expect(unitIdsOf(seed.parsed).has(dataBureau?.id ?? '')).toBe(true);
    expect(unitIdsOf(second.parsed).has(dataBureau?.id ?? '')).toBe(true);
    expect(second.parsed.items.some((item) => item.parent)).toBe(true);
  });

  describe('loading', () => {
    test('init can run again without harm', async () => {
      await store.init();
      await expect(store.ping()).resolves.toBeUndefined();
    });

    test.each(documents)('%s: one :Item per item, one edge per assignment, of the parser’s role', async (_name, fixture) => {
      const { parsed } = fixture;
      const result = await load(fixture);
      const units = fixture.units.filter((unit) => unitIdsOf(parsed).has(unit.id));
      expect(result).toEqual({
        documentId: parsed.document.id,
        outcome: 'created',
        items: parsed.items.length,
        units: unitIdsOf(parsed).size,
        responsibilities: assignmentsOf(parsed).length,
      });
      const stats = await store.stats();
      const byRole = countByRole(parsed);
      const inSections = parsed.items.filter((item) => item.section !== null).length;
      const jurisdictions = jurisdictionFigures(fixture);
      expect(stats.relationships).toEqual({
        IN_SECTION: inSections,
        PART_OF: parsed.sections.length + parsed.items.length - inSections,
        ...Object.fromEntries(ROLES.map((role) => [ROLE_RELATIONSHIP[role], byRole[role]])),
        OF: jurisdictions.OF,
        WITHIN: jurisdictions.WITHIN,
        CONCERNS: jurisdictions.CONCERNS,
        INCLUDES: jurisdictions.INCLUDES,
      });
      expect(stats.nodes).toEqual({
        Document: 1,
        Section: parsed.sections.length,
        Item: parsed.items.length,
        Unit: units.length,
        ...Object.fromEntries(
          Object.entries(UNIT_KIND_LABEL).map(([kind, label]) => [label, units.filter((unit) => unit.kind === kind).length]),
        ),
        Jurisdiction: jurisdictions.nodes,
        Place: jurisdictions.places,
        Region: jurisdictions.regions,
      });
    });

    test('loading the same bytes again changes nothing', async () => {
      await load(seed);
      const state = async () => ({
        stats: await store.stats(),
        snapshot: await store.snapshot(),
        documents: await store.listDocuments(),
        version: await store.dataVersion(),
      });
      const before = await state();
      expect((await load(seed)).outcome).toBe('unchanged');
      expect(await state()).toEqual(before);
    });

    test('the data version digests every loaded document and its bytes, and follows loads and removals', async () => {
      // Computed here from its definition, not by the store: XOR of sha256("id@sha256") over the loaded documents.
      const digest = (...fixtures: Fixture[]) => {
        const xor = Buffer.alloc(32);
        for (const { parsed } of fixtures) {
          const hash = createHash('sha256').update(`${parsed.document.id}@${parsed.document.sha256}`).digest();
          hash.forEach((byte, index) => (xor[index]! ^= byte));
        }
        return xor.toString('hex');
      };
      expect(await store.dataVersion()).toBe('');
      await load(second);
      expect(await store.dataVersion()).toBe(digest(second));
      await load(seed);
      expect(await store.dataVersion()).toBe(digest(seed, second));
      await load(seed);
      expect(await store.dataVersion()).toBe(digest(seed, second));
      const next = newVersion(second.parsed, (copy) => {
        copy.items = copy.items.slice(0, 3);
      });
      await store.loadDocument(next, second.units);
      expect(await store.dataVersion()).toBe(digest(seed, { ...second, parsed: next }));
      await store.removeDocument(next.document.id);
      expect(await store.dataVersion()).toBe(digest(seed));
      await store.removeDocument(seed.parsed.document.id);
      expect(await store.dataVersion()).toBe('');
    });

    test('a refused load leaves the data version as it was', async () => {
      await load(seed);
      const before = await store.dataVersion();
      const broken = newVersion(second.parsed, (copy) => {
        copy.items.at(-1)!.id = seed.parsed.items[0]?.id ?? '';
      });
      await expect(store.loadDocuments([entry(handmade), { document: broken, units: second.units }])).rejects.toThrow(InvalidInputError);
      expect(await store.dataVersion()).toBe(before);
    });

    test('units are shared across documents through their registry ids', async () => {
      await load(seed);
      await load(second);
      const stats = await store.stats();
      expect(stats.nodes.Unit).toBe(unitIdsOf(seed.parsed, second.parsed).size);
      expect(stats.nodes.Document).toBe(2);
      const detail = await store.getUnit(dataBureau?.id ?? '', EVERY_ITEM);
      const documentIds = new Set(detail?.items.map(({ item }) => item.documentId));
      expect(documentIds).toEqual(new Set([seed.parsed.document.id, second.parsed.document.id]));
    });

    test('a unit’s properties follow the registry on the next load', async () => {
      await load(second);
      const renamed = second.units.map((unit) => (unit.id === dataBureau?.id ? { ...unit, nameEn: 'Renamed Bureau' } : unit));
      await store.loadDocument(newVersion(second.parsed, () => {}), renamed);
      expect((await store.getUnit(dataBureau?.id ?? '', EVERY_ITEM))?.unit.nameEn).toBe('Renamed Bureau');
    });

    test('a new version replaces the old one whole: vanished items and their orphan units go', async () => {
      await load(seed);
      await load(second);
      const kept = second.parsed.items.slice(0, 6);
      const vanished = second.parsed.items.slice(6);
      const next = newVersion(second.parsed, (copy) => {
        copy.items = copy.items.slice(0, 6);
      });
      const result = await store.loadDocument(next, second.units);
      expect(result.outcome).toBe('replaced');
      expect(result.items).toBe(kept.length);
      for (const item of vanished) expect(await store.getItem(item.id)).toBeNull();
      for (const item of kept) expect((await store.getItem(item.id))?.owners).toHaveLength(item.assignments.length);
      const expectedUnits = unitIdsOf(seed.parsed, next);
      const stats = await store.stats();
      expect(stats.nodes.Item).toBe(seed.parsed.items.length + kept.length);
      expect(stats.nodes.Unit).toBe(expectedUnits.size);
      const gone = [...unitIdsOf(second.parsed)].filter((id) => !expectedUnits.has(id));
      expect(gone.length).toBeGreaterThan(0);
      for (const id of gone) expect(await store.getUnit(id, EVERY_ITEM)).toBeNull();
      expect((await store.listDocuments()).find((doc) => doc.id === next.document.id)?.sha256).toBe(next.document.sha256);
    });

    test('the document list counts each plan’s sections, items and edges as its snapshot holds them, through replacement, correction and removal', async () => {
      const listedCounts = async () =>
        Object.fromEntries((await store.listDocuments()).map(({ id, sections, items, responsibilities }) => [id, { sections, items, responsibilities }]));
      const snapshotCounts = async () => {
        const counts: Record<string, { sections: number; items: number; responsibilities: number }> = {};
        for (const { id } of await store.listDocuments()) {
          const { sections, items, responsibilities } = await store.snapshot({ document: [id] });
          counts[id] = { sections: sections.length, items: items.length, responsibilities: responsibilities.length };
        }
        return counts;
      };
      await load(seed);
      await load(second);
      const shorter = newVersion(second.parsed, (copy) => {
        copy.items = copy.items.slice(0, 3);
      });
      await store.loadDocument(shorter, second.units);
      await store.updateDocumentMetadata(seed.parsed.document.id, { year: 2031 });
      const listed = await listedCounts();
      expect(listed[second.parsed.document.id]?.items).toBe(3);
      expect(listed[seed.parsed.document.id]?.items).toBe(seed.parsed.items.length);
      expect(listed).toEqual(await snapshotCounts());
      await store.removeDocument(second.parsed.document.id);
      expect(Object.keys(await listedCounts())).toEqual([seed.parsed.document.id]);
    });

    test('removing a document deletes its items and edges, and the units only it used', async () => {
      await load(seed);
      const seedOnly = await store.stats();
      await load(second);
      expect(await store.removeDocument(second.parsed.document.id)).toBe(true);
      expect(await store.stats()).toEqual(seedOnly);
      expect(await store.getDocument(second.parsed.document.id)).toBeNull();
      expect(await store.getUnit(dataBureau?.id ?? '', EVERY_ITEM)).not.toBeNull();
      const onlySecond = [...unitIdsOf(second.parsed)].filter((id) => !unitIdsOf(seed.parsed).has(id));
      expect(onlySecond.length).toBeGreaterThan(0);
      for (const id of onlySecond) expect(await store.getUnit(id, EVERY_ITEM)).toBeNull();
      expect(await store.removeDocument(second.parsed.document.id)).toBe(false);
    });

    test('removing the last document leaves an empty graph', async () => {
      await load(handmade);
      await store.removeDocument(handmade.parsed.document.id);
      const stats = await store.stats();
      expect([...Object.values(stats.nodes), ...Object.values(stats.relationships)].every((count) => count === 0)).toBe(true);
    });
  });

  describe('batch loading (the bulk path)', () => {
    test('a batch gives the same graph and results as loading its documents one by one', async () => {
      const results = await store.loadDocuments([entry(second), entry(seed), entry(handmade)]);
      expect(results.map((result) => [result.documentId, result.outcome])).toEqual([
        [second.parsed.document.id, 'created'],
        [seed.parsed.document.id, 'created'],
        [handmade.parsed.document.id, 'created'],
      ]);
      expect(results.map((result) => result.responsibilities)).toEqual([second, seed, handmade].map((f) => assignmentsOf(f.parsed).length));
      const batched = { stats: await store.stats(), snapshot: await store.snapshot(), documents: await store.listDocuments() };
      for (const fixture of [second, seed, handmade]) await store.removeDocument(fixture.parsed.document.id);
      for (const fixture of [second, seed, handmade]) await load(fixture);
      expect({ stats: await store.stats(), snapshot: await store.snapshot(), documents: await store.listDocuments() }).toEqual(batched);
    });

    test('a batch reports each document’s own outcome: unchanged, replaced and created together', async () => {
      await load(seed);
      await load(second);
      const next = newVersion(second.parsed, (copy) => {
        copy.items = copy.items.slice(0, 4);
      });
      const results = await store.loadDocuments([entry(seed), { document: next, units: second.units }, entry(handmade)]);
      expect(results.map((result) => result.outcome)).toEqual(['unchanged', 'replaced', 'created']);
      expect((await store.stats()).nodes.Item).toBe(seed.parsed.items.length + 4 + handmade.parsed.items.length);
    });

    test('one id twice in a batch is refused, naming both entries, and nothing is written', async () => {
      await expect(store.loadDocuments([entry(seed), entry(handmade), entry(seed)])).rejects.toThrow(
        new InvalidInputError('batch.2', `document ${seed.parsed.document.id} is also entry 0 of this batch; load it once`),
      );
      expect((await store.stats()).nodes.Document).toBe(0);
    });

    test('one broken document fails the whole batch: the others are not written either', async () => {
      await load(seed);
      const before = { stats: await store.stats(), snapshot: await store.snapshot() };
      const broken = newVersion(second.parsed, (copy) => {
        copy.items.at(-1)!.id = seed.parsed.items[0]?.id ?? '';
      });
      await expect(store.loadDocuments([entry(handmade), { document: broken, units: second.units }])).rejects.toThrow(InvalidInputError);
      expect({ stats: await store.stats(), snapshot: await store.snapshot() }).toEqual(before);
    });

    test('an empty batch writes nothing', async () => {
      await expect(store.loadDocuments([])).resolves.toEqual([]);
      expect((await store.stats()).nodes.Document).toBe(0);
    });
  });

  describe('a load that fails writes nothing', () => {
    const withoutUnit = (fixture: Fixture, unitId: string): Unit[] => fixture.units.filter((unit) => unit.id !== unitId);

    test('a unit list that lacks a referenced unit is refused, naming item and unit', async () => {
      await load(seed);
      const before = await store.stats();
      const lastUnit = assignmentsOf(second.parsed).at(-1)?.unitId ?? '';
      const attempt = store.loadDocument(second.parsed, withoutUnit(second, lastUnit));
      await expect(attempt).rejects.toThrow(InvalidInputError);
      await expect(attempt).rejects.toThrow(lastUnit);
      expect(await store.stats()).toEqual(before);
    });

    /** Half-way through, an item claims an id another document owns: the write fails mid-load. */
    const collidingAtItem = (parsed: ParsedDocument, index: number): ParsedDocument =>
      newVersion(parsed, (copy) => {
        const target = copy.items[index];
        if (target) target.id = seed.parsed.items[0]?.id ?? '';
      });

    test('a document that fails part-way leaves no trace', async () => {
      await load(seed);
      const before = { stats: await store.stats(), snapshot: await store.snapshot() };
      const broken = collidingAtItem(second.parsed, Math.floor(second.parsed.items.length / 2));
      await expect(store.loadDocument(broken, second.units)).rejects.toThrow(InvalidInputError);
      expect({ stats: await store.stats(), snapshot: await store.snapshot() }).toEqual(before);
      expect(await store.getDocument(second.parsed.document.id)).toBeNull();
    });

    test('a new version that fails part-way leaves the old version whole', async () => {
      await load(seed);
      await load(second);
      const before = { stats: await store.stats(), snapshot: await store.snapshot(), documents: await store.listDocuments() };
      const broken = collidingAtItem(second.parsed, second.parsed.items.length - 1);
      await expect(store.loadDocument(broken, second.units)).rejects.toThrow(InvalidInputError);
      expect({ stats: await store.stats(), snapshot: await store.snapshot(), documents: await store.listDocuments() }).toEqual(before);
    });

    test('a document that is not a valid parse is refused by field', async () => {
      const invalid = newVersion(handmade.parsed, (copy) => {
        copy.items[0]!.assignments[0]!.role = 'owner' as never;
      });
      await expect(store.loadDocument(invalid, handmade.units)).rejects.toThrow(/items\[0\]\.assignments\[0\]\.role: /);
      expect((await store.stats()).nodes.Document).toBe(0);
    });
  });

  describe('reading', () => {
    beforeEach(async () => {
      await load(seed);
      await load(second);
      await load(handmade);
    });

    test('documents are listed by id with their counts and metadata', async () => {
      const listed = await store.listDocuments();
      const expected = [seed, second, handmade]
        .map(({ parsed }) => parsed)
        .sort((a, b) => (a.document.id < b.document.id ? -1 : 1))
        .map(({ document, sections, items }) => {
          const { preamble: _preamble, ...meta } = document;
          return {
            ...meta,
            sections: sections.length,
            items: items.length,
            responsibilities: items.reduce((sum, item) => sum + item.assignments.length, 0),
          };
        });
      expect(listed).toEqual(expected);
    });

    test('a document lists its sections in order with their item counts', async () => {
      const detail = await store.getDocument(seed.parsed.document.id);
      expect(detail?.document).toEqual(seed.parsed.document);
      expect(detail?.sections).toEqual(
        seed.parsed.sections.map((section) => ({
          ...section,
          items: seed.parsed.items.filter((item) => item.section === section.no).length,
        })),
      );
      expect(await store.getDocument('no-such-document')).toBeNull();
    });

    test('item (十二): 省政务服务数据管理局 leads, and every offset slices the source', async () => {
      const detail = await store.getItem(item12?.id ?? '');
      expect(detail?.item.label).toBe('（十二）');
      expect(detail?.document).toMatchObject({ id: seed.parsed.document.id, sha256: seed.parsed.document.sha256 });
      const lead = detail?.owners[0];
      expect(lead).toMatchObject({ role: 'lead', inferred: false, nameAsWritten: '省政务服务数据管理局' });
      expect(lead?.unit.id).toBe(dataBureau?.id);
      const squeeze = (text: string) => text.replace(/\s/g, '');
      expect(squeeze(seed.source.slice(lead?.start, lead?.end))).toBe('省政务服务数据管理局');
      const clause = detail?.item.clause;
      expect(squeeze(seed.source.slice(clause?.start, clause?.end))).toMatch(/省政务服务数据管理局牵头/);
      expect(detail?.item.text.slice(clause?.textStart, clause?.textEnd)).toBe(clause?.text);
      expect(detail?.section?.no).toBe(item12?.section);
    });

    test('every item carries exactly the parser’s owners, lead first, then by clause position', async () => {
      for (const { parsed, source } of [seed, second, handmade]) {
        for (const item of parsed.items) {
          const detail = await store.getItem(item.id);
          const expected = [...item.assignments]
            .sort((a, b) => ROLES.indexOf(a.role) - ROLES.indexOf(b.role) || a.start - b.start)
            .map(({ role, inferred, nameAsWritten, unitId, start, end }) => ({ role, inferred, nameAsWritten, unitId, start, end }));
          expect(detail?.owners.map(({ unit, ...owner }) => ({ ...owner, unitId: unit.id }))).toEqual(expected);
          for (const owner of detail?.owners ?? []) {
            // A distributed prefix (省, 市政府) is part of the name but not of the characters written there.
            expect(owner.nameAsWritten).toContain(source.slice(owner.start, owner.end).replace(/\s/g, ''));
          }
        }
      }
      expect(await store.getItem('no-such-item')).toBeNull();
    });

    test('items asked for together each get the answer they get alone; unknown and hostile ids get null', async () => {
      const known = seed.parsed.items.map((item) => item.id);
      const ids = [...known, 'no-such-item', ...HOSTILE_INPUTS, known[0] ?? ''];
      const together = await Promise.all(ids.map((id) => store.getItem(id)));
      const alone = [];
      for (const id of ids) alone.push(await store.getItem(id));
      expect(together).toEqual(alone);
      expect(together.map((detail) => detail?.item.id ?? null)).toEqual([...known, ...ids.slice(known.length, -1).map(() => null), known[0]]);
    });

    test('items without sections hang off their document; sub-items keep their parent', async () => {
      const loose = await store.getItem(handmade.parsed.items[0]?.id ?? '');
      expect(loose?.section).toBeNull();
      expect(loose?.item.sectionId).toBeNull();
      const subItem = second.parsed.items.find((item) => item.parent);
      expect((await store.getItem(subItem?.id ?? ''))?.item.parent).toBe(subItem?.parent);
    });

    test('a unit shows its items by role, its partners and its sections, as the text has them', async () => {
      const unitId = dataBureau?.id ?? '';
      const detail = await store.getUnit(unitId, EVERY_ITEM);
      const all = [seed.parsed, second.parsed, handmade.parsed].sort((a, b) => (a.document.id < b.document.id ? -1 : 1));
      const mine = all.flatMap((parsed) => assignmentsOf(parsed).filter((a) => a.unitId === unitId));
      expect(detail?.items.map(({ role, item }) => `${item.id}:${role}`).sort()).toEqual(
        mine.map(({ item, role }) => `${item.id}:${role}`).sort(),
      );
      expect(detail?.items.find(({ item }) => item.id === item12?.id)?.role).toBe('lead');

      const shared = new Map<string, Set<string>>();
      for (const { item } of mine) {
        for (const other of item.assignments) {
          if (other.unitId !== unitId) shared.set(other.unitId, (shared.get(other.unitId) ?? new Set()).add(item.id));
        }
      }
      const partners = [...shared]
        .map(([id, items]) => ({ id, sharedItems: items.size }))
        .sort((a, b) => b.sharedItems - a.sharedItems || (a.id < b.id ? -1 : 1));
      expect(detail?.partners.map(({ unit, sharedItems }) => ({ id: unit.id, sharedItems }))).toEqual(partners);

      const sections = new Map<string, Set<string>>();
      for (const parsed of all) {
        for (const { item } of assignmentsOf(parsed).filter((a) => a.unitId === unitId)) {
          const section = parsed.sections.find((s) => s.no === item.section);
          if (section) sections.set(section.id, (sections.get(section.id) ?? new Set()).add(item.id));
        }
      }
      // The busiest first; among equals, in section order.
      expect(detail?.sections.map(({ section, items }) => [section.id, items])).toEqual(
        [...sections].map(([id, items]) => [id, items.size]).sort((a, b) => (b[1] as number) - (a[1] as number)),
      );
      expect(detail?.sectionCount).toBe(sections.size);
      expect(await store.getUnit('no-such-unit', EVERY_ITEM)).toBeNull();
    });

    test('a unit page is one page of its items, by role then in reading order, with the counts of them all', async () => {
      const unitId = dataBureau?.id ?? '';
      const whole = (await store.getUnit(unitId, EVERY_ITEM))!;
      const all = [seed.parsed, second.parsed, handmade.parsed].sort((a, b) => (a.document.id < b.document.id ? -1 : 1));
      // In reading order: documents by id, their items and clauses as written.
      const mine = all.flatMap((parsed) => assignmentsOf(parsed).filter((a) => a.unitId === unitId).map((a) => ({ ...a, documentId: parsed.document.id })));
      expect(mine.length).toBeGreaterThan(5);
      // Every item in role order (ROLES), then in reading order (the sort is stable).
      const rank = (role: string) => ROLES.indexOf(role as (typeof ROLES)[number]);
      const expected = [...mine].sort((a, b) => rank(a.role) - rank(b.role)).map(({ item, role }) => `${item.id}:${role}`);
      expect(whole.items.map(({ role, item }) => `${item.id}:${role}`)).toEqual(expected);
      expect(whole.itemCounts.total).toBe(mine.length);
      for (const role of ROLES) expect(whole.itemCounts.byRole[role]).toBe(mine.filter((a) => a.role === role).length);
      expect(whole.itemCounts.byDocument).toEqual(
        whole.documents.map(({ id }) => ({ documentId: id, items: mine.filter((a) => a.documentId === id).length })),
      );
      // Pages of 3 put end to end are the whole list; each says where it stands and counts them all.
      const pages = [];
      for (let offset = 0; offset < mine.length; offset += 3) {
        const page = (await store.getUnit(unitId, { limit: 3, offset }))!;
        expect(page.itemPage).toEqual({ total: mine.length, offset, limit: 3 });
        expect({ ...page, items: [], itemPage: null }).toEqual({ ...whole, items: [], itemPage: null });
        pages.push(...page.items);
      }
      expect(pages).toEqual(whole.items);
      // Past the end: no items, the totals still stated.
      const past = (await store.getUnit(unitId, { limit: 3, offset: mine.length + 10 }))!;
      expect(past.items).toEqual([]);
      expect(past.itemPage.total).toBe(mine.length);
      // One role: only its items, in the same order, counted among themselves; the counts of every role stay whole.
      const co = (await store.getUnit(unitId, { role: 'co', limit: 100, offset: 0 }))!;
      expect(co.items).toEqual(whole.items.filter((entry) => entry.role === 'co'));
      expect(co.itemPage.total).toBe(mine.filter((a) => a.role === 'co').length);
      expect(co.itemCounts).toEqual(whole.itemCounts);
    });

    test('search q=数据要素 finds (十二) and (十三), and exactly the items whose text says it', async () => {
      const page = await store.searchItems({ q: '数据要素' });
      const expected = [seed.parsed, second.parsed, handmade.parsed]
        .sort((a, b) => (a.document.id < b.document.id ? -1 : 1))
        .flatMap((parsed) => parsed.items.filter((item) => [item.label, item.title, item.text].some((t) => t.includes('数据要素'))))
        .map((item) => item.id);
      expect(page.items.map((item) => item.id)).toEqual(expected);
      expect(page.total).toBe(expected.length);
      expect(expected).toEqual(expect.arrayContaining([item12?.id, item13?.id]));
      expect(page.items.find((item) => item.id === item12?.id)?.leads.map((unit) => unit.id)).toEqual([dataBureau?.id]);
    });

    test('search pages through the same order and counts all matches', async () => {
      const all = await store.searchItems({ pageSize: 500 });
      expect(all.total).toBe(seed.parsed.items.length + second.parsed.items.length + handmade.parsed.items.length);
      const second3 = await store.searchItems({ page: 2, pageSize: 3 });
      expect(second3.items.map((item) => item.id)).toEqual(all.items.slice(3, 6).map((item) => item.id));
      expect(second3).toMatchObject({ total: all.total, page: 2, pageSize: 3 });
      expect((await store.searchItems({ page: 1000 })).items).toEqual([]);
    });

    test('search filters by role, unit, document and section as the parser assigned them', async () => {
      const unitId = dataBureau?.id ?? '';
      const leads = await store.searchItems({ role: 'lead', unit: unitId, pageSize: 500 });
      const expectedLeads = new Set(
        [seed.parsed, second.parsed].flatMap((parsed) =>
          assignmentsOf(parsed).filter((a) => a.role === 'lead' && a.unitId === unitId).map((a) => a.item.id),
        ),
      );
      expect(new Set(leads.items.map((item) => item.id))).toEqual(expectedLeads);
      const anyImplement = await store.searchItems({ role: 'implement', pageSize: 500 });
      expect(anyImplement.total).toBe(
        new Set([seed.parsed, second.parsed].flatMap((p) => assignmentsOf(p).filter((a) => a.role === 'implement').map((a) => a.item.id))).size,
      );
      const inSecond = await store.searchItems({ document: [second.parsed.document.id], pageSize: 500 });
      expect(inSecond.items.map((item) => item.id)).toEqual(second.parsed.items.map((item) => item.id));
      const section = seed.parsed.sections[2];
      const inSection = await store.searchItems({ section: [section?.id ?? ''], pageSize: 500 });
      expect(inSection.items.map((item) => item.id)).toEqual(
        seed.parsed.items.filter((item) => item.section === section?.no).map((item) => item.id),
      );
    });

    test('a malformed query or filter is refused, naming the field', async () => {
      await expect(store.searchItems({ pageSize: 0 })).rejects.toThrow(InvalidInputError);
      await expect(store.searchItems({ pageSize: 0 })).rejects.toThrow(/^query\.pageSize: /);
      await expect(store.searchUnits({ kind: 'ministry' as never })).rejects.toThrow(/^query\.kind: /);
      await expect(store.snapshot({ role: ['owner' as never] })).rejects.toThrow(/^filter\.role\[0\]: /);
    });

    test('unit search matches any name, case-insensitively, and filters by kind', async () => {
      const loaded = [...new Map([...seed.units, ...second.units, ...handmade.units].map((u) => [u.id, u])).values()];
      const names = (unit: Unit) => [unit.name, unit.shortName, unit.nameEn ?? '', ...unit.aliases];
      const found = await store.searchUnits({ q: 'DATA' });
      expect(found.map((unit) => unit.id)).toEqual(
        loaded.filter((unit) => names(unit).some((name) => name.toLowerCase().includes('data'))).map((u) => u.id).sort(),
      );
      const cities = await store.searchUnits({ kind: 'city' });
      expect(cities.map((unit) => unit.id)).toEqual(loaded.filter((unit) => unit.kind === 'city').map((u) => u.id).sort());
    });

    test('a snapshot holds every record; filters narrow edges, and items to those left with an edge', async () => {
      const full = await store.snapshot();
      const parsedAll = [seed.parsed, second.parsed, handmade.parsed];
      expect(full.items).toHaveLength(parsedAll.reduce((sum, parsed) => sum + parsed.items.length, 0));
      expect(full.responsibilities).toHaveLength(parsedAll.reduce((sum, parsed) => sum + assignmentsOf(parsed).length, 0));
      expect(full.units.map((unit) => unit.id)).toEqual([...unitIdsOf(...parsedAll)].sort());

      const leads = await store.snapshot({ role: ['lead'] });
      expect(leads.responsibilities.every((edge) => edge.role === 'lead')).toBe(true);
      expect(leads.responsibilities).toHaveLength(parsedAll.reduce((sum, parsed) => sum + countByRole(parsed).lead, 0));
      expect(new Set(leads.items.map((item) => item.id))).toEqual(new Set(leads.responsibilities.map((edge) => edge.itemId)));

      const cities = await store.snapshot({ kind: ['city'], document: [seed.parsed.document.id] });
      expect(cities.documents.map((doc) => doc.id)).toEqual([seed.parsed.document.id]);
      expect(cities.units.every((unit) => unit.kind === 'city')).toBe(true);
      expect(cities.responsibilities.every((edge) => edge.documentId === seed.parsed.document.id)).toBe(true);

      const section = seed.parsed.sections[0];
      const inSection = await store.snapshot({ section: [section?.id ?? ''] });
      expect(inSection.sections.map((s) => s.id)).toEqual([section?.id]);
      expect(inSection.items.map((item) => item.id)).toEqual(
        seed.parsed.items.filter((item) => item.section === section?.no).map((item) => item.id),
      );
      expect(await store.snapshot({ document: [], role: [] })).toEqual(full);
    });
  });

  describe('jurisdictions and scope', () => {
    const { foshan, shenzhen, stateCouncil } = plans;
    const all = [seed, foshan, shenzhen, stateCouncil];
    const idsOf = (...chosen: Fixture[]) => chosen.map(({ parsed }) => parsed.document.id).sort();
    const itemIdsOf = (...chosen: Fixture[]) => new Set(chosen.flatMap(({ parsed }) => parsed.items.map((item) => item.id)));
    const scoped = async (scope: Parameters<GraphStore['listDocuments']>[0]) => ({
      listed: (await store.listDocuments(scope)).map((document) => document.id),
      snapshot: (await store.snapshot(scope)).documents.map((document) => document.id),
      items: new Set((await store.searchItems({ ...scope, pageSize: 500 })).items.map((item) => item.id)),
    });
    const expectScope = async (scope: Parameters<GraphStore['listDocuments']>[0], ...chosen: Fixture[]) => {
      const found = await scoped(scope);
      expect(found.listed).toEqual(idsOf(...chosen));
      expect(found.snapshot).toEqual(idsOf(...chosen));
      expect(found.items).toEqual(itemIdsOf(...chosen));
    };

    beforeEach(async () => {
      await store.loadDocuments(all.map(entry));
    });

    test('the plans carry the jurisdictions and years the scope tests rely on', () => {
      expect(all.map(({ parsed }) => parsed.document.jurisdiction?.code)).toEqual([expect.any(String), '440600', '440300', '100000']);
      expect(isWithin(seed.parsed.document.jurisdiction?.code ?? '', '440000')).toBe(true);
      expect(seed.parsed.document.year).toBe(2023);
      expect([foshan, shenzhen, stateCouncil].map(({ parsed }) => parsed.document.year)).toEqual([2024, 2024, 2024]);
    });

    test('jurisdictions are nodes: documents and units are OF theirs, each WITHIN the one above up to national', async () => {
      const figures = jurisdictionFigures(...all);
      const stats = await store.stats();
      expect(stats.nodes.Jurisdiction).toBe(figures.nodes);
      expect(stats.relationships.OF).toBe(figures.OF);
      expect(stats.relationships.WITHIN).toBe(figures.WITHIN);
      expect((await store.listDocuments()).find((document) => document.id === foshan.parsed.document.id)?.jurisdiction).toEqual(
        foshan.parsed.document.jurisdiction,
      );
    });

    test('a place nothing is OF any more leaves the graph with its plan', async () => {
      await store.removeDocument(foshan.parsed.document.id);
      const figures = jurisdictionFigures(seed, shenzhen, stateCouncil);
      const stats = await store.stats();
      expect([stats.nodes.Jurisdiction, stats.relationships.OF, stats.relationships.WITHIN]).toEqual([figures.nodes, figures.OF, figures.WITHIN]);
    });

    test('a jurisdiction scope takes its own plans and, unless told not to, those of the places within it', async () => {
      await expectScope({ jurisdiction: '440000' }, seed, foshan, shenzhen);
      await expectScope({ jurisdiction: '440000', includeWithin: false }, ...all.filter(({ parsed }) => parsed.document.jurisdiction?.code === '440000'));
      await expectScope({ jurisdiction: '440600' }, foshan);
      await expectScope({ jurisdiction: '100000', includeWithin: false }, stateCouncil);
      await expectScope({ jurisdiction: '100000' }, ...all);
      await expectScope({ jurisdiction: '450000' });
    });

    test('years, ranges and several documents at once combine with the jurisdiction', async () => {
      await expectScope({ yearFrom: 2023, yearTo: 2023 }, seed);
      await expectScope({ yearFrom: 2024 }, foshan, shenzhen, stateCouncil);
      await expectScope({ yearTo: 2022 });
      await expectScope({ document: [foshan.parsed.document.id, stateCouncil.parsed.document.id] }, foshan, stateCouncil);
      await expectScope({ document: [seed.parsed.document.id, foshan.parsed.document.id], jurisdiction: '440600' }, foshan);
      await expectScope({ jurisdiction: '440000', yearFrom: 2024 }, foshan, shenzhen);
      const handmadeLoaded = await store.loadDocument(handmade.parsed, handmade.units);
      expect(handmadeLoaded.outcome).toBe('created');
      // A plan without a year is in no year range.
      expect((await store.listDocuments({ yearFrom: 1000, yearTo: 9999 })).map((document) => document.id)).not.toContain(handmade.parsed.document.id);
    });

    test('a scoped snapshot keeps the edges, units and sections of the plans in scope only', async () => {
      const snapshot = await store.snapshot({ jurisdiction: '440300', role: ['lead'] });
      const expected = assignmentsOf(shenzhen.parsed).filter((assignment) => assignment.role === 'lead');
      expect(snapshot.responsibilities).toHaveLength(expected.length);
      expect(new Set(snapshot.units.map((unit) => unit.id))).toEqual(new Set(expected.map((assignment) => assignment.unitId)));
      expect(snapshot.sections.map((section) => section.documentId)).toEqual(shenzhen.parsed.sections.map(() => shenzhen.parsed.document.id));
    });

    test('units: named in the plans in scope, of a jurisdiction (places within included), of a kind, function and level', async () => {
      const ids = (units: Array<{ id: string }>) => units.map((unit) => unit.id).sort();
      const planUnits = (...chosen: Fixture[]) => {
        const named = unitIdsOf(...chosen.map(({ parsed }) => parsed));
        return [...new Map(chosen.flatMap(({ units }) => units.filter((unit) => named.has(unit.id)).map((unit) => [unit.id, unit] as const))).values()];
      };
      const everyUnit = planUnits(...all);
      expect(ids(await store.searchUnits({ jurisdiction: '440300' }))).toEqual(ids(planUnits(shenzhen)));
      expect(ids(await store.searchUnits({ document: [stateCouncil.parsed.document.id] }))).toEqual(ids(planUnits(stateCouncil)));
      const ofGuangdong = everyUnit.filter((unit) => isWithin(unit.jurisdiction, '440000'));
      expect(ofGuangdong.length).toBeGreaterThan(0);
      expect(ids(await store.searchUnits({ unitJurisdiction: '440000' }))).toEqual(ids(ofGuangdong));
      const finance = everyUnit.filter((unit) => unit.function === 'finance');
      expect(finance.length).toBeGreaterThan(1);
      expect(ids(await store.searchUnits({ function: 'finance' }))).toEqual(ids(finance));
      const national = everyUnit.filter((unit) => unit.level === 'national');
      expect(ids(await store.searchUnits({ level: 'national' }))).toEqual(ids(national));
      const alias = everyUnit.find((unit) => unit.aliases.length > 0);
      if (alias) expect(ids(await store.searchUnits({ q: alias.aliases[0] }))).toContain(alias.id);
    });

    test('a unit’s detail names the documents its items come from, with their titles and years', async () => {
      const shared = [...unitIdsOf(foshan.parsed)].find((id) => unitIdsOf(seed.parsed).has(id)) ?? [...unitIdsOf(foshan.parsed)][0]!;
      const detail = await store.getUnit(shared, EVERY_ITEM);
      const documentIds = [...new Set(detail?.items.map(({ item }) => item.documentId))].sort();
      expect(detail?.documents.map((document) => document.id)).toEqual(documentIds);
      const foshanEntry = detail?.documents.find((document) => document.id === foshan.parsed.document.id);
      expect(foshanEntry).toEqual({ id: foshan.parsed.document.id, title: foshan.parsed.document.title, year: 2024 });
    });

    describe('metadata corrections', () => {
      const foshanId = () => foshan.parsed.document.id;
      const guangzhou = { code: '440100', name: '广州市', level: 'prefecture' as const };

      test('change the fields named, clear those set to null, and leave the rest', async () => {
        const before = (await store.listDocuments()).find((document) => document.id === foshanId())!;
        const after = await store.updateDocumentMetadata(foshanId(), { title: '更正后的标题', year: 2021, issuer: null, jurisdiction: guangzhou });
        expect(after).toEqual({ ...before, title: '更正后的标题', year: 2021, issuer: undefined, jurisdiction: guangzhou });
        expect((await store.listDocuments()).find((document) => document.id === foshanId())).toEqual(after);
        expect((await store.getItem(foshan.parsed.items[0]!.id))?.document.title).toBe('更正后的标题');
        expect(await store.updateDocumentMetadata('no-such-document', { year: 2020 })).toBeNull();
      });

      test('the scope follows a correction at once, and the jurisdiction nodes with it', async () => {
        await store.updateDocumentMetadata(foshanId(), { jurisdiction: guangzhou, year: 2021 });
        await expectScope({ jurisdiction: '440100' }, foshan);
        await expectScope({ jurisdiction: '440600' });
        await expectScope({ yearFrom: 2021, yearTo: 2021 }, foshan);
        const codes = new Set([...(await store.listDocuments())].map((document) => document.jurisdiction?.code));
        expect(codes.has('440100')).toBe(true);
        await store.updateDocumentMetadata(foshanId(), { jurisdiction: null });
        await expectScope({ jurisdiction: '440100' });
        expect((await store.stats()).relationships.OF).toBe(jurisdictionFigures(...all).OF - 1);
      });

      test('a correction moves the data version; loading the same bytes again keeps it; new bytes start afresh', async () => {
        const loaded = await store.dataVersion();
        await store.updateDocumentMetadata(foshanId(), { year: 2021 });
        const corrected = await store.dataVersion();
        expect(corrected).not.toBe(loaded);
        expect((await store.loadDocument(foshan.parsed, foshan.units)).outcome).toBe('unchanged');
        expect(await store.dataVersion()).toBe(corrected);
        expect((await store.listDocuments({ yearFrom: 2021, yearTo: 2021 })).map((document) => document.id)).toEqual([foshanId()]);
        await store.updateDocumentMetadata(foshanId(), { year: 2024 });
        expect(await store.dataVersion()).not.toBe(corrected);
        await store.loadDocument(newVersion(foshan.parsed, () => {}), foshan.units);
        await store.loadDocument(foshan.parsed, foshan.units);
        expect(await store.dataVersion()).toBe(loaded);
      });

      test('a bad correction is refused, naming the field, and changes nothing', async () => {
        const before = { documents: await store.listDocuments(), version: await store.dataVersion() };
        await expect(store.updateDocumentMetadata(foshanId(), { publishedAt: '2024/03/15' })).rejects.toThrow(InvalidInputError);
        await expect(store.updateDocumentMetadata(foshanId(), { title: '' })).rejects.toThrow(/metadata\.title/);
        expect({ documents: await store.listDocuments(), version: await store.dataVersion() }).toEqual(before);
      });
    });
  });

  describe('saved views and the community memory', () => {
    const view = (id: string, createdAt: string): SavedView => ({
      id,
      name: `视图 ${id}`,
      description: '省工业和信息化厅的协同圈',
      page: 'network',
      createdAt,
      parameters: { colour: 'pagerank', minWeight: '2', names: '0:数据组' },
      positions: { 'cn.440000.industry-it': { x: 12.5, y: -40 }, 'cn.440000.finance': { x: 300, y: 7.25 } },
    });

    test('a saved view comes back whole, is listed newest first without positions, and can be deleted', async () => {
      await load(seed);
      const versionBefore = await store.dataVersion();
      await store.saveView(view('older', '2026-01-01T00:00:00.000Z'));
      await store.saveView(view('newer', '2026-02-01T00:00:00.000Z'));
      expect(await store.getView('older')).toEqual(view('older', '2026-01-01T00:00:00.000Z'));
      expect((await store.listViews()).map((summary) => summary.id)).toEqual(['newer', 'older']);
      expect(await store.listViews()).toEqual([view('newer', '2026-02-01T00:00:00.000Z'), view('older', '2026-01-01T00:00:00.000Z')].map(({ positions: _p, ...summary }) => summary));
      // Views are not data: answers keyed on the data version stay valid.
      expect(await store.dataVersion()).toBe(versionBefore);
      expect(await store.deleteView('older')).toBe(true);
      expect(await store.deleteView('older')).toBe(false);
      expect(await store.getView('older')).toBeNull();
      expect((await store.listViews()).map((summary) => summary.id)).toEqual(['newer']);
    });

    test('a second view with the same id is refused and the first is kept', async () => {
      await store.saveView(view('same', '2026-01-01T00:00:00.000Z'));
      await expect(store.saveView({ ...view('same', '2026-03-01T00:00:00.000Z'), name: 'other' })).rejects.toThrow(InvalidInputError);
      expect((await store.getView('same'))?.name).toBe('视图 same');
    });

    test.each(HOSTILE_INPUTS)('%s as a view id finds and deletes nothing', async (text) => {
      await store.saveView(view('kept', '2026-01-01T00:00:00.000Z'));
      expect(await store.getView(text)).toBeNull();
      expect(await store.deleteView(text)).toBe(false);
      expect(await store.listViews()).toHaveLength(1);
    });

    test('the community memory is empty at first, then holds the last partition remembered', async () => {
      expect(await store.communityMemory()).toBeNull();
      await store.rememberCommunities({ a: 0, b: 0, c: 1 });
      await store.rememberCommunities({ a: 1, b: 0, 'cn.440600.finance': 2 });
      expect(await store.communityMemory()).toEqual({ a: 1, b: 0, 'cn.440600.finance': 2 });
    });
  });

  describe('places, deadlines and targets', () => {
    const [guangzhou, ministry, county] = loadCommitmentPlans(registry);
    const all = [seed, guangzhou!, ministry!, county!];
    /** What the parser found, in the order the stores answer: by document id, then reading order. */
    const expected = (...chosen: Fixture[]) =>
      [...chosen]
        .sort((a, b) => (a.parsed.document.id < b.parsed.document.id ? -1 : 1))
        .flatMap(({ parsed }) =>
          parsed.items.map(({ id, places, deadlines, targets }) => ({ itemId: id, documentId: parsed.document.id, places, deadlines, targets })),
        );

    beforeEach(async () => {
      await store.loadDocuments(all.map(entry));
    });

    test('the fixtures hold places, zones, regions, deadlines of every precision and targets of every comparator', () => {
      const items = all.flatMap(({ parsed }) => parsed.items);
      expect(items.some((item) => item.places.some((place) => place.zone))).toBe(true);
      expect(items.some((item) => item.places.some((place) => place.level === 'region'))).toBe(true);
      expect(new Set(items.flatMap((item) => item.deadlines.map((d) => d.precision)))).toEqual(new Set(['day', 'month', 'quarter', 'half', 'year', 'ongoing']));
      expect(new Set(items.flatMap((item) => item.targets.map((t) => t.comparator)))).toEqual(new Set(['>=', '<=', '=', '≈']));
    });

    test('come back exactly as parsed, offsets and all, and follow the scope', async () => {
      expect(await store.commitments()).toEqual(expected(...all));
      expect(await store.commitments({ jurisdiction: '440100' })).toEqual(expected(guangzhou!));
      expect(await store.commitments({ jurisdiction: '100000', includeWithin: false })).toEqual(expected(ministry!));
      expect(await store.commitments({ yearTo: 2023 })).toEqual(expected(seed));
      expect(await store.commitments({ document: ['no-such-document'] })).toEqual([]);
      for (const item of await store.commitments()) {
        const fixture = all.find(({ parsed }) => parsed.document.id === item.documentId)!;
        for (const mention of item.places) expect(fixture.source.slice(mention.start, mention.end).replace(/\s+/g, '')).toBe(mention.mention);
      }
    });

    test('places are nodes inside the jurisdiction chains, regions INCLUDE their members, and leave with their plans', async () => {
      const check = async (...chosen: Fixture[]) => {
        const figures = jurisdictionFigures(...chosen);
        const stats = await store.stats();
        expect([stats.nodes.Jurisdiction, stats.nodes.Place, stats.nodes.Region, stats.relationships.CONCERNS, stats.relationships.INCLUDES, stats.relationships.WITHIN]).toEqual([
          figures.nodes, figures.places, figures.regions, figures.CONCERNS, figures.INCLUDES, figures.WITHIN,
        ]);
      };
      await check(...all);
      await store.removeDocument(seed.parsed.document.id);
      await check(guangzhou!, ministry!, county!);
      await store.removeDocument(ministry!.parsed.document.id);
      await store.removeDocument(county!.parsed.document.id);
      await check(guangzhou!);
      const replaced = newVersion(guangzhou!.parsed, (copy) => {
        for (const item of copy.items) item.places = [];
      });
      await store.loadDocument(replaced, guangzhou!.units);
      await check({ ...guangzhou!, parsed: replaced });
      expect((await store.commitments()).flatMap((item) => item.places)).toEqual([]);
    });
  });

  describe('hostile input', () => {
    beforeEach(async () => {
      await load(seed);
    });

    test.each(HOSTILE_INPUTS)('%s in search text, ids and filters changes nothing and finds nothing', async (text) => {
      const before = { stats: await store.stats(), documents: await store.listDocuments() };
      expect((await store.searchItems({ q: text })).total).toBe(0);
      expect(await store.searchUnits({ q: text })).toEqual([]);
      expect(await store.getItem(text)).toBeNull();
      expect(await store.getUnit(text, EVERY_ITEM)).toBeNull();
      expect(await store.getDocument(text)).toBeNull();
      expect(await store.removeDocument(text)).toBe(false);
      expect((await store.searchItems({ unit: text, document: [text], section: [text] })).total).toBe(0);
      const filtered = await store.snapshot({ document: [text] });
      expect([filtered.documents, filtered.items, filtered.responsibilities]).toEqual([[], [], []]);
      expect((await store.snapshot({ unit: [text] })).responsibilities).toEqual([]);
      expect({ stats: await store.stats(), documents: await store.listDocuments() }).toEqual(before);
    });
  });
}
