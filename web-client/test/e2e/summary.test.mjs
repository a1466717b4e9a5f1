// Previous performance and the session summary: a trainee with a completed session behind them sees
// it before the first set on tablet and phone, and ending today's session shows the same summary on both.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { accessibilityViolations } from './a11y.mjs';
import { SCREENSHOTS, launch, open } from './browser.mjs';
import { closeChecked, registerTrainer, signIn } from './support.mjs';

let trainer;
let browser;
let tablet;
let phone;
let sessionId;

/** Text of the element with this test id, once shown. */
async function shown(page, testId) {
  const element = page.getByTestId(testId).first();
  await element.waitFor();
  return (await element.textContent()).trim();
}

describe('previous performance and the summary on tablet and phone', () => {
  before(async () => {
    trainer = await registerTrainer('Coach Summary', 'coach');
    const traineeId = (await trainer.call('POST', '/trainees', { name: 'Maria Lopez' })).id;
    // Last time: a warm-up, 5 × 100 kg @ 8, 5 × 102.5 kg @ 8.5 (e1RM 102.5 / 0.824 = 124.4 kg).
    await trainer.call('POST', '/session-records', {
      traineeId, sessionDate: '2026-11-10', status: 'completed',
      exercises: [{ exerciseName: 'Back squat', sets: [
        { id: 'w', kind: 'warmup', reps: 5, weight: 60, unit: 'kg' },
        { id: 'a', kind: 'working', reps: 5, weight: 100, unit: 'kg', rpe: 8 },
        { id: 'b', kind: 'working', reps: 5, weight: 102.5, unit: 'kg', rpe: 8.5 },
      ] }],
    });
    const template = await trainer.call('POST', '/session-templates', {
      name: 'Squat day', exercises: [{ exerciseName: 'back squat ', targetSets: 3, targetReps: 5, targetWeight: 105 }],
    });
    const link = await trainer.call('POST', `/trainees/${traineeId}/access-links`, {});
    sessionId = (await trainer.call('POST', '/live-sessions', { traineeId, sessionTemplateId: template.id })).id;

    browser = await launch();
    tablet = await open(browser, 'tablet');
    await signIn(tablet.page, trainer.email);
    const url = new URL(link.url);
    phone = await open(browser, 'phone', url.pathname + url.hash);
  });
  after(() => closeChecked(browser, [tablet?.page, phone?.page]));

  it('before the first set, the tablet shows last time and the best', async () => {
    const text = await shown(tablet.page, 'previous-performance');
    assert.match(text, /Last time/);
    assert.match(text, /5 × 100 kg · RPE 8/);
    assert.match(text, /5 × 60 kg.*warm-up/);
    assert.equal(await shown(tablet.page, 'best-set'), '5 × 102.5 kg · e1RM 124.4 kg');
    await tablet.page.screenshot({ path: `${SCREENSHOTS}/summary-tablet-previous.png` });
    assert.deepEqual(await accessibilityViolations(tablet.page), [], 'tablet with previous performance');
  });

  it('and so does the phone, compactly, working sets only', async () => {
    const text = await shown(phone.page, 'previous-performance');
    assert.match(text, /Last time 5 × 100 kg, 5 × 102.5 kg/);
    assert.match(text, /Best 5 × 102.5 kg · e1RM 124.4 kg/);
    await phone.page.screenshot({ path: `${SCREENSHOTS}/summary-phone-previous.png` });
    assert.deepEqual(await accessibilityViolations(phone.page), [], 'phone with previous performance');
  });

  it('ending the session shows the same summary on tablet and phone', async () => {
    const p = tablet.page;
    await p.getByTestId('log-set').click();
    await p.locator('[data-sets="1"]').first().waitFor();
    await p.getByRole('button', { name: 'End session' }).click();
    await p.getByRole('button', { name: 'Completed' }).click();
    const summary = await trainer.call('GET', `/session-records/${sessionId}/summary`);
    assert.equal(summary.workingSets, 1);
    assert.equal(summary.exercises, 1);
    for (const page of [p, phone.page]) {
      await page.getByTestId('session-summary').waitFor();
      await page.getByTestId('summary-best-sets').waitFor();
      assert.equal(await shown(page, 'summary-working-sets'), '1');
      assert.equal(await shown(page, 'summary-exercises'), '1');
      assert.equal(await shown(page, 'summary-volume'), `${summary.volume.toLocaleString('en-US')} kg`);
      assert.match(await shown(page, 'summary-best-sets'), /back squat/);
    }
    await p.screenshot({ path: `${SCREENSHOTS}/summary-tablet.png` });
    await phone.page.screenshot({ path: `${SCREENSHOTS}/summary-phone.png` });
    assert.deepEqual(await accessibilityViolations(p), [], 'tablet summary');
    assert.deepEqual(await accessibilityViolations(phone.page), [], 'phone summary');
    await p.getByTestId('back-to-trainee').click();
    await p.getByRole('heading', { name: 'Maria Lopez' }).waitFor();
  });
});
