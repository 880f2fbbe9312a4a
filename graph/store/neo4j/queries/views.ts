/**
 * Explorer state: saved views and the community memory, outside the graph (no edges, not in the
 * data version). Their nested maps are stored as JSON strings, since Neo4j properties are flat.
 */
import type { ManagedTransaction } from 'neo4j-driver';

export interface SavedViewRow {
  id: string;
  name: string;
  description: string;
  page: string;
  createdAt: string;
  parameters: string;
  positions?: string;
}

/** False when a view with this id exists already (it is left as it was). */
export async function createView(tx: ManagedTransaction, params: { view: SavedViewRow }): Promise<boolean> {
  const result = await tx.run(
    `OPTIONAL MATCH (existing:SavedView {id: $view.id})
     WITH existing WHERE existing IS NULL
     CREATE (v:SavedView) SET v = $view
     RETURN count(v) AS created`,
    params,
  );
  return Number(result.records[0]?.get('created') ?? 0) > 0;
}

export async function listViews(tx: ManagedTransaction): Promise<SavedViewRow[]> {
  const result = await tx.run('MATCH (v:SavedView) RETURN v {.id, .name, .description, .page, .createdAt, .parameters} AS view');
  return result.records.map((record) => record.get('view') as SavedViewRow);
}

export async function getView(tx: ManagedTransaction, params: { id: string }): Promise<SavedViewRow | null> {
  const result = await tx.run('MATCH (v:SavedView {id: $id}) RETURN v {.*} AS view', params);
  return (result.records[0]?.get('view') as SavedViewRow | undefined) ?? null;
}

export async function deleteView(tx: ManagedTransaction, params: { id: string }): Promise<boolean> {
  const result = await tx.run('MATCH (v:SavedView {id: $id}) DELETE v RETURN count(*) AS deleted', params);
  return Number(result.records[0]?.get('deleted') ?? 0) > 0;
}

export async function communityMemory(tx: ManagedTransaction): Promise<string | null> {
  const result = await tx.run("MATCH (m:CommunityMemory {id: 'default'}) RETURN m.assignment AS assignment");
  return (result.records[0]?.get('assignment') as string | undefined) ?? null;
}

export async function rememberCommunities(tx: ManagedTransaction, params: { assignment: string }): Promise<void> {
  await tx.run("MERGE (m:CommunityMemory {id: 'default'}) SET m.assignment = $assignment", params);
}
