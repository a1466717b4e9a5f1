// Debian's Chromium driven by playwright-core: nothing is downloaded at run time.
import { existsSync, mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromium } from 'playwright-core';

export const BASE_URL = (process.env.SPOTTER_URL ?? 'http://localhost:8080').replace(/\/$/, '');
export const CHROMIUM = process.env.SPOTTER_CHROMIUM ?? '/usr/bin/chromium';
export const SCREENSHOTS = resolve(process.env.SPOTTER_SCREENSHOTS ?? 'test-results/screenshots');

/** The three devices of the product, at their design sizes. */
export const DEVICES = {
  tablet: { viewport: { width: 1180, height: 820 }, hasTouch: true },
  phone: { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true, deviceScaleFactor: 2 },
  wall: { viewport: { width: 1920, height: 1080 } },
};

export async function launch() {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`no Chromium at ${CHROMIUM}: install it with apt-get install chromium (or set SPOTTER_CHROMIUM)`);
  }
  mkdirSync(SCREENSHOTS, { recursive: true });
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/**
 * A page on its own context (own storage, own network switch), with its console errors collected;
 * `options` change the device's (a size, no touch).
 */
export async function open(browser, device, path, options) {
  const context = await browser.newContext({ ...DEVICES[device], ...options, baseURL: BASE_URL });
  context.setDefaultTimeout(10_000);
  const page = await context.newPage();
  page.errors = [];
  page.on('pageerror', (e) => page.errors.push(String(e)));
  if (path) await page.goto(path);
  return { context, page };
}

/** Milliseconds until `predicate` holds in the page (polled every 25 ms: pages in the background get no animation frames). */
export async function timeUntil(page, predicate, arg, timeout = 5_000) {
  const started = Date.now();
  await page.waitForFunction(predicate, arg, { timeout, polling: 25 });
  return Date.now() - started;
}
