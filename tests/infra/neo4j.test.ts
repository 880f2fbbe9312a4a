/**
 * The real Neo4j of this run: it answers over Bolt, is the pinned 5.26 line, keeps what is written, is emptied
 * by wipeNeo4j, and start is idempotent. Under CI=true this suite must run (describeNeo4j throws otherwise).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Driver } from 'neo4j-driver';
import { startNeo4j } from '../../scripts/neo4j/server';
import { MANAGED_PORT_VARIABLE } from '../support/neo4jEnvironment';
import { describeNeo4j, neo4jDatabase, neo4jUri, openTestDriver, wipeNeo4j } from '../support/neo4j';

// Our own server (started by the global setup), as opposed to an external NEO4J_URI that is not ours to manage.
const managedPort = process.env[MANAGED_PORT_VARIABLE];
const itOnOwnServer = managedPort ? it : it.skip;

describeNeo4j('real Neo4j for tests', () => {
  let driver: Driver;
  const database = neo4jDatabase();

  beforeAll(() => {
    driver = openTestDriver();
  });
  afterAll(async () => {
    await driver.close();
  });

  it('answers RETURN 1 over Bolt', async () => {
    const { records } = await driver.executeQuery('RETURN 1 AS one', {}, { database });
    expect(records[0]?.get('one').toNumber()).toBe(1);
  });

  async function kernelVersion(): Promise<string> {
    const { records } = await driver.executeQuery("CALL dbms.components() YIELD name, versions WHERE name = 'Neo4j Kernel' RETURN versions[0] AS version", {}, { database });
    return records[0]?.get('version');
  }

  it('is the Neo4j 5.26 LTS line', async () => {
    expect(await kernelVersion()).toMatch(/^5\.26\.\d+$/);
  });

  itOnOwnServer('runs exactly the version pinned in scripts/neo4j/pom.xml', async () => {
    const pom = fs.readFileSync(path.join(__dirname, '../../scripts/neo4j/pom.xml'), 'utf8');
    const pinned = /<neo4j\.version>([^<]+)<\/neo4j\.version>/.exec(pom)?.[1];
    expect(await kernelVersion()).toBe(pinned);
  });

  it('reads back what it wrote, Chinese text and parameters intact, and wipeNeo4j empties it', async () => {
    await wipeNeo4j(driver);
    const name = '省政务服务数据管理局';
    await driver.executeQuery('CREATE (:Unit {id: $id, name: $name})-[:LEADS {inferred: false}]->(:Item {id: $item})', { id: 'u1', name, item: 'i1' }, { database });
    const { records } = await driver.executeQuery(
      'MATCH (u:Unit {id: $id})-[r:LEADS]->(i:Item) RETURN u.name AS name, r.inferred AS inferred, i.id AS item',
      { id: 'u1' },
      { database },
    );
    expect(records.map((r) => r.toObject())).toEqual([{ name, inferred: false, item: 'i1' }]);

    await driver.executeQuery('CREATE CONSTRAINT infra_test_unit_id IF NOT EXISTS FOR (u:Unit) REQUIRE u.id IS UNIQUE', {}, { database });
    await wipeNeo4j(driver, { dropSchema: true });
    const count = await driver.executeQuery('MATCH (n) RETURN count(n) AS n', {}, { database });
    expect(count.records[0]?.get('n').toNumber()).toBe(0);
    const constraints = await driver.executeQuery('SHOW CONSTRAINTS YIELD name RETURN name', {}, { database });
    expect(constraints.records.map((r) => r.get('name'))).not.toContain('infra_test_unit_id');
  });

  itOnOwnServer('start on the port of a running server finds it instead of starting another', async () => {
    const again = await startNeo4j({ port: Number(managedPort) });
    expect(again).toMatchObject({ uri: neo4jUri(), alreadyRunning: true });
  });
});
