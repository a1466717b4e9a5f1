// A whole session as a trainer runs it, on the three devices at their sizes: a template built with
// the library's autocomplete and a superset, previous performance before the first set, a warm-up,
// weights typed in lb with the plates shown, rest that ends with GO on phone and wall, the summary on
// tablet and phone, and the record corrected afterwards in History.
import assert from 'node:assert/strict';
import { after, before, describe } from 'node:test';
import { SCREENSHOTS, launch, open } from './browser.mjs';
import { closeChecked, registerTrainer, signIn, storySteps } from './support.mjs';

const SECOND = 1_000;
const BENCH = 'Barbell Bench Press - Medium Grip';
let browser;
let trainer;
let tablet;
let phone;
let wall;
const step = storySteps('whole-session', () => ({ tablet: tablet?.page, phone: phone?.page, wall: wall?.page }));

describe('a whole session: tablet 1024×768, phone 390×844, wall 1920×1080', () => {
  before(async () => {
    trainer = await registerTrainer('Sam Carter', 'whole');
    await trainer.call('PATCH', '/me', { unit: 'lb' });
    const maria = await trainer.call('POST', '/trainees', { name: 'Maria Lopez' });
    // Last time on the library's bench press: 5 × 175 lb at RPE 8.
    await trainer.call('POST', '/session-records', {
      traineeId: maria.id, sessionDate: '2026-11-29', status: 'completed',
      exercises: [{ exerciseName: BENCH, exerciseId: 'Barbell_Bench_Press_-_Medium_Grip',
        sets: [{ id: 'p1', kind: 'working', reps: 5, weight: 175, unit: 'lb', rpe: 8 }] }],
    });
    const link = await trainer.call('POST', `/trainees/${maria.id}/access-links`, {});

    browser = await launch();
    tablet = await open(browser, 'tablet');
    await tablet.page.setViewportSize({ width: 1024, height: 768 });
    wall = await open(browser, 'wall', '/display/');
    const code = (await wall.page.getByTestId('pairing-code').textContent()).trim();
    await trainer.call('POST', `/displays/pairings/${code}/claim`, { name: 'Gym floor' });
    const url = new URL(link.url);
    phone = await open(browser, 'phone', url.pathname + url.hash);
    await phone.page.getByTestId('waiting').waitFor();
    await signIn(tablet.page, trainer.email);
  });
  after(() => closeChecked(browser, [tablet?.page, phone?.page, wall?.page]));

  step('at 1024 px every section of the top bar is in view', async () => {
    const hidden = await tablet.page.evaluate(() => [...document.querySelectorAll('.topbar nav a')]
      .filter((a) => a.getBoundingClientRect().right > a.closest('nav').getBoundingClientRect().right + 1)
      .map((a) => a.textContent));
    assert.deepEqual(hidden, []);
  });

  step('the template is built with the library: a typo finds the bench press; a superset with push-ups', async () => {
    const p = tablet.page;
    await p.getByRole('link', { name: 'Templates' }).click();
    await p.getByRole('button', { name: '+ New template' }).click();
    await p.getByRole('form', { name: 'New template' }).getByLabel('Name').fill('Push A');
    await p.getByRole('button', { name: 'Create and add exercises' }).click();
    for (const [typed, picked, rest] of [['bench pres medium', BENCH, '5'], ['pushups', 'Pushups', '5']]) {
      const form = p.getByRole('form', { name: 'New exercise' });
      await form.getByRole('combobox', { name: 'Exercise' }).fill(typed);
      await form.getByRole('listbox').getByRole('option', { name: new RegExp(`^${picked.replace(/[()]/g, '.')}`) }).first().click();
      await form.getByLabel('Sets', { exact: true }).fill('2');
      await form.getByLabel('Reps', { exact: true }).fill('5');
      await form.getByLabel('Rest between sets (s)').fill(rest);
      await form.getByLabel('Superset group').fill('A');
      await form.getByRole('button', { name: 'Add exercise' }).click();
      await p.getByRole('list', { name: 'Exercises' }).getByText(picked, { exact: false }).first().waitFor();
    }
    assert.equal(await p.getByRole('list', { name: 'Exercises' }).getByText('Superset A').count(), 2);
  });

  step('the session starts; the phone shows it within a second; last time shows before the first set', async () => {
    const p = tablet.page;
    await p.getByRole('link', { name: 'Live' }).click();
    await p.getByRole('tab', { name: '+ Start session' }).click();
    await p.getByLabel('Trainee').selectOption({ label: 'Maria Lopez' });
    await p.getByLabel('Workout').selectOption({ label: 'Push A' });
    const started = Date.now();
    await p.getByRole('button', { name: 'Start session', exact: true }).click();
    await phone.page.getByTestId('current-exercise').filter({ hasText: BENCH }).waitFor({ timeout: 5 * SECOND });
    assert.ok(Date.now() - started < SECOND, `the phone shows the session ${Date.now() - started} ms after Start`);
    const previous = p.getByTestId('previous-performance');
    await previous.filter({ hasText: '5 × 175 lb' }).waitFor();
  });

  step('a warm-up, then a working set typed in lb with the plates per side', async () => {
    const p = tablet.page;
    await p.getByTestId('warmup-toggle').click();
    await p.getByTestId('stepper-weight').fill('95');
    await p.getByTestId('log-set').filter({ hasText: 'Log warm-up' }).click();
    await p.getByTestId('warmup-row').filter({ hasText: '95 lb' }).waitFor();
    await p.getByTestId('warmup-toggle').click();
    assert.equal(await p.getByTestId('set-progress').textContent(), 'Set 1 of 2');
    await p.getByTestId('stepper-reps').fill('5');
    await p.getByTestId('stepper-weight').fill('185');
    await p.getByTestId('plates').filter({ hasText: 'Per side 45 + 25' }).waitFor();
    await p.getByTestId('log-set').filter({ hasText: '185 lb' }).click();
    // The superset moves on to the push-ups, with no rest in between.
    await p.getByTestId('current-exercise').filter({ hasText: 'Pushups' }).waitFor();
    assert.equal(await p.locator('.timer-panel [data-testid="countdown"]').count(), 0);
    await wall.page.getByTestId('tile').filter({ hasText: 'Maria' }).filter({ hasText: 'Pushups' }).waitFor({ timeout: 2 * SECOND });
  });

  step('after the group\'s last exercise the rest runs on all three, then GO on phone and wall', async () => {
    await tablet.page.getByTestId('stepper-reps').fill('12');
    await tablet.page.getByTestId('log-set').click();
    for (const screen of [tablet, phone, wall]) await screen.page.getByTestId('countdown').first().waitFor({ timeout: 2 * SECOND });
    // Back on the bench press: the phone calls its first working set Set 1 (the warm-up is apart).
    await phone.page.getByTestId('last-set').filter({ hasText: 'Set 1: 5 × 185 lb' }).waitFor();
    await Promise.all([
      tablet.page.screenshot({ path: `${SCREENSHOTS}/whole-session-tablet-1024x768.png` }),
      phone.page.screenshot({ path: `${SCREENSHOTS}/whole-session-phone-390x844.png` }),
      wall.page.screenshot({ path: `${SCREENSHOTS}/whole-session-wall-1920x1080.png` }),
    ]);
    for (const screen of [phone, wall]) {
      await screen.page.locator('[data-testid=rest-cue][data-phase=go]').first().waitFor({ timeout: 8 * SECOND });
    }
    await tablet.page.getByTestId('current-exercise').filter({ hasText: BENCH }).waitFor();
  });

  step('ending the session shows the summary on tablet and phone', async () => {
    const p = tablet.page;
    await p.getByRole('button', { name: 'End session' }).click();
    await p.getByRole('dialog').getByRole('button', { name: 'Completed' }).click();
    for (const screen of [tablet, phone]) {
      const summary = screen.page.getByTestId('session-summary');
      await summary.waitFor({ timeout: 5 * SECOND });
      // Two working sets (the warm-up never counts): 5 × 185 lb and 12 push-ups without a load.
      assert.equal((await summary.getByTestId('summary-working-sets').textContent()).trim(), '2');
    }
    await Promise.all([
      tablet.page.screenshot({ path: `${SCREENSHOTS}/whole-session-summary-tablet-1024x768.png` }),
      phone.page.screenshot({ path: `${SCREENSHOTS}/whole-session-summary-phone-390x844.png` }),
    ]);
  });

  step('in History the trainer corrects the bench set, and it stays corrected', async () => {
    const p = tablet.page;
    await p.getByRole('link', { name: 'History' }).click();
    await p.locator('details.record summary').first().click();
    await p.getByRole('button', { name: 'Edit' }).click();
    const form = p.getByRole('form', { name: 'Edit session' });
    await form.getByLabel(`${BENCH} set 2 reps`).fill('6');
    await form.getByRole('button', { name: 'Save changes' }).click();
    await form.waitFor({ state: 'detached' });
    await p.reload();
    await p.locator('details.record summary').first().click();
    await p.getByText('6 × 185 lb').waitFor();
    await p.getByText('Warm-up: 5 × 95 lb').waitFor();
    await p.screenshot({ path: `${SCREENSHOTS}/whole-session-history-1024x768.png` });
  });
});
