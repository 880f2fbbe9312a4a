/**
 * The one door to the HTTP API. Every call goes through here so that errors always arrive as
 * ApiError carrying the server's own message (`{ error: { code, message, details } }`).
 */
export type QueryValue = string | number | boolean | readonly string[] | null | undefined;
export type QueryParams = Record<string, QueryValue>;

export class ApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly code: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** Empty values are left out, so "all" is simply the absence of a filter; lists join with commas. */
export function buildQuery(params: QueryParams = {}): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null || value === '') continue;
    if (Array.isArray(value)) {
      if (value.length > 0) search.set(key, value.join(','));
    } else {
      search.set(key, String(value));
    }
  }
  const query = search.toString();
  return query ? `?${query}` : '';
}

export function apiUrl(path: string, params?: QueryParams): string {
  return `/api${path}${buildQuery(params)}`;
}

async function errorFrom(response: Response): Promise<ApiError> {
  const body: unknown = await response.json().catch(() => null);
  const error = (body as { error?: { code?: string; message?: string; details?: unknown } } | null)?.error;
  return new ApiError(
    error?.message ?? `${response.status} ${response.statusText}`,
    response.status,
    error?.code ?? 'http-error',
    error?.details,
  );
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  params?: QueryParams;
  body?: BodyInit;
  contentType?: string;
  token?: string;
  signal?: AbortSignal;
}

export async function requestJson<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (options.contentType) headers['Content-Type'] = options.contentType;
  if (options.token) headers.Authorization = `Bearer ${options.token}`;
  let response: Response;
  try {
    response = await fetch(apiUrl(path, options.params), {
      method: options.method ?? 'GET',
      headers,
      body: options.body,
      signal: options.signal,
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiError('The server cannot be reached. Is it running?', 0, 'network');
  }
  if (!response.ok) throw await errorFrom(response);
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}

/** Path segment for an id such as `guangdong-digital-economy-2023/item-12`. */
export const encodeId = (id: string): string => encodeURIComponent(id);
