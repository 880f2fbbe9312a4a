/**
 * The store contract on a real Neo4j 5.26, plus what only Neo4j can show: the graph's shape in
 * Cypher, multi-batch atomicity, outage handling, and identical answers to the memory store.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import neo4j, { type Driver } from 'neo4j-driver';
import { StoreUnavailableError } from '../../graph/errors';
import { MemoryStore, Neo4jStore, neo4jConfigFromEnv, type GraphStore } from '../../graph/store';
import { describeNeo4j, openTestDriver, wipeNeo4j } from '../support/neo4j';
import { startStallingProxy, type StallingProxy } from '../support/stallingProxy';
import { probeAnswers, runStoreContract } from './contract';
import { loadCommitmentPlans, loadFixtures, syntheticDocument, unitIdsOf } from './fixtures';

/** The query README.md and docs/graph-model.md give for "every finance bureau's load, by city", read from the README itself. */
const FINANCE_BY_CITY = (() => {
  const readme = readFileSync(join(__dirname, '..', '..', 'README.md'), 'utf8');
  const query = /\*\*Researcher: every finance bureau’s load, by city\*\*[\s\S]*?```cypher\n([\s\S]*?)```/.exec(readme)?.[1];
  if (!query) throw new Error('README.md lacks the finance bureaus query');
  return query;
})();

/** docs/graph-model.md: every item touching a place, by the role its government holds in the clause or as a body mention. */
const TOUCHING_PLACE = `MATCH (p:Jurisdiction {code: $code})
CALL {
  WITH p
  MATCH (u:Unit)-[:OF]->(p) MATCH (u)-[r:LEADS|CO_RESPONSIBLE|SUPPORTS|IMPLEMENTS|GUIDES]->(i:Item)
  RETURN i, type(r) AS how
  UNION
  WITH p
  MATCH (i:Item)-[:CONCERNS]->(p)
  RETURN DISTINCT i, 'CONCERNS' AS how
}
RETURN DISTINCT how, i.label AS label, i.position AS position ORDER BY how, position`;

const openStore = async (): Promise<Neo4jStore> => {
  const config = neo4jConfigFromEnv();
  if (!config) throw new Error('NEO4J_URI is not set: the jest global set-up starts Neo4j');
  const store = new Neo4jStore(config);
  await store.init();
  return store;
};

/** Plain numbers for the Cypher checks below (the store itself never lets driver Integers out). */
const plain = (row: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(row).map(([key, value]) => [key, neo4j.isInt(value) ? value.toNumber() : value]));

describeNeo4j('Neo4jStore', () => {
  let driver: Driver;
  beforeAll(() => {
    driver = openTestDriver();
  });
  afterAll(async () => {
    await driver.close();
  });
  const wipe = () => wipeNeo4j(driver);

  describe('contract', () => {
    runStoreContract(async () => {
      await wipe();
      return openStore();
    });
  });

  describe('graph model in Cypher', () => {
    const fixtures = loadFixtures();
    let store: Neo4jStore;
    const cypher = async (query: string, params: Record<string, unknown> = {}) =>
      (await driver.executeQuery(query, params)).records.map((record) => plain(record.toObject()));

    beforeEach(async () => {
      await wipe();
      store = await openStore();
    });
    afterEach(async () => {
      await store.close();
    });

    test('constraints on every id and full-text indexes exist after init', async () => {
      const constraints = await cypher('SHOW CONSTRAINTS YIELD labelsOrTypes, properties, type RETURN labelsOrTypes[0] AS label, properties[0] AS property, type');
      for (const label of ['Document', 'Section', 'Item', 'Unit']) {
        expect(constraints).toContainEqual({ label, property: 'id', type: 'UNIQUENESS' });
      }
      const fulltext = await cypher("SHOW INDEXES YIELD name, type, labelsOrTypes, properties WHERE type = 'FULLTEXT' RETURN name, labelsOrTypes, properties ORDER BY name");
      expect(fulltext).toEqual([
        { name: 'item_text', labelsOrTypes: ['Item'], properties: ['title', 'text'] },
        { name: 'unit_names', labelsOrTypes: ['Unit'], properties: ['name', 'shortName', 'nameEn'] },
      ]);
    });

    test('a database loaded before the version node existed gets its data version at init', async () => {
      const { seed, second } = fixtures;
      await store.loadDocuments([{ document: seed.parsed, units: seed.units }, { document: second.parsed, units: second.units }]);
      const version = await store.dataVersion();
      expect(version).toMatch(/^[0-9a-f]{64}$/);
      await cypher("MATCH (v:GraphVersion {id: 'graph'}) DELETE v");
      expect(await store.dataVersion()).toBe('');
      await store.init();
      expect(await store.dataVersion()).toBe(version);
      expect(await cypher('MATCH (v:GraphVersion) RETURN count(v) AS versions')).toEqual([{ versions: 1 }]);
    });

    test('a database loaded before the document counts were stored gets them at init', async () => {
      const { seed, second } = fixtures;
      await store.loadDocuments([{ document: seed.parsed, units: seed.units }, { document: second.parsed, units: second.units }]);
      const listed = await store.listDocuments();
      expect(Object.fromEntries(listed.map(({ id, items }) => [id, items]))).toEqual({
        [seed.parsed.document.id]: seed.parsed.items.length,
        [second.parsed.document.id]: second.parsed.items.length,
      });
      await cypher('MATCH (d:Document) REMOVE d.sectionCount, d.itemCount, d.responsibilityCount');
      expect(await cypher('MATCH (d:Document) WHERE d.itemCount IS NOT NULL RETURN d.id AS id')).toEqual([]);
      await store.init();
      expect(await store.listDocuments()).toEqual(listed);
    });

    test('an auditor can walk from a LEADS edge back to the words in the source', async () => {
      const { seed } = fixtures;
      await store.loadDocument(seed.parsed, seed.units);
      const [row] = await cypher(
        `MATCH (u:Unit)-[r:LEADS]->(i:Item {label: '（十二）'})-[:IN_SECTION]->(:Section)-[:PART_OF]->(d:Document)
         RETURN labels(u) AS labels, u.name AS unit, r.nameAsWritten AS nameAsWritten, r.inferred AS inferred,
                r.start AS start, r.end AS end, r.documentId AS documentId, d.sha256 AS sha256`,
      );
      expect(row).toMatchObject({ nameAsWritten: '省政务服务数据管理局', inferred: false, documentId: seed.parsed.document.id });
      expect(row?.labels).toEqual(expect.arrayContaining(['Unit', 'Department']));
      expect(seed.source.slice(row?.start as number, row?.end as number).replace(/\s/g, '')).toBe('省政务服务数据管理局');
      expect(row?.sha256).toBe(seed.parsed.document.sha256);
    });

    test('jurisdictions are unique by code, units and documents are OF theirs, and the chain runs WITHIN up to national', async () => {
      const constraints = await cypher('SHOW CONSTRAINTS YIELD labelsOrTypes, properties RETURN labelsOrTypes[0] AS label, properties[0] AS property');
      expect(constraints).toContainEqual({ label: 'Jurisdiction', property: 'code' });
      const { foshan } = fixtures.plans;
      await store.loadDocument(foshan.parsed, foshan.units);
      const chain = await cypher(
        `MATCH (:Document {id: $id})-[:OF]->(j:Jurisdiction)-[:WITHIN*0..]->(up:Jurisdiction)
         RETURN up.code AS code, up.level AS level ORDER BY code DESC`,
        { id: foshan.parsed.document.id },
      );
      expect(chain).toEqual([
        { code: '440600', level: 'prefecture' },
        { code: '440000', level: 'province' },
        { code: '100000', level: 'national' },
      ]);
      const unitsOf = await cypher('MATCH (u:Unit)-[:OF]->(j:Jurisdiction) RETURN u.id AS unit, j.code AS code ORDER BY unit');
      const named = unitIdsOf(foshan.parsed);
      expect(unitsOf).toEqual(
        foshan.units
          .filter((unit) => named.has(unit.id) && unit.jurisdiction !== '000000')
          .map((unit) => ({ unit: unit.id, code: unit.jurisdiction }))
          .sort((a, b) => (a.unit < b.unit ? -1 : 1)),
      );
    });

    test('the README’s Cypher gives every finance bureau’s load, by city', async () => {
      const { foshan, shenzhen, stateCouncil } = fixtures.plans;
      await store.loadDocuments([foshan, shenzhen, stateCouncil, fixtures.seed].map(({ parsed, units }) => ({ document: parsed, units })));
      const rows = await cypher(FINANCE_BY_CITY);
      const expected = [foshan, shenzhen].map(({ parsed, units }) => {
        const bureau = units.find((unit) => unit.function === 'finance' && unit.level === 'prefecture')!;
        const held = (role: string) => parsed.items.filter((item) => item.assignments.some((a) => a.unitId === bureau.id && a.role === role)).length;
        const [lead, co, implement, other] = [held('lead'), held('co'), held('implement'), held('support') + held('guide')];
        return { city: parsed.document.jurisdiction?.name, bureau: bureau.name, lead, co, implement, other, weightedLoad: 3 * lead + co + implement + 0.5 * other };
      });
      expect(rows).toEqual(expect.arrayContaining(expected));
      expect(rows).toHaveLength(2);
    });

    test('"all work touching Shenzhen" is one query: clause roles of its government and body mentions, kept apart', async () => {
      const { seed } = fixtures;
      await store.loadDocument(seed.parsed, seed.units);
      const rows = await cypher(TOUCHING_PLACE, { code: '440300' });
      const labelsOf = (how: string) => rows.filter((row) => row.how === how).map((row) => row.label);
      const named = seed.parsed.items.filter((item) => item.assignments.some((a) => seed.units.find((u) => u.id === a.unitId)?.jurisdiction === '440300' && a.role === 'implement'));
      const mentioned = seed.parsed.items.filter((item) => item.places.some((place) => place.code === '440300'));
      expect(named.length).toBeGreaterThan(0);
      expect(labelsOf('IMPLEMENTS')).toEqual(named.map((item) => item.label));
      expect(labelsOf('CONCERNS')).toEqual(mentioned.map((item) => item.label));
      expect(labelsOf('CONCERNS')).toEqual(expect.arrayContaining(['（二）', '（二十）', '（二十七）']));
      // A place is the :Jurisdiction node itself, WITHIN its province; a region INCLUDES its members.
      expect(await cypher("MATCH (p:Place:Jurisdiction {code: '440402'})-[:WITHIN]->(c:Jurisdiction)-[:WITHIN]->(g:Jurisdiction) RETURN p.name AS place, c.name AS city, g.name AS province")).toEqual([
        { place: '香洲区', city: '珠海市', province: '广东省' },
      ]);
      const members = await cypher("MATCH (:Region {code: 'R-GBA'})-[:INCLUDES]->(j:Jurisdiction) RETURN j.code AS code ORDER BY code");
      expect(members.map((row) => row.code)).toEqual(['440100', '440300', '440400', '440600', '440700', '441200', '441300', '441900', '442000', '810000', '820000']);
    });

    test('deadlines and targets sit on the item, queryable by date and by their absence', async () => {
      const [guangzhou] = loadCommitmentPlans(fixtures.registry);
      await store.loadDocument(guangzhou!.parsed, guangzhou!.units);
      const dueFirstHalf = await cypher(
        "MATCH (i:Item {documentId: $id}) WHERE ANY(d IN i.deadlineDates WHERE d <= '2024-06-30') RETURN i.label AS label ORDER BY i.position",
        { id: guangzhou!.parsed.document.id },
      );
      expect(dueFirstHalf.map((row) => row.label)).toEqual(
        guangzhou!.parsed.items.filter((item) => item.deadlines.some((d) => d.date !== null && d.date <= '2024-06-30')).map((item) => item.label),
      );
      expect(await cypher('MATCH (i:Item) WHERE NOT i.hasTarget AND size(i.deadlineDates) = 0 RETURN count(i) AS n')).toEqual([{ n: 0 }]);
    });

    test('items of a document without sections are PART_OF the document directly', async () => {
      const { handmade } = fixtures;
      await store.loadDocument(handmade.parsed, handmade.units);
      const rows = await cypher('MATCH (i:Item)-[:PART_OF]->(d:Document) RETURN d.id AS document, count(i) AS items');
      expect(rows).toEqual([{ document: handmade.parsed.document.id, items: handmade.parsed.items.length }]);
      expect(await cypher('MATCH (i:Item)-[:IN_SECTION]->() RETURN i')).toEqual([]);
    });

    test('a document larger than one batch loads whole, and a failure in its last batch leaves nothing', async () => {
      const big = syntheticDocument('big-plan', 1_500);
      await store.loadDocument(big.parsed, big.units);
      const [counts] = await cypher('MATCH (i:Item {documentId: $id}) RETURN count(i) AS items, COUNT { ()-[:LEADS]->(:Item {documentId: $id}) } AS leads', { id: 'big-plan' });
      expect(counts).toEqual({ items: 1_500, leads: 1_500 });

      const before = await store.stats();
      const clash = syntheticDocument('clashing-plan', 1_500);
      clash.parsed.items[1_400]!.id = big.parsed.items[0]!.id;
      await expect(store.loadDocument(clash.parsed, clash.units)).rejects.toThrow(/already used by another document/);
      expect(await store.stats()).toEqual(before);
      expect(await cypher("MATCH (n) WHERE n.documentId = 'clashing-plan' OR n.id = 'clashing-plan' RETURN n")).toEqual([]);
    });

    test('concurrent loads of one document leave exactly one version', async () => {
      const { second } = fixtures;
      const results = await Promise.all([1, 2, 3].map(() => store.loadDocument(second.parsed, second.units)));
      expect(results.filter((result) => result.outcome === 'created')).toHaveLength(1);
      const stats = await store.stats();
      expect(stats.nodes.Item).toBe(second.parsed.items.length);
      expect(stats.nodes.Document).toBe(1);
    });
  });

  test('both stores give identical answers to the same calls', async () => {
    await wipe();
    const fixtures = loadFixtures();
    const stores: GraphStore[] = [new MemoryStore(), await openStore()];
    try {
      const answers = [];
      for (const store of stores) {
        const { seed, second, handmade, plans } = fixtures;
        for (const { parsed, units } of [seed, second, handmade, ...Object.values(plans)]) await store.loadDocument(parsed, units);
        await store.updateDocumentMetadata(plans.shenzhen.parsed.document.id, { year: 2022, issuer: null });
        answers.push(await probeAnswers(store, fixtures));
      }
      expect(answers[1]).toStrictEqual(answers[0]);
    } finally {
      await Promise.all(stores.map((store) => store.close()));
    }
  });
});

describeNeo4j('Neo4jStore when Neo4j stalls (connections open, no answers)', () => {
  const fixtures = loadFixtures();
  let proxy: StallingProxy;
  let store: Neo4jStore;
  beforeAll(async () => {
    const driver = openTestDriver();
    await wipeNeo4j(driver);
    await driver.close();
    proxy = await startStallingProxy(Number(new URL(neo4jConfigFromEnv()!.uri).port));
    store = new Neo4jStore({ ...neo4jConfigFromEnv()!, uri: `bolt://127.0.0.1:${proxy.port}`, readDeadlineMs: { lookup: 1_500, snapshot: 3_000 } });
    await store.init();
    await store.loadDocument(fixtures.seed.parsed, fixtures.seed.units);
  });
  afterAll(async () => {
    proxy.resume();
    await store.close();
    await proxy.close();
  });

  test('reads give up at their deadline with StoreUnavailableError, and work again once it answers', async () => {
    const item = fixtures.seed.parsed.items[0]!.id;
    expect((await store.getItem(item))?.item.id).toBe(item);
    proxy.stall();
    const started = Date.now();
    await expect(store.getItem(item)).rejects.toThrow(/unavailable: no answer within 1500 ms/);
    await expect(store.snapshot()).rejects.toThrow(/unavailable: no answer within 3000 ms/);
    // Both deadlines, not the minutes TCP takes to give up on a silent peer.
    expect(Date.now() - started).toBeLessThan(10_000);
    proxy.resume();
    expect((await store.getItem(item))?.item.id).toBe(item);
  }, 60_000);
});

describe('Neo4jStore when Neo4j cannot be reached', () => {
  test('fails fast with StoreUnavailableError naming the URI and the cause', async () => {
    const store = new Neo4jStore({ uri: 'bolt://127.0.0.1:9' });
    try {
      const attempt = store.listDocuments();
      await expect(attempt).rejects.toThrow(StoreUnavailableError);
      await expect(attempt).rejects.toThrow(/bolt:\/\/127\.0\.0\.1:9 is unavailable: .*ECONNREFUSED/);
    } finally {
      await store.close();
    }
  }, 15_000);
});
