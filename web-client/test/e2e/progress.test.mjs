// Progress, weekly volume and records: history logged over REST shows as the e1RM chart, the weekly
// sets per muscle and the records table on the trainee page, and as the trainee's own progress and
// records on their phone.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { accessibilityViolations } from './a11y.mjs';
import { BASE_URL, SCREENSHOTS, launch, open } from './browser.mjs';

const email = `coach-progress-${Date.now()}@spotter.test`;
const password = 'correct horse battery';
let token;
let browser;
let tablet;
let phone;
let traineeId;

async function call(method, path, body) {
  const response = await fetch(`${BASE_URL}/api/v1${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = await response.json();
  assert.ok(response.ok, `${method} ${path}: ${response.status} ${JSON.stringify(json)}`);
  return json;
}

/** Today minus `days` as an ISO date (UTC, the trainer's default time zone). */
const daysAgo = (days) => new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);
const set = (id, kind, reps, weight, rpe) => ({ id, kind, reps, weight, unit: 'kg', ...(rpe ? { rpe } : {}) });
const squat = (...sets) => ({ exerciseName: 'Back squat', exerciseId: 'Barbell_Full_Squat', sets });

/** The numbers of the heat map's row for `muscle`, one per week, newest last ("" for none). */
async function row(page, muscle) {
  const cells = page.getByTestId('volume-grid').getByRole('row', { name: new RegExp(`^${muscle}`) }).locator('td');
  return (await cells.allTextContents()).map((t) => (t === '0' ? '' : t.trim()));
}

describe('progress and weekly volume on the trainee page and the phone', () => {
  before(async () => {
    token = (await call('POST', '/auth/register', { email, password, name: 'Coach Progress' })).accessToken;
    traineeId = (await call('POST', '/trainees', { name: 'Maria Lopez' })).id;
    // Squats today, a week and two weeks ago (so in this week and the two before): e1RMs 100 / 0.811 = 123.3,
    // 105 / 0.811 = 129.5, 120 / 0.892 = 134.5. Warm-ups count for nothing. Bench press in the last.
    await call('POST', '/session-records', { traineeId, sessionDate: daysAgo(14), status: 'completed',
      exercises: [squat(set('w', 'warmup', 5, 60), set('a', 'working', 5, 100, 8), set('b', 'working', 5, 100, 8))] });
    await call('POST', '/session-records', { traineeId, sessionDate: daysAgo(7), status: 'completed',
      exercises: [squat(set('w', 'warmup', 5, 60), set('a', 'working', 5, 105, 8), set('b', 'working', 5, 100, 7))] });
    await call('POST', '/session-records', { traineeId, sessionDate: daysAgo(0), status: 'completed',
      exercises: [squat(set('a', 'working', 3, 120, 9), set('b', 'working', 5, 105, 8)),
        { exerciseName: 'Bench press', exerciseId: 'Barbell_Bench_Press_-_Medium_Grip',
          sets: [set('c', 'working', 8, 70, 8), set('d', 'working', 8, 70, 9)] }] });
    const link = await call('POST', `/trainees/${traineeId}/access-links`, {});

    browser = await launch();
    tablet = await open(browser, 'tablet', '/trainer/');
    await tablet.page.getByLabel('Email').fill(email);
    await tablet.page.getByLabel('Password').fill(password);
    await tablet.page.getByRole('button', { name: 'Sign in' }).click();
    await tablet.page.getByRole('link', { name: 'Trainees' }).waitFor();
    const url = new URL(link.url);
    phone = await open(browser, 'phone', url.pathname + url.hash);
  });
  after(async () => {
    for (const screen of [tablet, phone]) {
      if (screen) assert.deepEqual(screen.page.errors, [], 'no script errors in the page');
    }
    await browser?.close();
  });

  it('the trainee page charts the most trained exercise: e1RM and best set over three sessions', async () => {
    const p = tablet.page;
    await p.goto(`/trainer/#/trainees/${traineeId}`);
    const chart = p.getByTestId('progress-chart');
    await chart.waitFor();
    assert.equal(await p.getByLabel('Exercise').inputValue(), 'Barbell_Full_Squat');
    assert.equal((await p.getByTestId('best-e1rm').textContent()).trim(), '134.5 kg');
    const figure = chart.getByRole('img');
    assert.match(await figure.getAttribute('aria-label'), /Back squat, 3 sessions .*e1RM from 123\.3 to 134\.5 kg; Best set weight from 100 to 120 kg/);
    assert.equal(await figure.locator('path').count(), 2, 'two lines: e1RM and best set weight');
    await chart.getByText('Numbers per session').click();
    const rows = await chart.locator('tbody tr').allTextContents();
    assert.equal(rows.length, 3);
    assert.match(rows[0], /134\.5 kg.*3 × 120 kg @ 9.*885 kg/, 'newest first: 3 × 120 + 5 × 105');
    assert.match(rows[2], /123\.3 kg.*5 × 100 kg @ 8.*1,000 kg/);
    assert.deepEqual(await accessibilityViolations(p, '.progress-grid'), []);
  });

  it('the picker switches the chart to another exercise', async () => {
    const p = tablet.page;
    await p.getByLabel('Exercise').selectOption('Barbell_Bench_Press_-_Medium_Grip');
    // 8 × 70 @ 8: 70 / p(10) = 70 / 0.739 = 94.7 beats 8 × 70 @ 9: 70 / p(9) = 91.9
    await p.getByTestId('best-e1rm').filter({ hasText: '94.7 kg' }).waitFor();
    await p.getByLabel('Exercise').selectOption('Barbell_Full_Squat');
    await p.getByTestId('best-e1rm').filter({ hasText: '134.5 kg' }).waitFor();
  });

  it('weekly sets per muscle: twelve weeks, primary muscles 1 and secondary 0.5 a set, warm-ups left out', async () => {
    const p = tablet.page;
    const grid = p.getByTestId('volume-grid');
    await grid.waitFor();
    assert.equal(await grid.locator('thead th').count(), 13, 'the muscle column and twelve weeks');
    const empty = Array(9).fill('');
    assert.deepEqual(await row(p, 'quadriceps'), [...empty, '2', '2', '2']);
    assert.deepEqual(await row(p, 'hamstrings'), [...empty, '1', '1', '1']);
    assert.deepEqual(await row(p, 'chest'), [...empty, '', '', '2']);
    assert.deepEqual(await row(p, 'triceps'), [...empty, '', '', '1']);
    for (const [width, height] of [[1024, 768], [1920, 1080]]) {
      await p.setViewportSize({ width, height });
      await p.getByRole('heading', { name: 'Progress' }).scrollIntoViewIfNeeded();
      await p.screenshot({ path: `${SCREENSHOTS}/progress-trainee-page-${width}x${height}.png` });
    }
    await p.screenshot({ path: `${SCREENSHOTS}/progress-trainee-page-full.png`, fullPage: true });
  });

  it('the records table: best e1RM, heaviest and rep maxes per exercise, each with its date', async () => {
    const p = tablet.page;
    const table = p.getByRole('table', { name: 'Personal records per exercise, in kg' });
    await table.waitFor();
    const rows = (await table.locator('tbody tr').allTextContents()).map((t) => t.replace(/\s+/g, ' '));
    assert.equal(rows.length, 2, 'back squat and bench press, by name');
    // 5 × 105 a week ago still stands beside today's 3 × 120; 5 × 100 two weeks ago is beaten on both.
    assert.match(rows[0], /^Back squat134\.5 kg3 × 120 kg · .*120 kg3 × 120 kg · .*3 × 120 kg .*5 × 105 kg /);
    assert.doesNotMatch(rows[0], /100 kg/);
    assert.match(rows[1], /^Bench press94\.7 kg8 × 70 kg · .*70 kg8 × 70 kg · .*8 × 70 kg /);
    assert.deepEqual(await accessibilityViolations(p, '[data-testid="records"]'), []);
    for (const [width, height] of [[1024, 768], [1920, 1080], [390, 844]]) {
      await p.setViewportSize({ width, height });
      await table.scrollIntoViewIfNeeded();
      await p.screenshot({ path: `${SCREENSHOTS}/records-trainee-page-${width}x${height}.png` });
      // Wide tables scroll inside their cards; the page itself never scrolls sideways.
      assert.equal(await p.evaluate(() => document.scrollingElement.scrollWidth), width, `page width at ${width} px`);
    }
  });

  it('the phone shows the trainee their own progress between sessions', async () => {
    const p = phone.page;
    const mine = p.getByTestId('my-progress');
    await mine.waitFor();
    assert.equal((await mine.getByTestId('best-e1rm').textContent()).trim(), '134.5 kg');
    assert.equal(await mine.getByRole('img').locator('path').count(), 1, 'the e1RM line only');
    assert.equal(await mine.getByTestId('volume-grid').locator('thead th').count(), 5, 'the muscle column and four weeks');
    assert.deepEqual(await row(p, 'quadriceps'), ['', '2', '2', '2']);
    await mine.getByRole('button', { name: 'Bench press' }).click();
    await mine.getByTestId('best-e1rm').filter({ hasText: '94.7 kg' }).waitFor();
    assert.deepEqual(await accessibilityViolations(p), []);
    await mine.getByRole('button', { name: 'Back squat' }).click();
    await mine.getByTestId('best-e1rm').filter({ hasText: '134.5 kg' }).waitFor();
    await mine.scrollIntoViewIfNeeded();
    await p.screenshot({ path: `${SCREENSHOTS}/progress-phone-390x844.png` });
    await p.screenshot({ path: `${SCREENSHOTS}/progress-phone-full.png`, fullPage: true });
  });

  it("the phone lists the trainee's own records", async () => {
    const p = phone.page;
    const records = p.getByTestId('my-records');
    await records.waitFor();
    const items = (await records.getByRole('listitem').allTextContents()).map((t) => t.replace(/\s+/g, ' '));
    assert.equal(items.length, 2);
    assert.match(items[0], /^Back squate1RM 134\.5 kg .*Heaviest 3 × 120 kg /);
    assert.match(items[1], /^Bench presse1RM 94\.7 kg .*Heaviest 8 × 70 kg /);
    assert.deepEqual(await accessibilityViolations(p, '[data-testid="my-records"]'), []);
    await records.scrollIntoViewIfNeeded();
    await p.screenshot({ path: `${SCREENSHOTS}/records-phone-390x844.png` });
  });
});
