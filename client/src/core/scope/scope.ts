/**
 * The scope: which plans every view shows. Its parts (several documents, a jurisdiction with or
 * without the places within it, a range of years) live in the URL, so a scoped view can be shared.
 * When plans of several jurisdictions are loaded and the reader has chosen nothing, the explorer
 * does not add them together: it shows the jurisdiction with the most plans, its own plans only,
 * and says so (`isDefault`).
 */
import { defaultJurisdiction, jurisdictionsOf, type JurisdictionPlans as PlansOf } from '../../../../graph/jurisdiction/defaultScope';
import type { DocumentListResponse, QueryParams } from '../api';

export type DocumentSummary = DocumentListResponse['documents'][number];
export type Jurisdiction = NonNullable<DocumentSummary['jurisdiction']>;
export type JurisdictionPlans = PlansOf<Jurisdiction>;
export { defaultJurisdiction, jurisdictionsOf };

/** The scope as the URL holds it: strings, '' when unset (a type, not an interface, so it is a string record). */
export type ScopeValues = {
  /** A GB/T 2260 code, `all` (the reader chose every jurisdiction), or '' (the default applies). */
  jurisdiction: string;
  /** `false`: the jurisdiction's own plans only; otherwise the places within it too. */
  within: string;
  yearFrom: string;
  yearTo: string;
  /** Document ids, comma-separated. */
  document: string;
};

export const SCOPE_DEFAULTS: ScopeValues = { jurisdiction: '', within: '', yearFrom: '', yearTo: '', document: '' };
export const SCOPE_KEYS = Object.keys(SCOPE_DEFAULTS) as (keyof ScopeValues)[];
export const ALL_JURISDICTIONS = 'all';

export interface ResolvedScope {
  /** The API's scope parameters (graph/api/params.ts ScopeParams). */
  params: QueryParams;
  /** The jurisdiction in view (its name when a loaded plan names it), null for every jurisdiction. */
  jurisdiction: { code: string; name: string } | null;
  includeWithin: boolean;
  /** The jurisdiction was chosen by the default rule, not by the reader. */
  isDefault: boolean;
  documents: string[];
  yearFrom: number | null;
  yearTo: number | null;
}

const yearOf = (text: string): number | null => (/^\d{4}$/.test(text) ? Number(text) : null);

/** What the scope values mean, given the loaded plans. */
export function resolveScope(values: ScopeValues, documents: DocumentSummary[]): ResolvedScope {
  const chosen = values.document.split(',').filter(Boolean);
  const yearFrom = yearOf(values.yearFrom);
  const yearTo = yearOf(values.yearTo);
  const fallback = values.jurisdiction === '' && chosen.length === 0 ? defaultJurisdiction(documents) : null;
  const code = fallback?.jurisdiction.code ?? (/^\d{6}(\d{3})?$/.test(values.jurisdiction) ? values.jurisdiction : null);
  // The default shows one jurisdiction's own plans: with the places within, national would swallow every province.
  const includeWithin = fallback ? false : values.within !== 'false';
  const name = code === null ? null : (jurisdictionsOf(documents).find((entry) => entry.jurisdiction.code === code)?.jurisdiction.name ?? code);
  return {
    params: {
      document: chosen,
      jurisdiction: code,
      includeWithin: code !== null && !includeWithin ? false : undefined,
      yearFrom,
      yearTo,
    },
    jurisdiction: code === null || name === null ? null : { code, name },
    includeWithin,
    isDefault: fallback !== null,
    documents: chosen,
    yearFrom,
    yearTo,
  };
}

/** The years the loaded plans are for, ascending. */
export const yearsOf = (documents: DocumentSummary[]): number[] =>
  [...new Set(documents.flatMap((document) => (document.year === undefined ? [] : [document.year])))].sort((a, b) => a - b);
