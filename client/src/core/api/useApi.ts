import { useCallback, useEffect, useState } from 'react';
import { ApiError, buildQuery, requestJson, type QueryParams } from './http';

export type ApiState<T> =
  | { status: 'loading'; data?: T }
  | { status: 'error'; error: ApiError; data?: T }
  | { status: 'ready'; data: T };

/** How long to wait before asking again for an answer the server marked stale (it is computing the new one). */
export const STALE_RETRY_MS = 1_000;

/** An analytics answer the server is recomputing: it carries `stale: true` until the new one is complete. */
export const isStale = (data: unknown): boolean => typeof data === 'object' && data !== null && (data as { stale?: unknown }).stale === true;

/**
 * Fetches `path` whenever it or its parameters change, aborting the previous request so a slow
 * answer can never overwrite a newer one. `path = null` waits (nothing to ask yet). A stale analytics
 * answer is shown as it is and asked for again until the fresh one arrives.
 */
export function useApi<T>(path: string | null, params?: QueryParams): ApiState<T> & { reload: () => void } {
  const key = path === null ? null : path + buildQuery(params);
  const [state, setState] = useState<ApiState<T>>({ status: 'loading' });
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    if (key === null || path === null) return;
    const controller = new AbortController();
    setState((previous) => ({ status: 'loading', data: previous.data }));
    requestJson<T>(path, { params, signal: controller.signal }).then(
      (data) => setState({ status: 'ready', data }),
      (error: unknown) => {
        if (controller.signal.aborted) return;
        setState({
          status: 'error',
          error: error instanceof ApiError ? error : new ApiError(String(error), 0, 'client'),
        });
      },
    );
    return () => controller.abort();
    // `key` stands for path + params: re-run only when the request really changes.
  }, [key, generation]);

  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  const stale = state.status === 'ready' && isStale(state.data);
  useEffect(() => {
    if (!stale) return;
    const timer = setTimeout(reload, STALE_RETRY_MS);
    return () => clearTimeout(timer);
  }, [stale, state.data, reload]);
  return { ...state, reload };
}
