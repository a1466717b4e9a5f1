// The session's core loop on a 1024×768 tablet with the keyboard alone (Tab, Shift+Tab, Enter, Space,
// arrows; no click after the data is seeded): start a session from the Live tab, type reps and weight,
// log the set, pick an RPE, skip and start the rest, go to the next exercise, switch session tabs,
// add a note, end the session through its dialog. Every control the focus reaches shows a focus ring.
import assert from 'node:assert/strict';
import { after, before, describe } from 'node:test';
import { accessibilityViolations } from './a11y.mjs';
import { SCREENSHOTS, launch, open } from './browser.mjs';
import { PASSWORD, closeChecked, registerTrainer, storySteps } from './support.mjs';

const MAX_TABS = 60;
let browser;
let trainer;
let page;
const step = storySteps('keyboard', () => ({ tablet: page }));

/** The focused element: its accessible name as the tests see it, its role, and whether a ring shows. */
function focused() {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return null;
    // A label's own words, without the options of the select it wraps.
    const ownText = (label) => [...label.childNodes].filter((n) => n.nodeType === Node.TEXT_NODE).map((n) => n.textContent).join('');
    const label = el.getAttribute('aria-label') ?? (el.labels?.[0] ? ownText(el.labels[0]) : el.textContent ?? '').trim();
    const style = getComputedStyle(el);
    return {
      name: label.replace(/\s+/g, ' '),
      tag: el.tagName.toLowerCase(),
      role: el.getAttribute('role'),
      ring: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2,
    };
  });
}

/**
 * Presses Tab (or Shift+Tab) until the focused element's name matches; each control passed on the
 * way must show the focus ring.
 */
async function tabTo(name, { back = false } = {}) {
  const matches = (f) => f && (name instanceof RegExp ? name.test(f.name) : f.name === name);
  const passed = [];
  for (let i = 0; i < MAX_TABS; i++) {
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
    const f = await focused();
    if (f) {
      assert.ok(f.ring, `a focus ring on ${f.tag} “${f.name}”`);
      passed.push(f.name);
    }
    if (matches(f)) return f;
  }
  assert.fail(`no “${name}” within ${MAX_TABS} ${back ? 'Shift+Tab' : 'Tab'} presses; passed ${passed.join(' | ')}`);
}

const currentExercise = () => page.getByTestId('current-exercise').textContent();

describe('the live session by keyboard alone on a 1024×768 tablet', () => {
  before(async () => {
    trainer = await registerTrainer('Kim Keys', 'keys');
    await trainer.call('POST', '/trainees', { name: 'Maria Lopez' });
    await trainer.call('POST', '/trainees', { name: 'Jon Baker' });
    await trainer.call('POST', '/session-templates', {
      name: 'Lower body A',
      exercises: [
        { exerciseName: 'Back squat', targetSets: 3, targetReps: 5, targetWeight: 100, restBetweenSets: 90 },
        { exerciseName: 'Romanian deadlift', targetSets: 3, targetReps: 8, targetWeight: 70, restBetweenSets: 60 },
      ],
    });
    browser = await launch();
    // No touch, as before: with touch on, Enter after Esc does not reopen the End session dialog.
    ({ page } = await open(browser, 'tablet', undefined, { viewport: { width: 1024, height: 768 }, hasTouch: false }));
  });
  after(() => closeChecked(browser, [page]));

  step('signs in with the keyboard', async () => {
    await page.goto('/trainer/');
    await tabTo('Email');
    await page.keyboard.type(trainer.email);
    await tabTo('Password');
    await page.keyboard.type(PASSWORD);
    await page.keyboard.press('Enter');
    await page.getByRole('link', { name: 'Trainees' }).waitFor();
  });

  step('starts a session from the Live tab: picks the trainee with the arrows, Enter starts it', async () => {
    await tabTo('Live');
    await page.keyboard.press('Enter');
    const tab = await tabTo('+ Start session');
    assert.equal(tab.role, 'tab');
    await tabTo('Trainee');
    await page.keyboard.press('ArrowDown');
    assert.equal(await page.getByLabel('Trainee').inputValue(), await page.getByLabel('Trainee').locator('option', { hasText: 'Maria Lopez' }).getAttribute('value'));
    await tabTo('Workout');
    assert.match(await page.getByLabel('Workout').locator('option:checked').textContent(), /Lower body A/);
    await tabTo('Start session');
    await page.keyboard.press('Enter');
    await page.getByTestId('current-exercise').filter({ hasText: 'Back squat' }).waitFor();
    await page.waitForFunction(() => document.activeElement?.tagName === 'H1');
    assert.equal((await focused()).name, 'Maria Lopez', 'the focus lands on the new session');
  });

  step('types reps and weight and logs the set with Enter', async () => {
    await tabTo('Reps');
    await page.keyboard.type('6');
    await tabTo('Weight (kg)');
    await page.keyboard.type('102.5');
    await tabTo(/^Log set/);
    assert.match((await focused()).name, /6 reps × 102\.5 kg/);
    await page.keyboard.press('Enter');
    await page.getByTestId('set-row').filter({ hasText: '6 × 102.5 kg' }).waitFor();
    await page.locator('.timer-panel [data-testid="countdown"]').waitFor();
    assert.match((await focused()).name, /^Log set/, 'the focus stays on Log set');
  });

  step('picks an RPE with Space', async () => {
    await tabTo('8');
    await page.keyboard.press('Space');
    await page.getByTestId('set-row').filter({ hasText: 'RPE 8' }).waitFor();
  });

  step('skips the rest, then starts one again: the focus goes from one button to the other', async () => {
    await tabTo('Skip rest');
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'Start 90 s rest' }).waitFor();
    await page.waitForFunction(() => document.activeElement?.textContent === 'Start 90 s rest');
    await page.keyboard.press('Space');
    await page.locator('.timer-panel [data-testid="countdown"]').waitFor();
    await page.waitForFunction(() => document.activeElement?.textContent === 'Skip rest');
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'Start 90 s rest' }).waitFor();
  });

  step('goes to the next exercise, and back through the exercise list with Shift+Tab', async () => {
    await tabTo('Next: Romanian deadlift');
    await page.keyboard.press('Enter');
    await page.getByTestId('current-exercise').filter({ hasText: 'Romanian deadlift' }).waitFor();
    assert.equal((await focused()).name, 'Finish exercise', 'the focus stays on the button, now for the last exercise');
    await tabTo(/^Back squat/, { back: true });
    await page.keyboard.press('Enter');
    await page.getByTestId('current-exercise').filter({ hasText: 'Back squat' }).waitFor();
    assert.match((await focused()).name, /^Back squat/, 'the current exercise keeps the focus');
  });

  step('a second session: the arrow keys move between the session tabs', async () => {
    // The tab list is one Tab stop (the selected tab); End moves to its last tab, + Start session, and opens it.
    await tabTo(/^Maria/, { back: true });
    await page.keyboard.press('End');
    assert.equal((await focused()).name, '+ Start session');
    await tabTo('Trainee');
    // Jon Baker sorts first: the picker starts on him.
    assert.match(await page.getByLabel('Trainee').locator('option:checked').textContent(), /Jon Baker/);
    await tabTo('Start session');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Jon Baker' }).waitFor();
    await tabTo(/^Jon/, { back: true });
    await page.keyboard.press('ArrowLeft');
    await page.getByRole('heading', { name: 'Maria Lopez' }).waitFor();
    assert.match((await focused()).name, /^Maria/, 'the focus moves with the selection');
    await page.keyboard.press('End');
    assert.equal((await focused()).name, '+ Start session');
    await page.keyboard.press('Home');
    await page.getByRole('heading', { name: 'Maria Lopez' }).waitFor();
    assert.deepEqual(await accessibilityViolations(page), [], 'live control with two session tabs');
  });

  step('adds a note from its panel; the focus goes back to the button that opened it', async () => {
    await tabTo('Note…');
    await page.keyboard.press('Enter');
    await tabTo('Note (only you see it)');
    await page.keyboard.type('Knees caved on set 1');
    await tabTo('Add note');
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'Add note' }).waitFor({ state: 'detached' });
    assert.equal((await focused()).name, 'Note…');
  });

  step('ends the session through its dialog: focus in the dialog, Esc cancels, focus back on the button', async () => {
    await tabTo('End session');
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    assert.equal(await dialog.evaluate((d) => d.contains(document.activeElement)), true, 'the focus is in the dialog');
    assert.equal((await focused()).name, 'Cancel');
    assert.deepEqual(await accessibilityViolations(page), [], 'end session dialog');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    // The dialog's close event (a task after the Esc) has reached the button's state: its question is gone.
    await page.waitForFunction(() => [...document.querySelectorAll('dialog.confirm')].every((d) => !d.hasAttribute('aria-label')));
    assert.equal((await focused()).name, 'End session', 'Esc returns the focus to the button');
    assert.equal(await page.getByTestId('current-exercise').count(), 1, 'still live');

    await page.keyboard.press('Enter');
    await dialog.waitFor();
    await tabTo('Completed');
    await page.keyboard.press('Enter');
    await page.getByTestId('session-summary').waitFor();
    await page.waitForFunction(() => document.activeElement?.tagName === 'H1');
    assert.match((await focused()).name, /Maria's session is complete/, 'the focus lands on the summary');
    await page.getByTestId('summary-working-sets').filter({ hasText: '1' }).waitFor();
    await tabTo('Back to Maria');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Maria Lopez' }).waitFor();
    await page.screenshot({ path: `${SCREENSHOTS}/keyboard-trainee-1024.png` });
  });
});
