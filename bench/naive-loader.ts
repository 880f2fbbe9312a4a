/**
 * BASELINE ONLY, not for use: the naive way to write responsibilities into Neo4j, one MERGE
 * statement per node and per edge, each in its own transaction. The load bench measures the
 * store's batched loader against it in the same run.
 */
import neo4j from 'neo4j-driver';
import { type ParsedDocument } from '../graph/model';
import { ROLE_RELATIONSHIP } from '../graph/store/neo4j/vocabulary';

export async function naiveLoad(uri: string, documents: ParsedDocument[]): Promise<{ edges: number }> {
  const driver = neo4j.driver(uri);
  const session = driver.session();
  let edges = 0;
  const merge = (query: string, params: Record<string, unknown>) => session.executeWrite((tx) => tx.run(query, params));
  try {
    for (const { document, items } of documents) {
      await merge('MERGE (d:Document {id: $id}) SET d.title = $title, d.sha256 = $sha256', document);
      for (const item of items) {
        await merge('MERGE (i:Item {id: $id}) SET i.no = $no, i.label = $label, i.title = $title, i.text = $text, i.documentId = $documentId', {
          ...item,
          documentId: document.id,
        });
        for (const a of item.assignments) {
          await merge('MERGE (u:Unit {id: $unitId}) SET u.name = $nameAsWritten', a);
          await merge(
            `MATCH (u:Unit {id: $unitId}), (i:Item {id: $itemId})
             MERGE (u)-[r:${ROLE_RELATIONSHIP[a.role]}]->(i)
             SET r.nameAsWritten = $nameAsWritten, r.inferred = $inferred, r.start = $start, r.end = $end, r.documentId = $documentId`,
            { ...a, itemId: item.id, documentId: document.id },
          );
          edges++;
        }
      }
    }
  } finally {
    await session.close();
    await driver.close();
  }
  return { edges };
}
