import { Neo4jStore, neo4jConfigFromEnv } from '../../graph/store';
import { describeNeo4j, openTestDriver, wipeNeo4j } from '../support/neo4j';
import { runApiSuite } from './suite';

describeNeo4j('HTTP API on Neo4j', () => {
  runApiSuite(async () => {
    const config = neo4jConfigFromEnv();
    if (!config) throw new Error('NEO4J_URI is not set: the jest global set-up starts Neo4j');
    const store = new Neo4jStore(config);
    await store.init();
    return {
      store,
      reset: async () => {
        const driver = openTestDriver();
        try {
          await wipeNeo4j(driver);
        } finally {
          await driver.close();
        }
      },
      close: () => store.close(),
    };
  });
});
