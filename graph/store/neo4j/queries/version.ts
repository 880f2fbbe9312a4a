/**
 * The data version: one (:GraphVersion {id: 'graph'}) node holding toggleDataVersion's digest.
 * Every write transaction locks it first, so concurrent writers queue instead of deadlocking, and
 * stages the new digest last, as pending (results.ts pendingDataVersion): a commit becomes visible
 * to readers piece by piece, so the digest is settled by a second transaction once the first is whole.
 */
import type { ManagedTransaction } from 'neo4j-driver';
import { isPendingDataVersion, pendingDataVersion, settledDataVersion, toggleDataVersion, versionEntry } from '../../results';
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

/**
 * Locks the version node for this transaction and returns the digest the data holds: a version left pending by a
 * writer that stopped before settling it counts as settled, since its commit, whose lock this one now holds, is whole.
 */
export async function lockDataVersion(tx: ManagedTransaction): Promise<string> {
  // The lock first (SET), then the read: Neo4j reads are read-committed, and only a value read under the lock is
  // sure to be the last one committed.
  const result = await tx.run(
    "MERGE (v:GraphVersion {id: 'graph'}) ON CREATE SET v.digest = '' SET v.writtenAt = datetime() RETURN v.digest AS digest",
  );
  return settledDataVersion(result.records[0]?.get('digest') as string);
}

/** The new digest, staged as pending in the writing transaction; settleDataVersion makes it the version. */
export async function stageDataVersion(tx: ManagedTransaction, digest: string): Promise<void> {
  await tx.run("MATCH (v:GraphVersion {id: 'graph'}) SET v.digest = $pending", { pending: pendingDataVersion(digest) });
}

/**
 * Settles a pending version, in a transaction of its own: it takes the node's lock, which a writer holds until
 * its commit is visible whole, so the digest is only ever seen settled with all of its data.
 */
export async function settleDataVersion(tx: ManagedTransaction): Promise<void> {
  const result = await tx.run("MATCH (v:GraphVersion {id: 'graph'}) SET v.settledAt = datetime() RETURN v.digest AS digest");
  const digest = result.records[0]?.get('digest') as string | undefined;
  if (digest === undefined || !isPendingDataVersion(digest)) return;
  await tx.run("MATCH (v:GraphVersion {id: 'graph'}) SET v.digest = $digest", { digest: settledDataVersion(digest) });
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
