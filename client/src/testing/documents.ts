import type { DocumentListResponse } from '../core/api';

type DocumentSummary = DocumentListResponse['documents'][number];
export type Jurisdiction = NonNullable<DocumentSummary['jurisdiction']>;

export const FOSHAN: Jurisdiction = { code: '440600', name: '佛山市', level: 'prefecture' };
export const SHENZHEN: Jurisdiction = { code: '440300', name: '深圳市', level: 'prefecture' };
export const NATIONAL: Jurisdiction = { code: '100000', name: '全国', level: 'national' };

/** A loaded plan as `GET /api/documents` lists it, titled after its jurisdiction unless told otherwise. */
export const plan = (id: string, jurisdiction?: Jurisdiction, year?: number, title = `${jurisdiction?.name ?? id}工作要点`): DocumentSummary => ({
  id,
  title,
  firstListedLeads: false,
  sha256: '0'.repeat(64),
  source: `${id}.txt`,
  sections: 1,
  items: 2,
  responsibilities: 3,
  ...(jurisdiction ? { jurisdiction } : {}),
  ...(year === undefined ? {} : { year }),
});
