// The exercise picker in Chromium: a typo typed into the template editor still finds the exercise,
// picked with the keyboard it links the template exercise to the library; in a live session "Add
// exercise" picks from the library too and sends the exerciseId with add-exercise.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { SCREENSHOTS, launch, open } from './browser.mjs';
import { registerTrainer, signIn } from './support.mjs';

let browser;
let trainer;

async function signedInTablet() {
  const screen = await open(browser, 'tablet');
  screen.commands = [];
  screen.page.on('websocket', (ws) => ws.on('framesent', (f) => {
    const frame = typeof f.payload === 'string' ? JSON.parse(f.payload) : {};
    if (frame.type === 'command') screen.commands.push(frame);
  }));
  await signIn(screen.page, trainer.email);
  return screen;
}

describe('the exercise library in the trainer screens', () => {
  before(async () => {
    browser = await launch();
    trainer = await registerTrainer('Library Coach', 'library');
  });
  after(async () => {
    await browser?.close();
  });

  it('template editor: "goblet sqaut" suggests Goblet Squat; arrow down and Enter pick it and link it', async () => {
    const template = await trainer.call('POST', '/session-templates', { name: 'Leg day' });
    const { context, page: p } = await signedInTablet();
    await p.goto(`/trainer/#/templates/${template.id}`);
    const form = p.getByRole('form', { name: 'New exercise' });
    const name = form.getByRole('combobox', { name: 'Exercise' });
    await name.pressSequentially('goblet sqaut', { delay: 20 });
    const suggestions = form.getByRole('listbox');
    await suggestions.getByRole('option').first().waitFor();
    assert.match(await suggestions.getByRole('option').first().textContent(), /^Goblet Squat/);
    assert.equal(await name.getAttribute('aria-expanded'), 'true');
    await p.screenshot({ path: `${SCREENSHOTS}/exercise-picker-template.png` });

    await name.press('ArrowDown');
    assert.equal(await name.getAttribute('aria-activedescendant'), await suggestions.getByRole('option').first().getAttribute('id'));
    await name.press('Enter');
    assert.equal(await name.inputValue(), 'Goblet Squat');
    assert.equal(await name.getAttribute('aria-expanded'), 'false');
    await form.getByLabel('Sets', { exact: true }).fill('3');
    await form.getByRole('button', { name: 'Add exercise' }).click();
    await p.getByRole('list', { name: 'Exercises' }).getByText('Goblet Squat').waitFor();

    const saved = (await trainer.call('GET', `/session-templates/${template.id}`)).exercises[0];
    assert.equal(saved.exerciseName, 'Goblet Squat');
    assert.equal(saved.exerciseId, 'Goblet_Squat');
    assert.deepEqual(saved.muscleGroups, ['quadriceps']);
    assert.deepEqual(p.errors, []);
    await context.close();
  });

  it('live session: Add exercise picks "bench pr" from the library and sends its exerciseId; Escape keeps a free name', async () => {
    const trainee = await trainer.call('POST', '/trainees', { name: 'Maria Lopez' });
    const template = await trainer.call('POST', '/session-templates', { name: 'Push day', exercises: [{ exerciseName: 'Push-up', targetSets: 2 }] });
    const live = await trainer.call('POST', '/live-sessions', { traineeId: trainee.id, sessionTemplateId: template.id });
    const screen = await signedInTablet();
    const p = screen.page;
    await p.getByRole('link', { name: 'Live' }).click();
    await p.getByRole('button', { name: 'Add exercise…' }).click();
    const name = p.getByRole('combobox', { name: 'Exercise' });

    await name.pressSequentially('bench pr', { delay: 20 });
    const first = p.getByRole('listbox').getByRole('option').first();
    await first.waitFor();
    const label = await first.locator('.picker-name').textContent();
    assert.match(label, /^Bench Press/);
    await p.screenshot({ path: `${SCREENSHOTS}/exercise-picker-live.png` });
    await name.press('ArrowDown');
    await name.press('Enter');
    assert.equal(await name.inputValue(), label);
    await p.getByRole('button', { name: /^Add/ }).last().click();

    const added = () => screen.commands.filter((c) => c.name === 'add-exercise');
    await waitFor(() => added().length === 1);
    assert.equal(added()[0].payload.exerciseName, label);
    assert.ok(added()[0].payload.exerciseId, 'the picked exercise is linked');
    await waitFor(async () => (await trainer.call('GET', '/live-sessions')).items[0].exercises.length === 2);
    const record = (await trainer.call('GET', '/live-sessions')).items.find((r) => r.id === live.id);
    assert.equal(record.exercises.find((e) => e.exerciseName === label).exerciseId, added()[0].payload.exerciseId);

    // A name of the trainer's own, suggestions dismissed with Escape, goes without an exerciseId.
    await p.getByRole('button', { name: 'Add exercise…' }).click();
    await name.pressSequentially('Sled push', { delay: 20 });
    await p.getByRole('listbox').getByRole('option').first().waitFor().catch(() => {});
    await name.press('Escape');
    await p.getByRole('button', { name: /^Add/ }).last().click();
    await waitFor(() => added().length === 2);
    assert.equal(added()[1].payload.exerciseName, 'Sled push');
    assert.equal(added()[1].payload.exerciseId, undefined);
    assert.deepEqual(p.errors, []);
    await screen.context.close();
  });

  it('exercises page: a custom exercise is added, shown as yours, found by the picker, edited and deleted', async () => {
    const { context, page: p } = await signedInTablet();
    await p.getByRole('link', { name: 'Exercises' }).click();
    await p.getByRole('button', { name: '+ New exercise' }).click();
    const form = p.getByRole('form', { name: 'New exercise' });
    await form.getByLabel('Name').fill('Prowler sprint');
    await form.getByLabel('Category').selectOption('strongman');
    await form.getByRole('group', { name: 'Primary muscles' }).getByLabel('quadriceps').check();
    await form.getByRole('button', { name: 'Add exercise' }).click();
    await p.getByRole('search').getByPlaceholder(/Search/).fill('prowlr sprint');
    const found = p.getByRole('list', { name: 'Exercises found' }).getByRole('listitem').filter({ hasText: 'yours' });
    assert.match(await found.locator('strong').textContent(), /^Prowler sprint$/);
    await p.screenshot({ path: `${SCREENSHOTS}/exercises-page.png` });

    const mine = (await trainer.call('GET', '/exercises?q=prowler')).items.find((e) => e.custom);
    assert.deepEqual([mine.name, mine.category, mine.primaryMuscles], ['Prowler sprint', 'strongman', ['quadriceps']]);
    await found.getByRole('button', { name: 'Edit Prowler sprint' }).click();
    await p.getByRole('form', { name: 'Edit Prowler sprint' }).getByLabel('Level').selectOption('expert');
    await p.getByRole('button', { name: 'Save' }).click();
    await waitFor(async () => (await trainer.call('GET', `/exercises/${mine.id}`)).level === 'expert');
    const edited = await trainer.call('GET', `/exercises/${mine.id}`);
    assert.deepEqual([edited.name, edited.primaryMuscles], ['Prowler sprint', ['quadriceps']], 'only the level changed');

    await found.getByRole('button', { name: 'Delete' }).click();
    await p.getByRole('button', { name: 'Delete exercise' }).click();
    await found.waitFor({ state: 'detached' });
    assert.deepEqual(p.errors, []);
    await context.close();
  });
});

async function waitFor(condition, timeoutMs = 5_000) {
  const until = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > until) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 50));
  }
}
