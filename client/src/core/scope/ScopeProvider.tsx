import { createContext, useContext, useMemo, type ReactNode } from 'react';
import { useApi, type DocumentListResponse } from '../api';
import { useUrlState } from '../urlState/useUrlState';
import { resolveScope, SCOPE_DEFAULTS, SCOPE_KEYS, type DocumentSummary, type ResolvedScope, type ScopeValues } from './scope';

export interface ScopeContextValue {
  /** Every loaded plan (the scope's choices), empty while loading. */
  documents: DocumentSummary[];
  values: ScopeValues;
  scope: ResolvedScope;
  update: (patch: Partial<ScopeValues>) => void;
  /** Ask for the plans again (after an ingest, a deletion or a metadata correction). */
  reload: () => void;
}

const ScopeContext = createContext<ScopeContextValue | null>(null);

/** Holds the scope for every view: the loaded plans, asked once, and the scope values in the URL. */
export function ScopeProvider({ children }: { children: ReactNode }) {
  const loaded = useApi<DocumentListResponse>('/documents');
  const [values, update] = useUrlState<ScopeValues>(SCOPE_DEFAULTS);
  const documents = useMemo(() => loaded.data?.documents ?? [], [loaded.data]);
  const scope = useMemo(() => resolveScope(values, documents), [values, documents]);
  const value = useMemo(
    () => ({ documents, values, scope, update, reload: loaded.reload }),
    [documents, values, scope, update, loaded.reload],
  );
  return <ScopeContext.Provider value={value}>{children}</ScopeContext.Provider>;
}

export function useScope(): ScopeContextValue {
  const context = useContext(ScopeContext);
  if (!context) throw new Error('useScope needs a ScopeProvider above it');
  return context;
}

/** The scope's part of the current query string, for links that keep the scope (the main navigation). */
export function scopeSearch(values: ScopeValues): string {
  const search = new URLSearchParams();
  for (const key of SCOPE_KEYS) if (values[key]) search.set(key, values[key]);
  const text = search.toString();
  return text ? `?${text}` : '';
}
