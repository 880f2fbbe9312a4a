/** Property maps from Cypher results → the store's records. */
import { DocumentMetaSchema, UnitSchema, type DocumentMeta, type Unit } from '../../../model';
import type { ItemRecord, ResponsibilityRecord, SectionRecord } from '../../records';
import type { Owned } from '../../results';
import { ROLE_OF_RELATIONSHIP } from '../../vocabulary';
import type { Properties } from './fragments';

/** A :Document's properties with its jurisdiction, as DOCUMENT_OF_D projects them (its stored counts are not metadata). */
export function documentFrom({
  jurisdiction,
  metadataEdit: _metadataEdit,
  sectionCount: _sectionCount,
  itemCount: _itemCount,
  responsibilityCount: _responsibilityCount,
  ...properties
}: Properties): DocumentMeta {
  return DocumentMetaSchema.parse({ ...properties, ...(jurisdiction ? { jurisdiction } : {}) });
}
export const unitFrom = (properties: Properties): Unit => UnitSchema.parse(properties);

export function sectionFrom(properties: Properties): SectionRecord {
  const { id, documentId, no, label, title } = properties as SectionRecord;
  return { id, documentId, no, label, title };
}

export function itemFrom(p: Properties): ItemRecord {
  const text = (key: string) => p[key] as string;
  const number = (key: string) => p[key] as number;
  return {
    id: text('id'),
    documentId: text('documentId'),
    position: number('position'),
    no: number('no'),
    label: text('label'),
    section: (p.section as number | undefined) ?? null,
    sectionId: (p.sectionId as string | undefined) ?? null,
    ...(p.parent === undefined ? {} : { parent: text('parent') }),
    title: text('title'),
    text: text('text'),
    start: number('start'),
    end: number('end'),
    clause:
      p.clauseText === undefined
        ? null
        : {
            text: text('clauseText'),
            start: number('clauseStart'),
            end: number('clauseEnd'),
            textStart: number('clauseTextStart'),
            textEnd: number('clauseTextEnd'),
          },
  };
}

export interface EdgeRow {
  type: string;
  edge: Properties;
  itemId: string;
  position: number;
}

export function edgeFrom({ type, edge, itemId, position }: EdgeRow, unitId: string): ResponsibilityRecord {
  const role = ROLE_OF_RELATIONSHIP[type];
  if (!role) throw new Error(`neo4j store: ${type} is not a responsibility type`);
  return {
    itemId,
    unitId,
    role,
    inferred: edge.inferred as boolean,
    nameAsWritten: edge.nameAsWritten as string,
    start: edge.start as number,
    end: edge.end as number,
    documentId: edge.documentId as string,
    position,
  };
}

export function ownedFrom(rows: Array<EdgeRow & { unit: Properties }>): Owned[] {
  return rows.map((row) => {
    const unit = unitFrom(row.unit);
    return { edge: edgeFrom(row, unit.id), unit };
  });
}
