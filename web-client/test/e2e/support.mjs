// What browser tests share: the REST calls that seed data, signing in, and steps that stop at the
// first failure (a story's later steps make no sense after an earlier one broke).
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { BASE_URL, SCREENSHOTS } from './browser.mjs';

export const PASSWORD = 'a long password';

/** A JSON call to the API; fails the test on any status but 2xx. */
export async function rest(method, path, body, token) {
  const response = await fetch(`${BASE_URL}/api/v1${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await response.text();
  assert.ok(response.ok, `${method} ${path}: ${response.status} ${text}`);
  return text ? JSON.parse(text) : null;
}

/** A new trainer with a unique email: {email, token, call(method, path, body)}. */
export async function registerTrainer(name, prefix = 'trainer') {
  const email = `${prefix}-${Date.now()}-${Math.floor(Math.random() * 1e6)}@spotter.test`;
  const token = (await rest('POST', '/auth/register', { email, password: PASSWORD, name })).accessToken;
  return { email, token, call: (method, path, body) => rest(method, path, body, token) };
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
 * screenshot of each page `screens()` returns, named `failed-<name>-<i>.png`.
 */
export function storySteps(name, screens) {
  let failed = false;
  return (title, fn) =>
    it(title, async (t) => {
      if (failed) return t.skip('an earlier step failed');
      try {
        await fn();
      } catch (e) {
        failed = true;
        await Promise.all(screens().filter(Boolean).map((page, i) =>
          page.screenshot({ path: `${SCREENSHOTS}/failed-${name}-${i}.png` }).catch(() => undefined)));
        throw e;
      }
    });
}
