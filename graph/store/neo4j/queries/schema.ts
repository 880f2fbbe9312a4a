/** Constraints and indexes, and the liveness probe. */
import type { ManagedTransaction } from 'neo4j-driver';
import type { SingleStatementRunner } from './fragments';

const SCHEMA = [
  'CREATE CONSTRAINT document_id IF NOT EXISTS FOR (d:Document) REQUIRE d.id IS UNIQUE',
  'CREATE CONSTRAINT section_id IF NOT EXISTS FOR (s:Section) REQUIRE s.id IS UNIQUE',
  'CREATE CONSTRAINT item_id IF NOT EXISTS FOR (i:Item) REQUIRE i.id IS UNIQUE',
  'CREATE CONSTRAINT unit_id IF NOT EXISTS FOR (u:Unit) REQUIRE u.id IS UNIQUE',
  'CREATE CONSTRAINT jurisdiction_code IF NOT EXISTS FOR (j:Jurisdiction) REQUIRE j.code IS UNIQUE',
  'CREATE CONSTRAINT place_code IF NOT EXISTS FOR (p:Place) REQUIRE p.code IS UNIQUE',
  'CREATE CONSTRAINT graph_version_id IF NOT EXISTS FOR (v:GraphVersion) REQUIRE v.id IS UNIQUE',
  'CREATE CONSTRAINT saved_view_id IF NOT EXISTS FOR (v:SavedView) REQUIRE v.id IS UNIQUE',
  'CREATE CONSTRAINT community_memory_id IF NOT EXISTS FOR (m:CommunityMemory) REQUIRE m.id IS UNIQUE',
  'CREATE INDEX item_document IF NOT EXISTS FOR (i:Item) ON (i.documentId)',
  'CREATE INDEX section_document IF NOT EXISTS FOR (s:Section) ON (s.documentId)',
  // The CJK analyzer indexes Chinese as overlapping bigrams, so 数据要素 finds what a reader expects. Eventually
  // consistent: Lucene indexing every item text inside the commit was a third of a bulk load's time, and these
  // indexes serve people querying Neo4j directly (the product's own search does not use them).
  "CREATE FULLTEXT INDEX item_text IF NOT EXISTS FOR (i:Item) ON EACH [i.title, i.text] OPTIONS {indexConfig: {`fulltext.analyzer`: 'cjk', `fulltext.eventually_consistent`: true}}",
  "CREATE FULLTEXT INDEX unit_names IF NOT EXISTS FOR (u:Unit) ON EACH [u.name, u.shortName, u.nameEn] OPTIONS {indexConfig: {`fulltext.analyzer`: 'cjk', `fulltext.eventually_consistent`: true}}",
];

/** Each schema statement in its own transaction: Neo4j does not mix schema changes. */
export const schemaStatements = (): Array<(tx: ManagedTransaction) => Promise<void>> =>
  SCHEMA.map((statement) => async (tx: ManagedTransaction) => {
    await tx.run(statement);
  });

export async function ping(tx: SingleStatementRunner): Promise<void> {
  await tx.run('RETURN 1');
}
