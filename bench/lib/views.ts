/**
 * The requests each view of the explorer sends when a reader opens it with the default scope, as the
 * pages in client/src/views ask them (useApi calls; ScopeProvider's `/documents` on every view). The
 * issue's bar is the reader's: no view shows a spinner for longer than 1 s at full scale, so the bench
 * times each view as the browser loads it (its requests at once, the view ready when the last answers).
 * Written out here rather than imported: the client's modules are built for the browser (tsconfig
 * excludes client/), and the list is short; keep it in step with the pages.
 */
import { defaultJurisdiction } from '../../graph/jurisdiction/defaultScope';

export type QueryParams = Record<string, string | undefined>;

export interface ViewRequests {
  view: string;
  paths: string[];
}

/** What the views need to know of the loaded corpus to ask what the explorer asks. */
export interface ViewContext {
  /** The default scope's parameters (client/src/core/scope/scope.ts: the jurisdiction with the most plans, its own plans only). */
  scope: QueryParams;
  /** The unit with the most items in scope (the heaviest unit page), an item, two plans of one jurisdiction. */
  unitId: string;
  itemId: string;
  comparePair: [string, string];
  /** Today, as the timeline and due-this-quarter views send it. */
  today: string;
}

/** `/api<path>?<params>`, leaving empty values out as client/src/core/api/http.ts `buildQuery` does. */
export function apiPath(path: string, params: QueryParams = {}): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value !== undefined && value !== '') search.set(key, value);
  const query = search.toString();
  return `/api${path}${query ? `?${query}` : ''}`;
}

export function explorerViews({ scope, unitId, itemId, comparePair, today }: ViewContext): ViewRequests[] {
  const documents = apiPath('/documents');
  const view = (name: string, ...paths: string[]): ViewRequests => ({ view: name, paths: [documents, ...paths] });
  return [
    view('Documents'),
    view('Workload', apiPath('/workload', { ...scope, limit: '30' }), apiPath('/deadlines/due', { ...scope, today })),
    // The first page of each list, as the pages ask (client/src/views: GAPS_PER_PAGE and the like).
    view('Gaps', apiPath('/gaps', { ...scope, limit: '50', offset: '0' }), apiPath('/commitments/unmeasured', { ...scope, limit: '50', offset: '0' })),
    view('Network', apiPath('/network', { mode: 'coordination', ...scope, limit: '2000' }), apiPath('/views')),
    view('Research', apiPath('/metrics', scope), apiPath('/communities', scope)),
    view('Units', apiPath('/units', scope)),
    view('Unit page (the unit with the most items)', apiPath(`/units/${encodeURIComponent(unitId)}`, { limit: '50', offset: '0' })),
    view('Timeline', apiPath('/units', scope), apiPath('/timeline', { ...scope, today, limit: '5', offset: '0' })),
    view('Places', apiPath('/places', scope)),
    view('Items search', apiPath('/items', { ...scope, page: '1', pageSize: '20' })),
    view('Item page', apiPath(`/items/${encodeURIComponent(itemId)}`)),
    view('Compare (two plans, lineage)', apiPath('/compare', { old: comparePair[0], new: comparePair[1] }), apiPath('/compare/lineage', { document: comparePair.join(',') })),
  ];
}

interface DocumentSummary {
  id: string;
  jurisdiction?: { code: string } | null;
}

/** The default scope as the explorer resolves it (graph/jurisdiction/defaultScope.ts): that jurisdiction's own plans only. */
export function defaultScope(documents: DocumentSummary[]): { scope: QueryParams; inScope: DocumentSummary[] } {
  const code = defaultJurisdiction(documents)?.jurisdiction.code;
  if (code === undefined) return { scope: {}, inScope: documents };
  return { scope: { jurisdiction: code, includeWithin: 'false' }, inScope: documents.filter((document) => document.jurisdiction?.code === code) };
}
