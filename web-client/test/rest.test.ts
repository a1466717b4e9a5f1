import { describe, expect, it, vi } from 'vitest';
import { ApiError, Rest } from '../src/lib/rest';

const json = (status: number, body: unknown, type = 'application/json') =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': type, ETag: '"3"' } });

describe('Rest', () => {
  it('sends the bearer token and JSON, and returns the parsed body', async () => {
    const fetch = vi.fn(async (_url: string, _init?: RequestInit) => json(201, { id: 't1' }));
    const rest = new Rest({ token: async () => 'abc', renew: async () => false }, '/api/v1', fetch);
    expect(await rest.post('/trainees', { name: 'Maria' })).toEqual({ id: 't1' });
    expect(fetch).toHaveBeenCalledWith(
      '/api/v1/trainees',
      expect.objectContaining({
        method: 'POST',
        headers: { Accept: 'application/json', Authorization: 'Bearer abc', 'Content-Type': 'application/json' },
        body: '{"name":"Maria"}',
      }),
    );
  });

  it('a 401 renews the token once, silently, and repeats the call', async () => {
    let token = 'old';
    const fetch = vi.fn(async (_url: string, init?: RequestInit) =>
      (init?.headers as Record<string, string>).Authorization === 'Bearer new' ? json(200, { ok: true }) : json(401, { detail: 'expired' }),
    );
    const renew = vi.fn(async () => {
      token = 'new';
      return true;
    });
    const rest = new Rest({ token: async () => token, renew }, '/api/v1', fetch);
    expect(await rest.get('/me')).toEqual({ ok: true });
    expect(renew).toHaveBeenCalledOnce();
    expect(fetch).toHaveBeenCalledTimes(2);
  });

  it('problem+json errors surface their detail and field errors', async () => {
    const problem = {
      type: 'about:blank',
      title: 'Bad Request',
      status: 400,
      detail: 'The request body is invalid.',
      errors: [{ field: '/name', message: 'must not be empty' }],
    };
    const rest = new Rest(null, '/api/v1', async () => json(400, problem, 'application/problem+json'));
    const error = await rest.post('/trainees', {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(400);
    expect((error as ApiError).detail).toBe('The request body is invalid.');
    expect((error as ApiError).full).toBe('The request body is invalid. name: must not be empty');
  });

  it('no network is an error in words, not a TypeError', async () => {
    const rest = new Rest(null, '/api/v1', async () => {
      throw new TypeError('Failed to fetch');
    });
    await expect(rest.get('/me')).rejects.toMatchObject({ status: 0, detail: expect.stringContaining('No connection') });
  });

  it('a server that does not answer in time is an error in words', async () => {
    const rest = new Rest(null, '/api/v1', async () => {
      throw new DOMException('signal timed out', 'TimeoutError');
    });
    await expect(rest.get('/me')).rejects.toMatchObject({ status: 0, detail: expect.stringContaining('did not answer in time') });
  });

  it('sends If-Match when given, and returns nothing for 204', async () => {
    const fetch = vi.fn(async (_url: string, _init?: RequestInit) => new Response(null, { status: 204 }));
    const rest = new Rest(null, '/api/v1', fetch);
    await expect(rest.delete('/trainees/x', '"4"')).resolves.toBeUndefined();
    expect((fetch.mock.calls[0]![1] as RequestInit).headers).toMatchObject({ 'If-Match': '"4"' });
  });
});
