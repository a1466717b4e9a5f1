// Coaching on the screens: the second session of a template pre-fills the suggested weight with its
// why, and a trainee with a knee injury gets the squat flagged on the tablet, never on the phone.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { SCREENSHOTS, launch, open } from './browser.mjs';
import { closeChecked, liveCommands, registerTrainer, signIn } from './support.mjs';

let trainer;
let browser;
let tablet;
let phone;

describe('suggested load and injury flags on the screens', () => {
  before(async () => {
    trainer = await registerTrainer('Coach Suggest', 'coach');
    const traineeId = (await trainer.call('POST', '/trainees', {
      name: 'Maria Lopez', injuries: [{ area: 'Left knee', note: 'No deep squats' }],
    })).id;
    const template = await trainer.call('POST', '/session-templates', {
      name: 'Leg day', exercises: [
        { exerciseName: 'Barbell Squat', exerciseId: 'Barbell_Squat', targetSets: 3, targetReps: 5, targetRpe: 8, targetWeight: 80 },
        { exerciseName: 'Plank', exerciseId: 'Plank', targetSets: 3 },
      ],
    });
    browser = await launch();
    // The first session of the template: 105 kg × 3 @ 9, e1RM 105 / 0.892 = 117.7 kg.
    const first = await trainer.call('POST', '/live-sessions', { traineeId, sessionTemplateId: template.id });
    const squat = first.exercises[0].id;
    const socketPage = await open(browser, 'wall', '/trainer/');
    const setId = crypto.randomUUID();
    await liveCommands(socketPage.page, trainer.token, first.id, [
      ['log-set', { exerciseRecordId: squat, setId: crypto.randomUUID(), kind: 'warmup', reps: 5, weight: 60, unit: 'kg' }],
      ['log-set', { exerciseRecordId: squat, setId, reps: 3, weight: 105, unit: 'kg' }],
      ['record-rpe', { exerciseRecordId: squat, setId, rpe: 9 }],
      ['end-session', { status: 'completed' }],
    ]);
    await socketPage.context.close();
    const link = await trainer.call('POST', `/trainees/${traineeId}/access-links`, {});
    await trainer.call('POST', '/live-sessions', { traineeId, sessionTemplateId: template.id });

    tablet = await open(browser, 'tablet');
    await signIn(tablet.page, trainer.email);
    const url = new URL(link.url);
    phone = await open(browser, 'phone', url.pathname + url.hash);
  });
  after(() => closeChecked(browser, [tablet?.page, phone?.page]));

  it('the tablet pre-fills the suggested weight and says why: e1RM 117.7 x 81 % of last session, 95.45 -> 95 kg', async () => {
    const why = tablet.page.getByTestId('suggestion');
    await why.waitFor();
    assert.match(await why.textContent(), /Suggested 95 kg · e1RM 117\.7 × 81 % \(last session\)/);
    assert.match(await tablet.page.getByTestId('log-set').textContent(), /5 reps × 95 kg/);
  });

  it('the squat is flagged on the tablet: a banner at the start and a warning on its card', async () => {
    const banner = tablet.page.getByTestId('injury-banner');
    await banner.waitFor();
    assert.match(await banner.textContent(), /Barbell Squat · Left knee: No deep squats/);
    assert.doesNotMatch(await banner.textContent(), /Plank/);
    assert.match(await tablet.page.getByTestId('injury-warning').textContent(), /Injury · Left knee: No deep squats/);
    await tablet.page.screenshot({ path: `${SCREENSHOTS}/coaching-tablet.png` });
  });

  it('the phone shows the suggested weight but never the flag', async () => {
    const suggested = phone.page.getByTestId('suggested-weight');
    await suggested.waitFor();
    assert.match(await suggested.textContent(), /Suggested next set: 95 kg/);
    assert.equal(await phone.page.getByText(/No deep squats|Injury/).count(), 0);
    await phone.page.screenshot({ path: `${SCREENSHOTS}/coaching-phone.png` });
  });

  it("a set logged today moves the suggestion to today's e1RM: 95 x 5 is 110.1, 89.3 -> 87.5 kg", async () => {
    await tablet.page.getByRole('button', { name: 'Got it' }).click();
    await tablet.page.getByTestId('log-set').click();
    await tablet.page.getByTestId('suggestion').filter({ hasText: '(today)' }).waitFor();
    assert.match(await tablet.page.getByTestId('suggestion').textContent(), /Suggested 87\.5 kg · e1RM 110\.1 × 81 %/);
    assert.match(await tablet.page.getByTestId('log-set').textContent(), /5 reps × 87\.5 kg/);
    assert.equal(await tablet.page.getByTestId('injury-banner').count(), 0, 'dismissed');
    assert.equal(await tablet.page.getByTestId('injury-warning').count(), 1, 'the card keeps its warning');
  });
});
