import { ApiError, buildQuery, requestJson } from './http';

describe('buildQuery', () => {
  it('leaves out empty values and joins lists', () => {
    expect(buildQuery({ q: '数据要素', document: '', section: undefined, role: null, kind: ['city', 'party'], page: 2 })).toBe(
      `?q=${encodeURIComponent('数据要素')}&kind=city%2Cparty&page=2`,
    );
    expect(buildQuery({ kind: [] })).toBe('');
  });
});

describe('requestJson', () => {
  const realFetch = globalThis.fetch;
  afterEach(() => {
    globalThis.fetch = realFetch;
  });

  const respond = (status: number, body: unknown) => {
    // A Response-shaped answer: jsdom has no fetch of its own.
    globalThis.fetch = jest.fn(async () => ({ ok: status < 400, status, statusText: '', json: async () => body }) as Response);
  };

  it("raises the API's own error message, code and details", async () => {
    respond(400, { error: { code: 'invalid_parameter', message: "Query parameter 'kind': invalid option", details: { field: 'kind' } } });
    const error = await requestJson('/units', { params: { kind: 'nope' } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 400, code: 'invalid_parameter', message: "Query parameter 'kind': invalid option" });
  });

  it('sends the admin token as a bearer token', async () => {
    respond(200, { id: 'x', removed: true });
    await requestJson('/documents/x', { method: 'DELETE', token: 's3cret' });
    const [url, init] = (globalThis.fetch as jest.Mock).mock.calls[0] as [string, RequestInit];
    expect(url).toBe('/api/documents/x');
    expect((init.headers as Record<string, string>).Authorization).toBe('Bearer s3cret');
  });

  it('explains an unreachable server in words', async () => {
    globalThis.fetch = jest.fn(async () => {
      throw new TypeError('Failed to fetch');
    });
    await expect(requestJson('/documents')).rejects.toMatchObject({ code: 'network', status: 0 });
  });
});
