import { describe, expect, it, vi } from 'vitest';
import { TraineeSession, TrainerSession, accessLinkToken } from '../src/lib/auth';
import { ApiError, Rest } from '../src/lib/rest';
import { MemoryStore } from './support/fakeSocket';

const trainer = { id: 't1', email: 'c@gym.test', name: 'Coach' };
const tokens = (n: number) => ({ trainer, accessToken: `access-${n}`, refreshToken: `refresh-${n}`, expiresIn: 900 });

function restAnswering(handler: (path: string, body: Record<string, string>) => unknown) {
  const post = vi.fn(async (path: string, body?: unknown) => handler(path, body as Record<string, string>));
  return { rest: { post } as unknown as Rest, post };
}

describe('TrainerSession', () => {
  it('keeps the tokens from login and hands out the access token', async () => {
    const { rest } = restAnswering(() => tokens(1));
    const session = new TrainerSession(new MemoryStore(), rest);
    expect(await session.login('c@gym.test', 'pw')).toEqual(trainer);
    expect(await session.token()).toBe('access-1');
    expect(session.trainer?.name).toBe('Coach');
  });

  it('renews with the refresh token shortly before expiry, without anyone noticing', async () => {
    let now = 0;
    const { rest, post } = restAnswering((path, body) => (path === '/auth/refresh' && body.refreshToken === 'refresh-1' ? tokens(2) : tokens(1)));
    const session = new TrainerSession(new MemoryStore(), rest, () => now);
    await session.login('c@gym.test', 'pw');
    now = 850_000;
    expect(await session.token()).toBe('access-2');
    expect(post).toHaveBeenLastCalledWith('/auth/refresh', { refreshToken: 'refresh-1' });
  });

  it('parallel renewals share one refresh (a refresh token is single-use)', async () => {
    const { rest, post } = restAnswering((path) => (path === '/auth/refresh' ? tokens(2) : tokens(1)));
    const session = new TrainerSession(new MemoryStore(), rest);
    await session.login('c@gym.test', 'pw');
    expect(await Promise.all([session.renew(), session.renew(), session.renew()])).toEqual([true, true, true]);
    expect(post.mock.calls.filter(([path]) => path === '/auth/refresh')).toHaveLength(1);
  });

  it('if another tab already renewed, it takes those tokens instead of reusing the old refresh token', async () => {
    const store = new MemoryStore();
    const { rest, post } = restAnswering(() => tokens(1));
    const tabA = new TrainerSession(store, rest);
    await tabA.login('c@gym.test', 'pw');
    const renewed = new TrainerSession(store, restAnswering(() => tokens(2)).rest);
    const current = JSON.parse(store.getItem('spotter.trainer')!);
    // Tab B renews between tab A reading the tokens and tab A asking the server.
    const obtain = (tabA as unknown as { obtain(c: unknown): Promise<boolean> }).obtain.bind(tabA);
    await renewed.renew();
    expect(await obtain(current)).toBe(true);
    expect(post.mock.calls.filter(([path]) => path === '/auth/refresh')).toHaveLength(0);
    expect(await tabA.token()).toBe('access-2');
  });

  it('a refused refresh signs out', async () => {
    const { rest } = restAnswering((path) => {
      if (path === '/auth/refresh') throw new ApiError(401, 'revoked');
      return tokens(1);
    });
    const session = new TrainerSession(new MemoryStore(), rest);
    const signedOut = vi.fn();
    session.onSignedOut(signedOut);
    await session.login('c@gym.test', 'pw');
    expect(await session.renew()).toBe(false);
    expect(session.signedIn).toBe(false);
    expect(signedOut).toHaveBeenCalledOnce();
  });

  it('a renewal that fails for want of network keeps the tokens', async () => {
    const { rest } = restAnswering((path) => {
      if (path === '/auth/refresh') throw new ApiError(0, 'No connection');
      return tokens(1);
    });
    const session = new TrainerSession(new MemoryStore(), rest);
    await session.login('c@gym.test', 'pw');
    expect(await session.renew()).toBe(false);
    expect(session.signedIn).toBe(true);
  });
});

describe('TraineeSession', () => {
  it('exchanges the access link once and again whenever the trainee token is refused', async () => {
    let n = 0;
    const { rest, post } = restAnswering(() => ({ accessToken: `trainee-${++n}`, trainee: { id: 'x', name: 'Maria Lopez' }, expiresIn: 900 }));
    const session = new TraineeSession(new MemoryStore(), rest);
    await session.openLink('spl_abc');
    expect(await session.token()).toBe('trainee-1');
    expect(await session.renew()).toBe(true);
    expect(await session.token()).toBe('trainee-2');
    expect(post).toHaveBeenLastCalledWith('/trainee-access', { token: 'spl_abc' });
  });
});

describe('accessLinkToken', () => {
  it('takes the token from a pasted link or a bare token, and nothing from anything else', () => {
    expect(accessLinkToken(' https://gym.example/trainee/#token=spl_abcdefghijklmnop ')).toBe('spl_abcdefghijklmnop');
    expect(accessLinkToken('spl_abcdefghijklmnop')).toBe('spl_abcdefghijklmnop');
    expect(accessLinkToken('https://gym.example/trainee/#other=1')).toBeNull();
    expect(accessLinkToken('hello there')).toBeNull();
    expect(accessLinkToken('')).toBeNull();
  });
});
