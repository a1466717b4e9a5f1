// The trainer's work around sessions, in Chromium against the real server: history edited and
// trimmed, templates duplicated and renamed, a program copied for another trainee, a trainee archived
// and restored, trainees searched, the phone link copied. Every change is checked on the server too.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { accessibilityViolations, dialogViolations } from './a11y.mjs';
import { BASE_URL, launch, open } from './browser.mjs';
import { registerTrainer, signIn } from './support.mjs';

let browser;
let trainer;

const create = (path, body) => trainer.call('POST', path, body);
const get = (path) => trainer.call('GET', path);

async function tablet() {
  const screen = await open(browser, 'tablet');
  await signIn(screen.page, trainer.email);
  return screen;
}

/** Runs `steps` on a signed-in tablet, closing it whatever happens; no page error may occur. */
async function onTablet(steps) {
  const screen = await tablet();
  try {
    await steps(screen.page, screen.context);
    assert.deepEqual(screen.page.errors, []);
  } finally {
    await screen.context.close();
  }
}

/** Clicks a ConfirmButton and confirms in its dialog. */
async function confirm(p, button, confirmName) {
  await button.click();
  const dialog = p.getByRole('dialog');
  await dialog.getByRole('button', { name: confirmName }).click();
}

describe('the trainer manages history, templates, programs and trainees', () => {
  before(async () => {
    browser = await launch();
    trainer = await registerTrainer('Manage Coach', 'manage');
  });
  after(async () => {
    await browser?.close();
  });

  it('history: a past set and the notes edited stay edited after a reload; the stats leave out warm-ups', async () => {
    const trainee = await create('/trainees', { name: 'Hana Sato' });
    const record = await create('/session-records', {
      traineeId: trainee.id, sessionDate: '2026-11-18', startTime: '2026-11-18T17:00:00Z', endTime: '2026-11-18T18:00:00Z',
      exercises: [{ exerciseName: 'Back squat', sets: [
        { id: 'w', kind: 'warmup', reps: 10, weight: 40, unit: 'kg' },
        { id: 'a', reps: 5, weight: 100, unit: 'kg', rpe: 8 },
      ] }],
    });
    await onTablet(async (p) => {
      await p.goto(`/trainer/#/history?traineeId=${trainee.id}`);
      const stats = p.getByTestId('record-stats');
      await stats.waitFor();
      const text = await stats.textContent();
      assert.match(text, /1 h 0 min/);
      assert.match(text, /1 working set · 500 kg/, 'the 10 × 40 warm-up is not in the volume');
      assert.match(text, /RPE 8/);
      assert.deepEqual(await accessibilityViolations(p), [], 'history list');

      await p.locator('details.record summary').first().click();
      await p.getByRole('button', { name: 'Edit' }).click();
      const form = p.getByRole('form', { name: 'Edit session' });
      await form.waitFor();
      assert.deepEqual(await accessibilityViolations(p), [], 'record editor');
      await form.getByLabel('Back squat set 2 weight').fill('102.5');
      await form.getByRole('button', { name: '+ Add set' }).click();
      await form.getByLabel('Back squat set 3 reps').fill('3');
      await form.getByLabel('Notes', { exact: true }).fill('Moved well');
      await form.getByLabel('Form rating').selectOption('4');
      await form.getByLabel('Session notes').fill('Good session');
      await form.getByRole('button', { name: 'Save changes' }).click();
      await form.waitFor({ state: 'detached' });

      await p.reload();
      await p.locator('details.record summary').first().click();
      await p.getByText('Good session').waitFor();
      await p.getByText('Moved well').waitFor();
      await p.getByText('5 × 102.5 kg · RPE 8').waitFor();
      await p.getByText('3 × 102.5 kg').waitFor();
    });
    const stored = await get(`/session-records/${record.id}`);
    const squat = stored.exercises[0];
    assert.deepEqual(squat.sets.map((s) => [s.id, s.reps, s.weight]).slice(0, 2), [['w', 10, 40], ['a', 5, 102.5]]);
    assert.equal(squat.sets.length, 3);
    assert.equal(squat.formRating, 4);
    assert.equal(stored.trainerNotes, 'Good session');
  });

  it('history: a record is deleted only once confirmed, and the exercise filter finds by name in any case', async () => {
    const trainee = await create('/trainees', { name: 'Ivo Novak' });
    await create('/session-records', { traineeId: trainee.id, sessionDate: '2026-11-10', exercises: [{ exerciseName: 'Deadlift' }] });
    const doomed = await create('/session-records', { traineeId: trainee.id, sessionDate: '2026-11-12', exercises: [{ exerciseName: 'Bench press' }] });
    await onTablet(async (p) => {
      await p.goto(`/trainer/#/history?traineeId=${trainee.id}`);
      await p.getByLabel('Exercise', { exact: true }).fill('  bench PRESS ');
      await p.getByLabel('Exercise', { exact: true }).press('Enter');
      await p.waitForFunction(() => document.querySelectorAll('details.record').length === 1);
      await p.locator('details.record summary').click();
      const deleteButton = p.getByTestId('delete-record');
      assert.deepEqual(await dialogViolations(p, deleteButton), [], 'delete record dialog');
      await deleteButton.click();
      await p.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();
      assert.equal((await get(`/session-records?traineeId=${trainee.id}`)).items.length, 2, 'cancelled: nothing deleted');
      await confirm(p, deleteButton, 'Delete session');
      await p.getByText('No sessions with “bench PRESS”.').waitFor();
    });
    const left = await get(`/session-records?traineeId=${trainee.id}`);
    assert.deepEqual(left.items.map((r) => r.id).includes(doomed.id), false);
    assert.equal(left.items.length, 1);
  });

  it('templates: a template is duplicated with its exercises and the copy renamed', async () => {
    const template = await create('/session-templates', { name: 'Push day', exercises: [{ exerciseName: 'Bench press', targetSets: 3 }, { exerciseName: 'Dips' }] });
    let copyId;
    await onTablet(async (p) => {
      await p.goto('/trainer/#/templates');
      await p.getByRole('link', { name: /Push day/ }).waitFor();
      assert.deepEqual(await accessibilityViolations(p), [], 'templates list');
      await p.goto(`/trainer/#/templates/${template.id}`);
      await p.getByRole('button', { name: 'Duplicate' }).waitFor();
      assert.deepEqual(await accessibilityViolations(p), [], 'template editor');
      assert.deepEqual(await dialogViolations(p, p.getByTestId('delete-template')), [], 'delete template dialog');
      assert.deepEqual(await dialogViolations(p, p.getByRole('button', { name: 'Delete Dips' })), [], 'delete exercise dialog');
      await p.getByRole('button', { name: 'Duplicate' }).click();
      await p.getByRole('heading', { name: 'Push day (copy)' }).waitFor();
      copyId = p.url().split('/').pop();
      assert.notEqual(copyId, template.id);
      await p.getByRole('button', { name: 'Rename' }).click();
      await p.getByLabel('Template name').fill('Push day B');
      await p.getByRole('button', { name: 'Save name' }).click();
      await p.getByRole('heading', { name: 'Push day B' }).waitFor();
    });
    const copy = await get(`/session-templates/${copyId}`);
    assert.equal(copy.name, 'Push day B');
    assert.deepEqual(copy.exercises.map((e) => e.exerciseName), ['Bench press', 'Dips']);
    assert.equal((await get(`/session-templates/${template.id}`)).name, 'Push day');
  });

  it('programs: a program is copied for another trainee, its assigned sessions now theirs', async () => {
    const maria = await create('/trainees', { name: 'Maria Lopez' });
    const tom = await create('/trainees', { name: 'Tom Berg' });
    const program = await create('/programs', { name: 'Strength base', durationWeeks: 2 });
    await create(`/programs/${program.id}/sessions`, { name: 'Lower A', weekNumber: 1, traineeId: maria.id });
    let copyId;
    await onTablet(async (p) => {
      await p.goto('/trainer/#/programs');
      await p.getByRole('link', { name: /Strength base/ }).waitFor();
      assert.deepEqual(await accessibilityViolations(p), [], 'programs list');
      await p.goto(`/trainer/#/programs/${program.id}`);
      const form = p.getByRole('form', { name: 'Copy for another trainee' });
      await form.waitFor();
      assert.deepEqual(await accessibilityViolations(p), [], 'program editor');
      assert.deepEqual(await dialogViolations(p, p.getByTestId('delete-program')), [], 'delete program dialog');
      assert.deepEqual(await dialogViolations(p, p.getByRole('button', { name: 'Remove' })), [], 'remove planned session dialog');
      await form.getByLabel('Copy this program for').selectOption({ label: 'Tom Berg' });
      await form.getByRole('button', { name: 'Copy program' }).click();
      await p.getByRole('heading', { name: 'Strength base (Tom)' }).waitFor();
      copyId = p.url().split('/').pop();
    });
    const copy = await get(`/programs/${copyId}`);
    assert.deepEqual(copy.sessions.map((s) => [s.name, s.traineeId]), [['Lower A', tom.id]]);
    assert.equal((await get(`/programs/${program.id}`)).sessions[0].traineeId, maria.id);
  });

  it('trainees: archived, hidden from the list and the start picker, found under Archived, restored; search ignores accents', async () => {
    const trainee = await create('/trainees', { name: 'José Álvarez', email: 'jose@gym.test' });
    await create('/trainees', { name: 'Zoe Park' });
    await onTablet(async (p) => {
      await p.goto(`/trainer/#/trainees/${trainee.id}`);
      await p.getByRole('button', { name: 'Archive' }).waitFor();
      assert.deepEqual(await accessibilityViolations(p), [], 'trainee detail');
      assert.deepEqual(await dialogViolations(p, p.getByTestId('delete-trainee')), [], 'delete trainee dialog');
      await p.getByRole('button', { name: 'Archive' }).click();
      await p.getByRole('button', { name: 'Restore' }).waitFor();
      await p.goto('/trainer/#/trainees');
      await p.getByRole('link', { name: /Zoe Park/ }).waitFor();
      assert.deepEqual(await accessibilityViolations(p), [], 'trainees list');
      assert.equal(await p.getByRole('link', { name: /José Álvarez/ }).count(), 0, 'hidden while archived');
      await p.goto('/trainer/#/live');
      const picker = p.getByRole('form', { name: 'Start a live session' }).getByLabel('Trainee');
      await picker.locator('option', { hasText: 'Zoe Park' }).waitFor({ state: 'attached' });
      assert.equal(await picker.locator('option', { hasText: 'José' }).count(), 0, 'not offered to start a session');

      await p.goto('/trainer/#/trainees');
      await p.getByLabel('Archived only').check();
      await p.getByRole('link', { name: /José Álvarez/ }).click();
      await p.getByRole('button', { name: 'Restore' }).click();
      await p.getByRole('button', { name: 'Archive' }).waitFor();

      await p.goto('/trainer/#/trainees');
      await p.getByPlaceholder('Search by name or email').fill('alvarez');
      // The unfiltered list (José restored, and Zoe) shows first; wait for the search's answer.
      await p.waitForFunction(() => {
        const names = [...document.querySelectorAll('.list a')].map((a) => a.textContent).join();
        return names.includes('José') && !names.includes('Zoe');
      });
      assert.equal(await p.getByRole('link', { name: /Zoe Park/ }).count(), 0);
    });
    assert.equal((await get(`/trainees/${trainee.id}`)).archivedAt, null);
  });

  it('phone access: the new link is copied by its Copy button, and revoking asks first', async () => {
    const trainee = await create('/trainees', { name: 'Lena Berg' });
    await onTablet(async (p, context) => {
      await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: BASE_URL });
      await p.goto(`/trainer/#/trainees/${trainee.id}`);
      await p.getByRole('button', { name: 'New phone link' }).click();
      const url = await p.getByTestId('access-link').inputValue();
      await p.getByTestId('copy-link').click();
      await p.getByRole('button', { name: 'Copied' }).waitFor();
      assert.deepEqual(await accessibilityViolations(p), [], 'trainee detail with a new phone link');
      assert.deepEqual(await dialogViolations(p, p.getByRole('button', { name: 'Revoke' })), [], 'revoke link dialog');
      assert.equal(await p.evaluate(() => navigator.clipboard.readText()), url);

      await confirm(p, p.getByRole('button', { name: 'Revoke' }), 'Revoke link');
      await p.getByText(/revoked/).waitFor();
    });
    const links = await get(`/trainees/${trainee.id}/access-links`);
    assert.ok(links.items[0].revokedAt, 'revoked on the server');
  });
});
