// The tablet's set logger at 1024×768, as fast as a trainer moves: a typed weight, lb with plates,
// a warm-up that does not count, a two-exercise superset whose rest starts only after its second
// exercise, and the core loop inside the screen without scrolling.
import assert from 'node:assert/strict';
import { after, before, describe } from 'node:test';
import { accessibilityViolations } from './a11y.mjs';
import { SCREENSHOTS, launch, open } from './browser.mjs';
import { closeChecked, registerTrainer, signIn, storySteps } from './support.mjs';

let browser;
let trainer;
let page;
const step = storySteps('set-logger', () => ({ tablet: page }));

const exercise = (exerciseName, targetSets, targetWeight, supersetGroup) => ({
  exerciseName, targetSets, targetReps: 5, targetWeight, restBetweenSets: 60, ...(supersetGroup ? { supersetGroup } : {}),
});

/** Whether the countdown of the rest timer panel is showing. */
const restRunning = () => page.locator('.timer-panel [data-testid="countdown"]').count().then((n) => n > 0);
const current = () => page.getByTestId('current-exercise').textContent();

describe('the set logger on a 1024×768 tablet', () => {
  before(async () => {
    trainer = await registerTrainer('Sam Carter', 'logger');
    await trainer.call('PATCH', '/me', { unit: 'lb' });
    await trainer.call('POST', '/trainees', { name: 'Maria Lopez' });
    await trainer.call('POST', '/session-templates', {
      name: 'Upper A',
      exercises: [exercise('Bench press', 3, 135), exercise('Row', 2, 95, 'A'), exercise('Push-up', 2, null, 'A')].map((e) =>
        e.targetWeight == null ? { ...e, targetWeight: undefined } : e),
    });
    browser = await launch();
    ({ page } = await open(browser, 'tablet', undefined, { viewport: { width: 1024, height: 768 } }));
  });
  after(() => closeChecked(browser, [page]));

  step('the trainer signs in and starts the session; the top bar shows lb', async () => {
    await signIn(page, trainer.email);
    await page.getByTestId('unit').filter({ hasText: 'lb' }).waitFor();
    await page.getByRole('tab', { name: '+ Start session' }).click();
    await page.getByLabel('Workout').selectOption({ label: 'Upper A' });
    await page.getByRole('button', { name: 'Start session', exact: true }).click();
    await page.getByTestId('current-exercise').filter({ hasText: 'Bench press' }).waitFor();
  });

  step('a warm-up is listed apart, does not count and starts no rest', async () => {
    await page.getByTestId('warmup-toggle').click();
    await page.getByTestId('stepper-weight').fill('95');
    await page.getByTestId('log-set').filter({ hasText: 'Log warm-up' }).click();
    await page.getByTestId('warmup-row').filter({ hasText: '95 lb' }).waitFor();
    assert.equal(await page.getByTestId('set-progress').textContent(), 'Set 1 of 3');
    assert.equal(await page.getByTestId('set-row').count(), 0);
    assert.equal(await restRunning(), false);
    assert.deepEqual(await accessibilityViolations(page), [], 'logger in warm-up mode with a warm-up logged');
    await page.getByTestId('warmup-toggle').click();
  });

  step('a typed weight is one action, in lb, with the plates per side', async () => {
    const weight = page.getByTestId('stepper-weight');
    await weight.fill('185');
    await page.getByTestId('plates').filter({ hasText: 'Per side 45 + 25' }).waitFor();
    await weight.fill('187');
    await page.getByTestId('plates').filter({ hasText: 'can’t be loaded exactly' }).waitFor();
    assert.deepEqual(await accessibilityViolations(page), [], 'logger with inexact plates');
    await weight.fill('185');
    await page.getByRole('button', { name: 'Weight plus 5' }).waitFor();
    await page.getByTestId('log-set').filter({ hasText: '185 lb' }).click();
    await page.getByTestId('set-row').filter({ hasText: '5 × 185 lb' }).waitFor();
    assert.equal(await page.getByTestId('set-progress').textContent(), 'Set 2 of 3');
    await page.locator('.timer-panel [data-testid="countdown"]').waitFor();
  });

  step('the core loop fits the screen without scrolling', async () => {
    const inView = await page.evaluate(() => {
      const boxes = ['[data-testid="log-set"]', '[aria-label="Sets logged"]', '.timer-panel', '[data-testid="next-exercise"]', '.session-header']
        .map((sel) => [sel, document.querySelector(sel)?.getBoundingClientRect()]);
      return {
        scrolls: document.scrollingElement.scrollHeight > innerHeight,
        outside: boxes.filter(([, b]) => !b || b.top < 0 || b.bottom > innerHeight || b.right > innerWidth).map(([s, b]) => `${s} ${JSON.stringify(b)}`),
        headerHeight: document.querySelector('.session-header').getBoundingClientRect().height,
      };
    });
    assert.deepEqual(inView.outside, [], 'every part of the core loop is inside the viewport');
    assert.equal(inView.scrolls, false, 'the page does not scroll');
    assert.ok(inView.headerHeight < 90, `the session header is one line (${inView.headerHeight} px)`);
    await page.screenshot({ path: `${SCREENSHOTS}/set-logger-1024.png` });
  });

  step('a superset: Row then Push-up, rest only after Push-up, then back to Row', async () => {
    await page.getByRole('button', { name: 'Skip rest' }).click();
    await page.locator('.exercise-list').getByRole('button', { name: /Row/ }).click();
    await page.getByTestId('superset').filter({ hasText: 'Superset A: 1/2' }).waitFor();
    await page.getByTestId('log-set').click();
    await page.getByTestId('current-exercise').filter({ hasText: 'Push-up' }).waitFor();
    await page.getByTestId('superset').filter({ hasText: 'Superset A: 2/2' }).waitFor();
    assert.equal(await restRunning(), false, 'no rest between the exercises of a round');
    await page.getByTestId('log-set').click();
    await page.getByTestId('current-exercise').filter({ hasText: 'Row' }).waitFor();
    await page.locator('.timer-panel [data-testid="countdown"]').waitFor();
    assert.equal(await current(), 'Row');
    assert.deepEqual(await accessibilityViolations(page), [], 'logger in a superset with rest running');
    await page.screenshot({ path: `${SCREENSHOTS}/set-logger-superset-1024.png` });
  });

  step('a deleted set comes back with Undo', async () => {
    await page.getByTestId('set-row').first().click();
    await page.getByTestId('delete-set').click();
    await page.getByTestId('set-row').first().waitFor({ state: 'detached' });
    await page.getByTestId('undo-delete').click();
    await page.getByTestId('set-row').first().waitFor();
  });

  step('at 390 px the session header stays one line', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    const header = await page.locator('.session-header').boundingBox();
    assert.ok(header.height < 90, `one line (${header.height} px)`);
    await page.screenshot({ path: `${SCREENSHOTS}/set-logger-390.png`, fullPage: true });
    await page.setViewportSize({ width: 1920, height: 1080 });
    await page.screenshot({ path: `${SCREENSHOTS}/set-logger-1920.png` });
  });
});
