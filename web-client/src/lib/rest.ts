import type { FieldError } from './protocol';

/** A failed call, in words for the person holding the device: the server's `detail`, or what went wrong. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly detail: string,
    readonly errors: FieldError[] = [],
  ) {
    super(detail);
    this.name = 'ApiError';
  }

  /** "detail — field: message; …" for a banner. */
  get full(): string {
    if (this.errors.length === 0) return this.detail;
    return `${this.detail} ${this.errors.map((e) => `${e.field.replace(/^\//, '')}: ${e.message}`).join('; ')}`;
  }
}

/** Where a REST call's bearer token comes from; `renew` is asked once after a 401. */
export interface RestAuth {
  token(): Promise<string | null>;
  renew(): Promise<boolean>;
}

export interface Reply<T> {
  status: number;
  data: T;
  etag: string | null;
}

type Fetch = (input: string, init?: RequestInit) => Promise<Response>;

/** A request the server has not answered by then is given up, so no screen waits forever. */
const TIMEOUT_MS = 15_000;

/**
 * The REST API under `/api/v1`. A 401 gets one silent renewal of the token and one retry; errors
 * come back as {@link ApiError} carrying problem+json's `detail` and field errors.
 */
export class Rest {
  constructor(
    private readonly auth: RestAuth | null,
    private readonly base = '/api/v1',
    private readonly fetchImpl: Fetch = (input, init) => fetch(input, init),
  ) {}

  get<T>(path: string): Promise<T> {
    return this.call<T>('GET', path).then((r) => r.data);
  }

  post<T>(path: string, body?: unknown): Promise<T> {
    return this.call<T>('POST', path, body).then((r) => r.data);
  }

  patch<T>(path: string, body: unknown, ifMatch?: string): Promise<T> {
    return this.call<T>('PATCH', path, body, ifMatch).then((r) => r.data);
  }

  put<T>(path: string, body: unknown): Promise<T> {
    return this.call<T>('PUT', path, body).then((r) => r.data);
  }

  delete(path: string, ifMatch?: string): Promise<void> {
    return this.call<void>('DELETE', path, undefined, ifMatch).then(() => undefined);
  }

  async call<T>(method: string, path: string, body?: unknown, ifMatch?: string): Promise<Reply<T>> {
    let response = await this.send(method, path, body, ifMatch);
    if (response.status === 401 && this.auth && (await this.auth.renew())) {
      response = await this.send(method, path, body, ifMatch);
    }
    if (!response.ok) throw await problem(response);
    const text = response.status === 204 ? '' : await response.text();
    return { status: response.status, data: (text ? JSON.parse(text) : undefined) as T, etag: response.headers.get('ETag') };
  }

  private async send(method: string, path: string, body: unknown, ifMatch?: string): Promise<Response> {
    const headers: Record<string, string> = { Accept: 'application/json' };
    const token = this.auth ? await this.auth.token() : null;
    if (token) headers.Authorization = `Bearer ${token}`;
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    if (ifMatch) headers['If-Match'] = ifMatch;
    try {
      return await this.fetchImpl(this.base + path, {
        method,
        headers,
        signal: AbortSignal.timeout(TIMEOUT_MS),
        ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
      });
    } catch (e) {
      if ((e as Error).name === 'TimeoutError') {
        throw new ApiError(0, 'The server did not answer in time. Try again in a moment.');
      }
      throw new ApiError(0, 'No connection to the server. Check the network and try again.');
    }
  }
}

async function problem(response: Response): Promise<ApiError> {
  let body: { detail?: string; title?: string; errors?: FieldError[] } = {};
  try {
    body = (await response.json()) as typeof body;
  } catch {
    // Not JSON (a proxy's error page): the status says enough.
  }
  const detail = body.detail ?? body.title ?? fallback(response.status);
  return new ApiError(response.status, detail, Array.isArray(body.errors) ? body.errors : []);
}

function fallback(status: number): string {
  if (status === 401) return 'Please sign in again.';
  if (status === 404) return 'That no longer exists.';
  if (status === 429) return 'Too many attempts. Wait a moment and try again.';
  if (status >= 500) return 'The server had a problem. Try again in a moment.';
  return `The request failed (${status}).`;
}
