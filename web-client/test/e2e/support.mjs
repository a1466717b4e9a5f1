// What browser tests share: the REST calls that seed data, live commands sent the way a device sends
// them, signing in, and steps that stop at the first failure (a story's later steps make no sense
// after an earlier one broke).
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { BASE_URL, SCREENSHOTS } from './browser.mjs';

export const PASSWORD = 'a long password';

/** A call to the API answered with its exact text; fails the test on any status but 2xx. */
export async function restText(method, path, body, token) {
  const response = await fetch(`${BASE_URL}/api/v1${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await response.text();
  assert.ok(response.ok, `${method} ${path}: ${response.status} ${text}`);
  return text;
}

/** A JSON call to the API; fails the test on any status but 2xx. */
export async function rest(method, path, body, token) {
  const text = await restText(method, path, body, token);
  return text ? JSON.parse(text) : null;
}

/** A new trainer with a unique email: {email, token, call(method, path, body)}. */
export async function registerTrainer(name, prefix = 'trainer') {
  const email = `${prefix}-${Date.now()}-${Math.floor(Math.random() * 1e6)}@spotter.test`;
  const token = (await rest('POST', '/auth/register', { email, password: PASSWORD, name })).accessToken;
  return { email, token, call: (method, path, body) => rest(method, path, body, token) };
}

/**
 * Sends `commands` ([name, payload] pairs) to a live session one after another over a socket of its
 * own, opened from `page` (Node 20 has no WebSocket; the page is of the product's origin); each must
 * be acked.
 */
export async function liveCommands(page, token, sessionId, commands) {
  await page.evaluate(async ({ token, sessionId, commands }) => {
    const ws = new WebSocket(`${location.origin.replace(/^http/, 'ws')}/api/v1/live`);
    const inbox = [];
    const waiting = [];
    ws.onmessage = (m) => {
      const message = JSON.parse(m.data);
      const i = waiting.findIndex((w) => w.wanted(message));
      if (i >= 0) waiting.splice(i, 1)[0].resolve(message);
      else inbox.push(message);
    };
    const next = (wanted) => new Promise((resolve, reject) => {
      const i = inbox.findIndex(wanted);
      if (i >= 0) return resolve(inbox.splice(i, 1)[0]);
      waiting.push({ wanted, resolve });
      setTimeout(() => reject(new Error('no answer within 5 s')), 5_000);
    });
    await new Promise((resolve, reject) => { ws.onopen = resolve; ws.onerror = () => reject(new Error('socket error')); });
    ws.send(JSON.stringify({ type: 'hello', token, device: 'other' }));
    const welcome = await next((m) => m.type === 'welcome' || m.type === 'error');
    if (welcome.type !== 'welcome') throw new Error(`hello: ${JSON.stringify(welcome)}`);
    for (const [name, payload] of commands) {
      const commandId = crypto.randomUUID();
      ws.send(JSON.stringify({ type: 'command', sessionId, commandId, name, payload }));
      const answer = await next((m) => m.commandId === commandId || m.type === 'error');
      if (answer.type !== 'ack') throw new Error(`${name}: ${JSON.stringify(answer)}`);
    }
    ws.close();
  }, { token, sessionId, commands });
}

/** Closes the browser, after checking that no page had a script error. */
export async function closeChecked(browser, pages) {
  try {
    for (const page of pages) if (page) assert.deepEqual(page.errors, [], 'no script errors in the page');
  } finally {
    await browser?.close();
  }
}

/** Signs in on the trainer screen and waits for the app. */
export async function signIn(page, email) {
  await page.goto('/trainer/');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('link', { name: 'Trainees' }).waitFor();
}

/**
 * `it`, except that once a step failed the later ones are skipped, and the failing step leaves a
 * screenshot of each page `screens()` returns by name ({tablet: page, ...}; an array names them by
 * index), as `failed-<story>-<screen>.png`; with `shown(page)`, what it answers for each page is logged too.
 */
export function storySteps(story, screens, shown) {
  let failed = false;
  return (title, fn) =>
    it(title, async (t) => {
      if (failed) return t.skip('an earlier step failed');
      try {
        await fn();
      } catch (e) {
        failed = true;
        for (const [name, page] of Object.entries(screens())) {
          if (!page) continue;
          await page.screenshot({ path: `${SCREENSHOTS}/failed-${story}-${name}.png` }).catch(() => undefined);
          if (shown) console.log(`${name} at failure: ${await shown(page).catch(String)}`);
        }
        throw e;
      }
    });
}
