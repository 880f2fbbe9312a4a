import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';

export interface UrlUpdateOptions {
  /** Replace the current history entry instead of pushing one. */
  replace?: boolean;
  /**
   * For values typed or dragged: a change to the same field within TYPING_PAUSE_MS of the last
   * replaces the entry that change pushed, so Back undoes the whole edit, not one keystroke.
   */
  typing?: string;
}

export const TYPING_PAUSE_MS = 1000;
let lastTyping: { field: string; at: number } | null = null;

function replacesEntry(options: UrlUpdateOptions): boolean {
  if (options.replace) return true;
  if (options.typing === undefined) {
    lastTyping = null;
    return false;
  }
  const now = Date.now();
  const continuing = lastTyping?.field === options.typing && now - lastTyping.at < TYPING_PAUSE_MS;
  lastTyping = { field: options.typing, at: now };
  return continuing;
}

/**
 * A view's state lives in the query string, so any view can be shared as a link. Values are
 * strings (lists comma-joined by the caller); a value equal to its default is left out of the URL.
 * A change pushes a history entry, so Back undoes it.
 */
export function useUrlState<S extends Record<string, string>>(
  defaults: S,
): [S, (patch: Partial<S>, options?: UrlUpdateOptions) => void] {
  const [searchParams, setSearchParams] = useSearchParams();

  const state = useMemo(() => {
    const current = { ...defaults };
    for (const key of Object.keys(defaults) as (keyof S & string)[]) {
      const value = searchParams.get(key);
      if (value !== null) current[key] = value as S[typeof key];
    }
    return current;
    // defaults are literals at each call site; their identity must not re-trigger parsing.
  }, [searchParams]);

  const update = useCallback(
    (patch: Partial<S>, options: UrlUpdateOptions = {}) =>
      setSearchParams(
        (previous) => {
          const next = new URLSearchParams(previous);
          for (const [key, value] of Object.entries(patch)) {
            if (value === undefined || value === '' || value === defaults[key]) next.delete(key);
            else next.set(key, value);
          }
          return next;
        },
        { replace: replacesEntry(options) },
      ),
    [setSearchParams],
  );

  return [state, update];
}

export const splitList = (value: string): string[] => (value ? value.split(',').filter(Boolean) : []);
