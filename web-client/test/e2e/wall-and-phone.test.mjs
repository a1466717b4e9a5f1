// The wall and the phone beside the tablet: the phone is pushed a session the moment the tablet
// starts it, a short rest ends with "get ready" then GO on phone and wall at the same second, the
// wall fills 1920×1080 for one to eight sessions with its minimum type sizes, and a phone whose link
// is revoked says so and takes a new link in the same tab. Setup goes through the REST API.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe } from 'node:test';
import { accessibilityViolations, dialogViolations } from './a11y.mjs';
import { SCREENSHOTS, launch, open, timeUntil } from './browser.mjs';
import { closeChecked, liveCommands, registerTrainer, signIn, storySteps } from './support.mjs';

const SECOND = 1_000;
const REST_SECONDS = 12;
let browser;
let trainer;
let tablet;
let phone;
let wall;
let maria;
let link;
let template;
const step = storySteps('wall-and-phone', () => ({ tablet: tablet?.page, phone: phone?.page, wall: wall?.page }));

/** Live commands sent from the tablet's page on a socket of its own, as the trainer. */
const liveOnTablet = (sessionId, commands) => liveCommands(tablet.page, trainer.token, sessionId, commands);

const FIRST_NAMES = ['Jon', 'Aiko', 'Lena', 'Marco', 'Priya', 'Tomás', 'Zoe'];
let extra = 0;

/** Starts a session for a new trainee with a logged set (RPE 8) and a long rest running. */
async function startAnother() {
  const name = `${FIRST_NAMES[extra++]} Tester`;
  const trainee = await trainer.call('POST', '/trainees', { name });
  const record = await trainer.call('POST', '/live-sessions', { traineeId: trainee.id, sessionTemplateId: template.id });
  const exerciseRecordId = record.exercises[0].id;
  await liveOnTablet(record.id, [
    ['log-set', { exerciseRecordId, setId: randomUUID(), reps: 5, weight: 100, unit: 'kg', rpe: 8, kind: 'working' }],
    ['start-timer', { durationSeconds: 240 + extra * 7, label: 'Rest', exerciseRecordId }],
  ]);
}

/** The wall fits the screen, each tile shows all it has, and sizes keep their minimums; countdown largest. */
async function assertWallLegible(count) {
  await wall.page.locator(`.tiles[data-count="${count}"]`).waitFor({ timeout: 5 * SECOND });
  await wall.page.waitForFunction((n) => document.querySelectorAll('[data-testid=tile] .countdown').length === n, count);
  const found = await wall.page.evaluate(() => {
    const px = (el) => (el ? parseFloat(getComputedStyle(el).fontSize) : 0);
    const page = document.scrollingElement;
    return {
      scrolls: page.scrollHeight > innerHeight || page.scrollWidth > innerWidth,
      tiles: [...document.querySelectorAll('[data-testid=tile]')].map((t) => {
        const box = t.getBoundingClientRect();
        return {
          name: px(t.querySelector('.tile-name')),
          exercise: px(t.querySelector('.tile-exercise')),
          countdown: px(t.querySelector('.countdown')),
          others: Math.max(...['.tile-name', '.tile-exercise', '.tile-progress', '.tile-last', '.tile-next'].map((s) => px(t.querySelector(s)))),
          fits: t.scrollHeight <= t.clientHeight + 1 && t.scrollWidth <= t.clientWidth + 1,
          inside: box.right <= innerWidth + 0.5 && box.bottom <= innerHeight + 0.5,
          area: box.width * box.height,
        };
      }),
    };
  });
  assert.equal(found.scrolls, false, 'the wall does not scroll');
  assert.equal(found.tiles.length, count);
  for (const tile of found.tiles) {
    assert.ok(tile.name >= 64, `first name ${tile.name} px`);
    assert.ok(tile.exercise >= 48, `exercise ${tile.exercise} px`);
    assert.ok(tile.countdown > tile.others, `countdown ${tile.countdown} px is the largest (others up to ${tile.others} px)`);
    assert.ok(tile.fits, `a tile of ${count} shows all of its content`);
    assert.ok(tile.inside, 'the tile is on the screen');
  }
  const areas = found.tiles.map((t) => t.area);
  const covered = areas.reduce((a, b) => a + b, 0) / (1920 * 1080);
  console.log(`wall with ${count}: name ${found.tiles[0].name} px, exercise ${found.tiles[0].exercise} px, countdown ${found.tiles[0].countdown} px, tiles cover ${Math.round(covered * 100)} %`);
  assert.ok(covered > 0.8, `the tiles fill the wall (${Math.round(covered * 100)} %)`);
}

describe('the wall and the phone beside the tablet', () => {
  before(async () => {
    browser = await launch();
    trainer = await registerTrainer('Sam Carter', 'wall');
    maria = await trainer.call('POST', '/trainees', { name: 'Maria Lopez' });
    template = await trainer.call('POST', '/session-templates', {
      name: 'Lower body A',
      exercises: [
        { exerciseName: 'Back squat', targetSets: 4, targetReps: 5, targetWeight: 100, restBetweenSets: REST_SECONDS },
        { exerciseName: 'Romanian deadlift', targetSets: 3, targetReps: 8, targetWeight: 70, restBetweenSets: 90 },
      ],
    });
    link = await trainer.call('POST', `/trainees/${maria.id}/access-links`, {});
    tablet = await open(browser, 'tablet');
    wall = await open(browser, 'wall', '/display/');
  });
  after(() => closeChecked(browser, [tablet?.page, phone?.page, wall?.page]));

  step('the trainer signs in on the tablet and pairs the wall, which then shows as connected', async () => {
    const p = tablet.page;
    await signIn(p, trainer.email);
    const code = await wall.page.getByTestId('pairing-code').textContent();
    assert.deepEqual(await accessibilityViolations(wall.page), [], 'wall pairing screen');
    await p.getByRole('link', { name: 'Displays' }).click();
    await p.getByLabel('Code shown on the display').fill(code);
    await p.getByLabel('Name').fill('Gym floor');
    await p.getByRole('button', { name: 'Pair display' }).click();
    await p.getByTestId('paired').filter({ hasText: 'is connected' }).waitFor({ timeout: 10 * SECOND });
    await p.getByText(/last connected/).waitFor();
    assert.deepEqual(await accessibilityViolations(p), [], 'displays page with a paired display');
    assert.deepEqual(await dialogViolations(p, p.getByRole('button', { name: 'Unpair' })), [], 'unpair dialog');
  });

  step('an idle wall shows its name, the time and that it waits for a session', async () => {
    const idle = wall.page.getByTestId('wall-idle');
    await idle.waitFor({ timeout: 10 * SECOND });
    assert.match(await idle.textContent(), /Gym floor.*\d{1,2}:\d{2}.*Waiting for a session/s);
    await wall.page.screenshot({ path: `${SCREENSHOTS}/wall-idle.png` });
    assert.deepEqual(await accessibilityViolations(wall.page), [], 'wall idle');
  });

  step('the phone waits, and shows the session the tablet starts within a second (pushed, not polled)', async () => {
    phone = await open(browser, 'phone', new URL(link.url).pathname + new URL(link.url).hash);
    await phone.page.getByTestId('waiting').waitFor();
    assert.deepEqual(await accessibilityViolations(phone.page), [], 'phone waiting');
    await phone.page.waitForTimeout(500); // connected and subscribed
    const p = tablet.page;
    await p.getByRole('link', { name: 'Live' }).click();
    await p.getByRole('tab', { name: '+ Start session' }).click();
    await p.getByLabel('Trainee').selectOption({ label: 'Maria Lopez' });
    await p.getByLabel('Workout').selectOption({ label: 'Lower body A' });
    const shown = timeUntil(phone.page, () => document.querySelector('[data-testid=current-exercise]')?.textContent === 'Back squat');
    await p.getByRole('button', { name: 'Start session', exact: true }).click();
    const ms = await shown;
    console.log(`phone showed the new session ${ms} ms after the tablet's start`);
    assert.ok(ms < SECOND, `phone took ${ms} ms`);
  });

  step('a short rest: get ready on all three in its last ten seconds, then GO on phone and wall together', async () => {
    await phone.page.mouse.click(200, 700); // a tap: the page may make sound from now on
    await tablet.page.getByTestId('log-set').click();
    await assertWallLegible(1);
    await wall.page.screenshot({ path: `${SCREENSHOTS}/wall-1.png` });
    const phase = (page, name) => page.locator(`[data-testid=rest-cue][data-phase=${name}]`).first();
    await Promise.all([tablet, phone, wall].map((s) => phase(s.page, 'get-ready').waitFor({ timeout: (REST_SECONDS - 8) * SECOND })));
    const seconds = await Promise.all([tablet, phone, wall].map((s) => s.page.getByTestId('countdown').first().getAttribute('data-seconds').then(Number)));
    assert.ok(seconds.every((s) => s <= 10 && s > 0), `get ready with ${seconds} s left`);
    const goAt = await Promise.all([phone, wall].map((s) =>
      phase(s.page, 'go').waitFor({ timeout: 12 * SECOND }).then(() => Date.now())));
    console.log(`GO on phone and wall ${Math.abs(goAt[0] - goAt[1])} ms apart`);
    assert.ok(Math.abs(goAt[0] - goAt[1]) < SECOND, 'GO at the same second');
    await phone.page.screenshot({ path: `${SCREENSHOTS}/phone-go.png` });
    await wall.page.screenshot({ path: `${SCREENSHOTS}/wall-1-go.png` });
    assert.deepEqual(await accessibilityViolations(phone.page), [], 'phone GO');
    assert.deepEqual(await accessibilityViolations(wall.page), [], 'wall GO');
    const alerts = await phone.page.getByTestId('rest-cue').getAttribute('data-alerts');
    console.log(`phone sounded or buzzed the end of the rest ${alerts} time(s)`);
    assert.equal(alerts, '1', 'the phone sounded or buzzed once');
    await phone.page.getByTestId('rest-cue').waitFor({ state: 'detached', timeout: 7 * SECOND });
    await wall.page.locator('[data-testid=tile][data-phase=idle]').waitFor({ timeout: 2 * SECOND });
  });

  step('the wall fills 1920×1080 with 2, 3, 5 and 8 sessions', async () => {
    const sessions = await trainer.call('GET', '/live-sessions');
    const record = sessions.items[0];
    await liveOnTablet(record.id, [['start-timer', { durationSeconds: 200, label: 'Rest', exerciseRecordId: record.exercises[0].id }]]);
    for (const count of [2, 3, 5, 8]) {
      while (extra + 1 < count) await startAnother();
      if (count === 3 || count === 8) await assertWallLegible(count);
      else await wall.page.locator(`.tiles[data-count="${count}"]`).waitFor({ timeout: 5 * SECOND });
      await wall.page.waitForTimeout(1_600); // the new set's highlight is over
      await wall.page.screenshot({ path: `${SCREENSHOTS}/wall-${count}.png` });
    }
  });

  step('a revoked link is said plainly on the phone, and a new link opened in the same tab works', async () => {
    await trainer.call('DELETE', `/trainees/${maria.id}/access-links/${link.id}`);
    await phone.page.getByText('This link was turned off by your trainer').waitFor({ timeout: 10 * SECOND });
    await phone.page.screenshot({ path: `${SCREENSHOTS}/phone-revoked.png` });
    assert.deepEqual(await accessibilityViolations(phone.page), [], 'phone with a revoked link');
    const fresh = await trainer.call('POST', `/trainees/${maria.id}/access-links`, {});
    await phone.page.getByLabel('Or paste the link here').fill(fresh.url);
    await phone.page.getByRole('button', { name: 'Open link' }).click();
    await phone.page.getByTestId('current-exercise').filter({ hasText: 'Back squat' }).waitFor({ timeout: 5 * SECOND });
    assert.equal(await phone.page.getByText('turned off').count(), 0);
  });
});
