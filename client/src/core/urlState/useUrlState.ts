import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';

/**
 * A view's state lives in the query string, so any view can be shared as a link. Values are
 * strings (lists comma-joined by the caller); a value equal to its default is left out of the URL.
 */
export function useUrlState<S extends Record<string, string>>(defaults: S): [S, (patch: Partial<S>) => void] {
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
    (patch: Partial<S>) =>
      setSearchParams(
        (previous) => {
          const next = new URLSearchParams(previous);
          for (const [key, value] of Object.entries(patch)) {
            if (value === undefined || value === '' || value === defaults[key]) next.delete(key);
            else next.set(key, value);
          }
          return next;
        },
        { replace: true },
      ),
    [setSearchParams],
  );

  return [state, update];
}

export const splitList = (value: string): string[] => (value ? value.split(',').filter(Boolean) : []);
