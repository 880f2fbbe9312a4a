/**
 * The data version: one (:GraphVersion {id: 'graph'}) node holding toggleDataVersion's digest.
 * Every write transaction locks it first and updates it last, so readers see a version that
 * moves with the data in the same commit, and concurrent writers queue instead of deadlocking.
 */
import type { ManagedTransaction } from 'neo4j-driver';
import { toggleDataVersion, versionEntry } from '../../results';
import type { SingleStatementRunner } from './fragments';

/** Whether the database holds anything but the version node: a bulk import only fills an empty one. */
export async function holdsData(tx: SingleStatementRunner): Promise<boolean> {
  const result = await tx.run('RETURN EXISTS { MATCH (n) WHERE NOT n:GraphVersion } AS holds');
  return result.records[0]?.get('holds') === true;
}

export async function dataVersion(tx: SingleStatementRunner): Promise<string> {
  const result = await tx.run("MATCH (v:GraphVersion {id: 'graph'}) RETURN v.digest AS digest");
  return (result.records[0]?.get('digest') as string | undefined) ?? '';
}

export async function lockDataVersion(tx: ManagedTransaction): Promise<string> {
  const result = await tx.run(
    "MERGE (v:GraphVersion {id: 'graph'}) ON CREATE SET v.digest = '' SET v.writtenAt = datetime() RETURN v.digest AS digest",
  );
  return result.records[0]?.get('digest') as string;
}

export async function setDataVersion(tx: ManagedTransaction, digest: string): Promise<void> {
  await tx.run("MATCH (v:GraphVersion {id: 'graph'}) SET v.digest = $digest", { digest });
}

/** A database written before the version node existed gets one computed from its documents. */
export async function initDataVersion(tx: ManagedTransaction): Promise<void> {
  const found = await tx.run("MATCH (v:GraphVersion {id: 'graph'}) RETURN v.id");
  if (found.records.length > 0) return;
  const documents = await tx.run('MATCH (d:Document) RETURN d.id AS id, d.sha256 AS sha256, d.metadataEdit AS metadataEdit');
  const digest = documents.records.reduce(
    (version, record) => toggleDataVersion(version, versionEntry({ id: record.get('id'), sha256: record.get('sha256') }, record.get('metadataEdit'))),
    '',
  );
  await tx.run("MERGE (v:GraphVersion {id: 'graph'}) ON CREATE SET v.digest = $digest", { digest });
}
