// A whole live session on the three screens, each in its own browser context at its design size:
// the trainer sets up and runs it on the tablet, the phone and the wall follow within a second.
import assert from 'node:assert/strict';
import { after, before, describe } from 'node:test';
import { accessibilityViolations, dialogViolations } from './a11y.mjs';
import { SCREENSHOTS, launch, open, timeUntil } from './browser.mjs';
import { PASSWORD, closeChecked, storySteps } from './support.mjs';

const SECOND = 1_000;
const email = `coach-${Date.now()}@spotter.test`;
let browser;
let tablet;
let phone;
let wall;
let accessLink;
// After a failure, what each screen showed and the sets it counted.
const step = storySteps('live-session', () => ({ tablet: tablet?.page, phone: phone?.page, wall: wall?.page }),
  (page) => page.evaluate(() => document.querySelector('[data-sets]')?.outerHTML));

/** The sets a screen shows for the current exercise (data-sets on the element marked current). */
const setsShown = (page) => page.locator('[data-sets]').first().getAttribute('data-sets').then(Number);

async function addTrainee(name) {
  const p = tablet.page;
  await p.getByRole('link', { name: 'Trainees' }).click();
  await p.getByRole('button', { name: '+ New trainee' }).click();
  await p.getByRole('form', { name: 'New trainee' }).getByLabel('Name').fill(name);
  await p.getByRole('button', { name: 'Add trainee' }).click();
  await p.getByRole('heading', { name }).waitFor();
}

async function startSession(trainee) {
  const p = tablet.page;
  await p.getByRole('link', { name: 'Live' }).click();
  await p.getByRole('tab', { name: '+ Start session' }).click();
  await p.getByLabel('Trainee').selectOption({ label: trainee });
  await p.getByLabel('Workout').selectOption({ label: 'Lower body A' });
  await p.getByRole('button', { name: 'Start session', exact: true }).click();
}

async function logSetAndTime(label) {
  const before = await setsShown(tablet.page);
  const expected = before + 1;
  const shownOn = (page) => timeUntil(page, (n) => Number(document.querySelector('[data-sets]')?.dataset.sets) === n, expected);
  const waits = [shownOn(phone.page), shownOn(wall.page)];
  await tablet.page.getByTestId('log-set').click();
  const [phoneMs, wallMs] = await Promise.all(waits);
  console.log(`${label}: phone ${phoneMs} ms, wall ${wallMs} ms`);
  return { phoneMs, wallMs, expected };
}

describe('a live session on tablet, phone and wall', () => {
  before(async () => {
    browser = await launch();
    tablet = await open(browser, 'tablet', '/trainer/');
    wall = await open(browser, 'wall', '/display/');
  });
  after(() => closeChecked(browser, [tablet?.page, phone?.page, wall?.page]));

  step('the trainer registers', async () => {
    const p = tablet.page;
    await p.goto('/');
    assert.deepEqual(await accessibilityViolations(p), [], 'start page');
    await p.goto('/trainer/');
    await p.getByRole('button', { name: /create an account/i }).waitFor();
    assert.deepEqual(await accessibilityViolations(p), [], 'trainer sign-in');
    await p.getByRole('button', { name: /create an account/i }).click();
    assert.deepEqual(await accessibilityViolations(p), [], 'trainer registration');
    await p.getByLabel('Your name').fill('Sam Carter');
    await p.getByLabel('Email').fill(email);
    await p.getByLabel('Password').fill(PASSWORD);
    await p.getByRole('button', { name: 'Create account' }).click();
    await p.getByRole('link', { name: 'Trainees' }).waitFor();
  });

  step('adds a trainee and creates the phone link', async () => {
    const p = tablet.page;
    await addTrainee('Maria Lopez');
    await p.getByRole('button', { name: 'New phone link' }).click();
    accessLink = await p.getByTestId('access-link').inputValue();
    assert.match(accessLink, /\/trainee\/#token=/);
  });

  step('builds a template with two exercises', async () => {
    const p = tablet.page;
    await p.getByRole('link', { name: 'Templates' }).click();
    await p.getByRole('button', { name: '+ New template' }).click();
    await p.getByRole('form', { name: 'New template' }).getByLabel('Name').fill('Lower body A');
    await p.getByRole('button', { name: 'Create and add exercises' }).click();
    for (const [name, sets, reps, weight] of [['Back squat', 3, 5, 100], ['Romanian deadlift', 3, 8, 70]]) {
      const form = p.getByRole('form', { name: 'New exercise' });
      await form.getByLabel('Exercise').fill(name);
      await form.getByLabel('Sets', { exact: true }).fill(String(sets));
      await form.getByLabel('Reps', { exact: true }).fill(String(reps));
      await form.getByLabel('Weight (kg)').fill(String(weight));
      await form.getByLabel('Rest between sets (s)').fill('60');
      await form.getByRole('button', { name: 'Add exercise' }).click();
      await p.getByText(name, { exact: false }).first().waitFor();
    }
    assert.equal(await p.getByRole('list', { name: 'Exercises' }).getByRole('listitem').count(), 2);
  });

  step('pairs the wall display by the code it shows', async () => {
    const code = await wall.page.getByTestId('pairing-code').textContent();
    assert.match(code, /^[A-Z0-9]{6}$/);
    const p = tablet.page;
    await p.getByRole('link', { name: 'Displays' }).click();
    await p.getByLabel('Code shown on the display').fill(code);
    await p.getByRole('button', { name: 'Pair display' }).click();
    await p.getByRole('status').filter({ hasText: 'is paired' }).waitFor();
    await wall.page.getByTestId('wall-idle').waitFor({ timeout: 10 * SECOND });
  });

  step('the trainee opens the link and waits for the trainer', async () => {
    // The link names the server's public URL; the phone opens it on the server under test.
    const link = new URL(accessLink);
    phone = await open(browser, 'phone', link.pathname + link.hash);
    await phone.page.getByTestId('waiting').waitFor();
    assert.equal(new URL(phone.page.url()).hash, '', 'the token does not stay in the address bar');
    assert.deepEqual(await accessibilityViolations(phone.page), [], 'phone waiting');
  });

  step('the trainer starts the session; the phone and the wall switch to it by themselves', async () => {
    const p = tablet.page;
    await startSession('Maria Lopez');
    await p.getByTestId('current-exercise').filter({ hasText: 'Back squat' }).waitFor();
    await phone.page.getByTestId('current-exercise').filter({ hasText: 'Back squat' }).waitFor({ timeout: 10 * SECOND });
    await wall.page.getByTestId('tile').filter({ hasText: 'Maria' }).waitFor({ timeout: 10 * SECOND });
    assert.equal(await wall.page.getByText('Lopez').count(), 0, 'the wall shows first names only');
    assert.deepEqual(await accessibilityViolations(p), [], 'tablet live control');
  });

  step('a logged set shows on the phone and the wall within a second', async () => {
    const { phoneMs, wallMs } = await logSetAndTime('set 1');
    assert.ok(phoneMs < SECOND, `phone took ${phoneMs} ms`);
    assert.ok(wallMs < SECOND, `wall took ${wallMs} ms`);
    await phone.page.getByTestId('last-set').filter({ hasText: '5 × 100 kg' }).waitFor();
    assert.deepEqual(await accessibilityViolations(phone.page), [], 'phone live view');
    assert.deepEqual(await accessibilityViolations(tablet.page), [], 'tablet live control with a set and rest');
  });

  step('the rest countdown shows the same second on the three screens', async () => {
    const seconds = () =>
      Promise.all([tablet, phone, wall].map((s) => s.page.getByTestId('countdown').first().getAttribute('data-seconds').then(Number)));
    await Promise.all([tablet, phone, wall].map((s) => s.page.getByTestId('countdown').first().waitFor()));
    for (let sample = 0; sample < 4; sample++) {
      const shown = await seconds();
      console.log(`countdowns: ${shown.join(' / ')} s`);
      assert.ok(Math.max(...shown) - Math.min(...shown) <= 1, `countdowns differ: ${shown}`);
      assert.ok(shown.every((s) => s > 50 && s <= 60), `a 60 s rest: ${shown}`);
      await tablet.page.waitForTimeout(700);
    }
  });

  step('the trainee records RPE with one tap and the trainer sees it', async () => {
    await phone.page.getByRole('group', { name: 'RPE of the last set' }).getByRole('button', { name: '8', exact: true }).click();
    await tablet.page.getByTestId('set-row').filter({ hasText: 'RPE 8' }).waitFor({ timeout: 2 * SECOND });
  });

  step('a phone that was offline catches up when it is back', async () => {
    await phone.context.setOffline(true);
    await phone.page.getByTestId('connection').filter({ hasText: 'Offline' }).waitFor();
    await tablet.page.getByTestId('log-set').click();
    await wall.page.waitForFunction(() => document.querySelector('[data-sets]')?.dataset.sets === '2');
    assert.equal(await setsShown(phone.page), 1, 'the offline phone has not seen it');
    await phone.context.setOffline(false);
    const ms = await timeUntil(phone.page, () => document.querySelector('[data-sets]')?.dataset.sets === '2', undefined, 10 * SECOND);
    console.log(`phone caught up ${ms} ms after coming back online`);
  });

  step('sets logged on an offline tablet are sent once it is back, and appear exactly once everywhere', async () => {
    const p = tablet.page;
    await tablet.context.setOffline(true);
    await p.getByTestId('connection').filter({ hasText: 'Offline' }).waitFor();
    await p.getByTestId('log-set').click();
    await p.getByTestId('log-set').click();
    await p.getByTestId('pending').filter({ hasText: /pending/ }).waitFor();
    assert.equal(await p.getByTestId('pending-set').count(), 2);
    await p.waitForTimeout(500);
    await tablet.context.setOffline(false);
    await p.getByTestId('pending').waitFor({ state: 'detached', timeout: 10 * SECOND });
    for (const screen of [tablet, phone, wall]) {
      await screen.page.waitForFunction(() => document.querySelector('[data-sets]')?.dataset.sets === '4', undefined, { timeout: 5 * SECOND });
    }
    assert.equal(await p.getByTestId('set-row').count(), 4, 'four sets, none twice');
    await p.waitForTimeout(1_000);
    for (const screen of [tablet, phone, wall]) assert.equal(await setsShown(screen.page), 4);
  });

  step('screenshots of the three screens', async () => {
    await Promise.all([
      tablet.page.screenshot({ path: `${SCREENSHOTS}/trainer-tablet.png` }),
      phone.page.screenshot({ path: `${SCREENSHOTS}/trainee-phone.png` }),
      wall.page.screenshot({ path: `${SCREENSHOTS}/wall-display.png` }),
    ]);
  });

  step('a second trainee trains alongside: two tabs on the tablet, two tiles on the wall, one tap to switch', async () => {
    const p = tablet.page;
    await addTrainee('Jon Baker');
    await startSession('Jon Baker');
    await p.getByRole('heading', { name: 'Jon Baker' }).waitFor();
    await p.getByTestId('log-set').click();
    await wall.page.locator('.tiles[data-count="2"]').waitFor();
    assert.equal(await p.getByTestId('session-tab').count(), 2);
    await p.getByTestId('session-tab').filter({ hasText: 'Maria' }).click();
    await p.getByRole('heading', { name: 'Maria Lopez' }).waitFor();
    assert.equal(await setsShown(p), 4, "Maria's session kept its sets");
    assert.equal(await p.getByTestId('session-tab').filter({ hasText: 'Jon' }).getByTestId('countdown').count(), 1, "Jon's timer runs in his tab");
  });

  step('screenshot of the wall with two sessions', async () => {
    await wall.page.screenshot({ path: `${SCREENSHOTS}/wall-display-two.png` });
    assert.deepEqual(await accessibilityViolations(wall.page), [], 'wall with two sessions');
    assert.deepEqual(await accessibilityViolations(tablet.page), [], 'tablet with two session tabs');
  });

  step('ending the sessions: the phone says so and the tiles leave the wall', async () => {
    const p = tablet.page;
    assert.deepEqual(await dialogViolations(p, p.getByRole('button', { name: 'End session' })), [], 'end session dialog');
    await p.getByRole('button', { name: 'End session' }).click();
    await p.getByRole('button', { name: 'Completed' }).click();
    await phone.page.getByTestId('session-ended').waitFor({ timeout: 5 * SECOND });
    assert.deepEqual(await accessibilityViolations(phone.page), [], 'phone after the session');
    await wall.page.locator('.tiles[data-count="1"]').waitFor({ timeout: 5 * SECOND });
    await p.getByTestId('session-tab').filter({ hasText: 'Jon' }).click();
    await p.getByRole('button', { name: 'End session' }).click();
    await p.getByRole('button', { name: 'Abandoned' }).click();
    await wall.page.getByTestId('wall-idle').waitFor({ timeout: 5 * SECOND });
  });
});
