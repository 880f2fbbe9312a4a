/**
 * A stand-in for the HTTP API in component tests (jsdom has no fetch): answers GETs from a
 * handler per path, given the query, and records every URL asked, so a test can check what a view
 * sends as well as what it shows.
 */
export type Handler = (query: URLSearchParams) => unknown;

export function fakeApi(handlers: Record<string, Handler>): { requests: URL[]; restore: () => void } {
  const realFetch = globalThis.fetch;
  const requests: URL[] = [];
  globalThis.fetch = jest.fn(async (input: RequestInfo | URL) => {
    const url = new URL(String(input), 'http://localhost');
    requests.push(url);
    const handler = handlers[url.pathname.replace(/^\/api/, '')];
    const body = handler ? handler(url.searchParams) : { error: { code: 'not_found', message: `no fake for ${url.pathname}` } };
    return { ok: Boolean(handler), status: handler ? 200 : 404, statusText: '', json: async () => body } as Response;
  });
  return { requests, restore: () => (globalThis.fetch = realFetch) };
}
