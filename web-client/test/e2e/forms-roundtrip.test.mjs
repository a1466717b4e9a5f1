// Every form that loads a resource, opened in Chromium and saved without a change, leaves the resource
// byte-identical on the server. Each resource is created through the REST API with every field the
// contract allows set to a non-default value, then read back with GET before and after the save.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { accessibilityViolations } from './a11y.mjs';
import { SCREENSHOTS, launch, open } from './browser.mjs';
import { liveCommands, registerTrainer, restText, signIn } from './support.mjs';

let browser;
let trainer;

const create = (path, body) => trainer.call('POST', path, body);
/** The resource as the server returns it: the exact text, to compare byte for byte. */
const read = (path) => restText('GET', path, undefined, trainer.token);

/** What a save may legitimately bump, removed at the top level of a resource. */
function withoutBumps(text) {
  const { version: _v, updatedAt: _u, ...rest } = JSON.parse(text);
  return rest;
}

/** The trainer's tablet, signed in, with the REST writes and live commands it sends recorded. */
async function tablet(device = 'tablet', viewport) {
  const screen = await open(browser, device);
  if (viewport) await screen.page.setViewportSize(viewport);
  watchWrites(screen);
  await signIn(screen.page, trainer.email);
  return screen;
}

function watchWrites(screen) {
  screen.writes = [];
  screen.commands = [];
  screen.page.on('request', (r) => {
    if (r.method() !== 'GET' && r.url().includes('/api/v1/') && !r.url().includes('/auth/')) screen.writes.push(`${r.method()} ${r.url()} ${r.postData()}`);
  });
  screen.page.on('websocket', (ws) => ws.on('framesent', (f) => {
    const frame = typeof f.payload === 'string' ? JSON.parse(f.payload) : {};
    if (frame.type === 'command') screen.commands.push(`${frame.name} ${JSON.stringify(frame.payload)}`);
  }));
}

/** A trainee with every profile field set, two goals, an injury, photos and a measurement with girths. */
async function fullTrainee(name) {
  const trainee = await create('/trainees', {
    name,
    email: `${name.split(' ')[0].toLowerCase()}@gym.test`,
    phone: '+44 7700 900123',
    dateOfBirth: '1990-04-12',
    gender: 'female',
    address: '12 Park Lane, London',
    emergencyContact: 'Jo Morgan, +44 7700 900456',
    height: 172.5,
    currentWeight: 68.2,
    bodyFatPercentage: 24.5,
    restingHeartRate: 62,
    fitnessLevel: 'intermediate',
    goals: [{ text: 'First pull-up', targetDate: '2026-02-01' }, { text: 'Run 5 km' }],
    injuries: [{ area: 'lower back', note: 'Avoid loaded flexion', since: '2023-09-01' }, { area: 'left knee' }],
    medicalNotes: 'Asthma;\ninhaler in bag.  ',
    progressPhotos: [{ id: 'p1', url: 'https://photos.example.test/p1.jpg', takenAt: '2025-11-20T08:30:00Z', caption: 'Week 1' }],
  });
  await create(`/trainees/${trainee.id}/measurements`, {
    measuredAt: '2025-11-20T08:30:00Z', weight: 68.2, bodyFatPercentage: 24.5, restingHeartRate: 62, height: 172.5, girths: { waist: 82.5, hips: 98 },
  });
  return trainee;
}

describe('forms saved unchanged leave their resource byte-identical', () => {
  before(async () => {
    browser = await launch();
    trainer = await registerTrainer('Forms Coach', 'forms');
  });
  after(async () => {
    await browser?.close();
  });

  it('trainee profile: the selects show the stored gender and fitness level; Save profile changes nothing', async () => {
    const trainee = await fullTrainee('Alex Morgan');
    const path = `/trainees/${trainee.id}`;
    const before = await read(path);
    const screen = await tablet();
    const p = screen.page;
    try {
      await p.goto(`/trainer/#${path}`);
      const form = p.getByRole('form', { name: 'Profile' });
      await form.getByLabel('Name').waitFor();
      assert.equal(await form.getByLabel('Gender').inputValue(), 'female', 'the Gender select shows the stored value');
      assert.equal(await form.getByLabel('Fitness level').inputValue(), 'intermediate', 'the Fitness level select shows the stored value');
      assert.equal(await form.getByLabel('Height (cm)').inputValue(), '172.5');
      assert.equal(await form.getByLabel('Date of birth').inputValue(), '1990-04-12');
      assert.equal(await form.getByLabel('Goals 1: By').inputValue(), '2026-02-01');
      assert.equal(await form.getByLabel('Injuries 1: Since').inputValue(), '2023-09-01');
      assert.deepEqual(await accessibilityViolations(p), [], 'trainee detail with profile, measurements and access links');
      await form.getByRole('button', { name: 'Save profile' }).click();
      await form.getByRole('status').waitFor();
      assert.equal(await read(path), before, 'the trainee is byte-identical after an unchanged save');
      assert.deepEqual(screen.writes, [], 'an unchanged profile sends no change at all');
      assert.deepEqual(p.errors, []);

      // One field changed: only that field changes (plus version and updatedAt).
      await form.getByLabel('Phone').fill('+44 7700 900999');
      await form.getByRole('button', { name: 'Save profile' }).click();
      await form.getByRole('status').filter({ hasText: 'Saved' }).waitFor();
      const changed = withoutBumps(await read(path));
      assert.deepEqual(changed, { ...withoutBumps(before), phone: '+44 7700 900999' });
      assert.equal(await form.getByLabel('Gender').inputValue(), 'female', 'still shown after the save');
    } finally {
      await screen.context.close();
    }
  });

  it('trainee profile: screenshots at 1024×768 and 390×844 show the selects with their values', async () => {
    const trainee = await fullTrainee('Riya Patel');
    for (const [device, viewport, file] of [['tablet', { width: 1024, height: 768 }, 'trainee-profile-1024x768.png'], ['phone', null, 'trainee-profile-390x844.png']]) {
      const screen = await tablet(device, viewport);
      try {
        await screen.page.goto(`/trainer/#/trainees/${trainee.id}`);
        const gender = screen.page.getByRole('form', { name: 'Profile' }).getByLabel('Gender');
        await gender.waitFor();
        assert.equal(await gender.inputValue(), 'female');
        await gender.scrollIntoViewIfNeeded();
        await screen.page.screenshot({ path: `${SCREENSHOTS}/${file}` });
      } finally {
        await screen.context.close();
      }
    }
  });

  it('measurements: adding one appends it, leaves the rest of the trainee as it was and keeps what was typed in the profile', async () => {
    const trainee = await fullTrainee('Sam Okafor');
    const path = `/trainees/${trainee.id}`;
    const before = withoutBumps(await read(path));
    const screen = await tablet();
    const p = screen.page;
    try {
      await p.goto(`/trainer/#${path}`);
      const profile = p.getByRole('form', { name: 'Profile' });
      await profile.getByLabel('Phone').fill('+44 7700 900777');
      const form = p.getByRole('form', { name: 'New measurement' });
      await form.getByLabel('Weight (kg)').fill('67.9');
      await form.getByRole('button', { name: 'Add measurement' }).click();
      await p.getByRole('cell', { name: '67.9' }).waitFor();
      const now = withoutBumps(await read(path));
      const added = now.measurementHistory.at(-1);
      assert.deepEqual(Object.keys(added).sort(), ['measuredAt', 'weight']);
      assert.equal(added.weight, 67.9);
      assert.deepEqual(now, { ...before, currentWeight: 67.9, measurementHistory: [...before.measurementHistory, added] });

      // The trainee reloaded with the new measurement: the phone typed in the profile is still there, and saves alone.
      assert.equal(await profile.getByLabel('Phone').inputValue(), '+44 7700 900777', 'a new measurement does not wipe what was typed');
      assert.equal(await profile.getByLabel('Gender').inputValue(), 'female');
      await profile.getByRole('button', { name: 'Save profile' }).click();
      await profile.getByRole('status').filter({ hasText: 'Saved' }).waitFor();
      assert.deepEqual(withoutBumps(await read(path)), { ...now, phone: '+44 7700 900777' });
      assert.deepEqual(p.errors, []);
    } finally {
      await screen.context.close();
    }
  });

  it('an lb trainer: height and measurements in inches and lb, stored in cm and kg; the profile saved unchanged changes nothing', async () => {
    const imperial = await registerTrainer('Imperial Coach', 'imperial');
    const trainee = await imperial.call('POST', '/trainees', { name: 'Dana Brooks', height: 172.7 });
    const path = `/trainees/${trainee.id}`;
    const before = await restText('GET', path, undefined, imperial.token);
    const screen = await open(browser, 'tablet');
    const p = screen.page;
    try {
      // Signed in while in kg, then switched to lb on another device: the tablet's stored copy says kg
      // until its GET /me, held back here, answers lb after the profile form is on screen.
      await signIn(p, imperial.email);
      await imperial.call('PATCH', '/me', { unit: 'lb' });
      let answerMe;
      const meAnswered = new Promise((resolve) => (answerMe = resolve));
      await p.route('**/api/v1/me', async (route) => {
        await meAnswered;
        await route.continue();
      });
      await p.goto(`/trainer/#${path}`);
      await p.reload();
      const profile = p.getByRole('form', { name: 'Profile' });
      assert.equal(await profile.getByLabel('Height (cm)').inputValue(), '172.7', 'the stored copy: kg and cm');
      answerMe();
      watchWrites(screen);
      assert.equal(await profile.getByLabel('Height (in)').inputValue(), '68', '172.7 cm');
      await profile.getByRole('button', { name: 'Save profile' }).click();
      await profile.getByRole('status').waitFor();
      assert.deepEqual(screen.writes, [], 'an unchanged profile sends nothing');
      assert.equal(await restText('GET', path, undefined, imperial.token), before);

      const form = p.getByRole('form', { name: 'New measurement' });
      await form.getByLabel('Weight (lb)').fill('180');
      await form.getByLabel('Waist (in)').fill('32');
      await form.getByRole('button', { name: 'Add measurement' }).click();
      await p.getByRole('cell', { name: 'waist 32' }).waitFor();
      assert.equal(await p.getByRole('row').nth(1).getByRole('cell').nth(1).textContent(), '180');
      const added = (await imperial.call('GET', path)).measurementHistory.at(-1);
      assert.ok(Math.abs(added.weight - 81.65) < 0.01, `180 lb is ${added.weight} kg`);
      assert.ok(Math.abs(added.girths.waist - 81.28) < 0.01, `32 in is ${added.girths.waist} cm`);

      await profile.getByLabel('Height (in)').fill('70');
      await profile.getByRole('button', { name: 'Save profile' }).click();
      await profile.getByRole('status').filter({ hasText: 'Saved' }).waitFor();
      assert.equal((await imperial.call('GET', path)).height, 177.8, '70 in');
      await p.getByRole('heading', { name: 'Measurements' }).scrollIntoViewIfNeeded();
      await p.screenshot({ path: `${SCREENSHOTS}/measurements-lb-1180x820.png` });
      assert.deepEqual(p.errors, []);
    } finally {
      await screen.context.close();
    }
  });

  it('template exercise: Edit then Save unchanged keeps every field, multi-line notes and 61.25 kg included', async () => {
    const template = await create('/session-templates', {
      name: 'Lower body A', description: 'Squat focus', category: 'strength', difficulty: 'advanced', durationMinutes: 65,
      equipmentNeeded: ['barbell', 'rack'], notes: 'Film the top set.',
      exercises: [
        {
          exerciseName: 'Back squat', exerciseDescription: 'High bar', category: 'compound', muscleGroups: ['quadriceps', 'glutes'],
          difficulty: 'advanced', equipment: ['barbell'], targetSets: 4, targetReps: 6, targetWeight: 61.25, restBetweenSets: 150,
          instructions: 'Brace, sit down between the heels.', tips: 'Knees out.', notes: 'Pause 1 s at the bottom.\nBelt from set 3. ',
        },
        { exerciseName: 'Walking lunge', targetSets: 3, targetReps: 12 },
      ],
    });
    const path = `/session-templates/${template.id}`;
    const before = await read(path);
    const screen = await tablet();
    const p = screen.page;
    try {
      await p.goto(`/trainer/#/templates/${template.id}`);
      await p.getByRole('button', { name: 'Edit' }).first().click();
      const form = p.getByRole('form', { name: 'Edit Back squat' });
      assert.equal(await form.getByLabel('Weight (kg)').inputValue(), '61.25');
      assert.equal(await form.getByLabel('Notes').inputValue(), 'Pause 1 s at the bottom.\nBelt from set 3. ');
      assert.deepEqual(await accessibilityViolations(p), [], 'template exercise editor');
      await form.getByRole('button', { name: 'Save' }).click();
      await form.waitFor({ state: 'detached' });
      assert.equal(await read(path), before, 'the template and its exercises are byte-identical');
      assert.deepEqual(screen.writes, [], 'an unchanged exercise sends no change at all');

      // One field changed: only that field of that exercise changes.
      await p.getByRole('button', { name: 'Edit' }).first().click();
      await form.getByLabel('Reps', { exact: true }).fill('5');
      await form.getByRole('button', { name: 'Save' }).click();
      await form.waitFor({ state: 'detached' });
      const [was, now] = [JSON.parse(before), JSON.parse(await read(path))];
      const strip = ({ version: _v, updatedAt: _u, ...rest }) => rest;
      assert.deepEqual(strip(now.exercises[0]), { ...strip(was.exercises[0]), targetReps: 5 });
      assert.deepEqual(now.exercises[1], was.exercises[1]);
      assert.deepEqual(p.errors, []);
    } finally {
      await screen.context.close();
    }
  });

  it('program: a planned session reassigned and assigned back keeps every other field', async () => {
    const [first, second] = [await fullTrainee('Lena Fischer'), await fullTrainee('Omar Haddad')];
    const template = await create('/session-templates', { name: 'Upper body B' });
    const program = await create('/programs', { name: 'Strength base', description: 'Four weeks to a 5 × 5', difficulty: 'beginner', durationWeeks: 4 });
    const session = await create(`/programs/${program.id}/sessions`, {
      name: 'Week 2, session 1', sessionTemplateId: template.id, traineeId: first.id, description: 'Deload if tired', sessionType: 'strength',
      focusArea: 'upper body', estimatedDuration: 55, weekNumber: 2, sessionNumber: 1,
      warmup: [{ name: 'Rowing machine', durationSeconds: 300, notes: 'Easy pace' }], cooldown: [{ name: 'Doorway stretch', durationSeconds: 60 }],
    });
    const path = `/programs/${program.id}`;
    const before = await read(path);
    const screen = await tablet();
    const p = screen.page;
    try {
      await p.goto(`/trainer/#${path}`);
      const select = p.getByLabel(`Trainee of ${session.name}`);
      await select.waitFor();
      assert.equal(await select.inputValue(), first.id, 'the assignment select shows the assigned trainee');
      assert.deepEqual(await accessibilityViolations(p), [], 'program editor with a planned session');
      assert.equal(await read(path), before, 'opening the program changes nothing');
      await select.selectOption(second.id);
      await waitFor(async () => JSON.parse(await read(path)).sessions[0].traineeId === second.id);
      await select.selectOption(first.id);
      await waitFor(async () => JSON.parse(await read(path)).sessions[0].traineeId === first.id);
      const strip = ({ version: _v, updatedAt: _u, ...rest }) => rest;
      const [was, now] = [JSON.parse(before), JSON.parse(await read(path))];
      assert.deepEqual(strip(now.sessions[0]), strip(was.sessions[0]));
      assert.deepEqual({ ...strip(now), sessions: now.sessions.map(strip) }, { ...strip(was), sessions: was.sessions.map(strip) });
      assert.equal(screen.writes.length, 2, `one PATCH per change: ${screen.writes.join('\n')}`);
    } finally {
      await screen.context.close();
    }
  });

  it('live session: a set opened in the editor and saved unchanged is not rewritten; the phone feedback submitted unchanged neither', async () => {
    const trainee = await fullTrainee('Maria Lopez');
    const template = await create('/session-templates', { name: 'Pull day', exercises: [{ exerciseName: 'Barbell row', targetSets: 3, targetReps: 8, targetWeight: 60 }] });
    const record = await create('/live-sessions', { traineeId: trainee.id, sessionTemplateId: template.id, location: 'Studio 2' });
    const exerciseRecordId = record.exercises[0].id;
    const link = await create(`/trainees/${trainee.id}/access-links`, { label: 'Phone', expiresInDays: 30 });
    const traineeToken = (await create('/trainee-access', { token: link.token })).accessToken;

    const screen = await tablet();
    const p = screen.page;
    try {
      await liveCommands(p, trainer.token, record.id, [['log-set', {
        exerciseRecordId, setId: 'set-1', kind: 'working', reps: 8, weight: 61.25, unit: 'kg', rpe: 8.5, rir: 1, durationSeconds: 40, distanceMeters: 0.5, notes: 'Strap on the last rep',
      }]]);
      await liveCommands(p, traineeToken, record.id, [['submit-feedback', { feeling: 4, comment: 'Knee fine.\nLeft hip a bit tight. ', sleepHours: 7 }]]);
      const path = `/session-records/${record.id}`;
      const before = await read(path);

      // The tablet: open the set in the editor, save it as it is.
      await p.goto(`/trainer/#/live/${record.id}`);
      await p.getByTestId('set-row').first().getByRole('button').click();
      assert.deepEqual(await accessibilityViolations(p), [], 'set editor');
      await p.getByRole('button', { name: 'Save', exact: true }).click();
      await p.getByTestId('set-row').first().waitFor();
      await p.waitForTimeout(1_000);
      assert.deepEqual(screen.commands.filter((c) => c.startsWith('update-set')), [], 'an unchanged set sends no update-set');
      assert.equal(await read(path), before, 'the record is byte-identical after the set editor saved unchanged');

      // The phone: the feedback given shows in its form; submitted unchanged, nothing changes.
      const phone = await open(browser, 'phone', new URL(link.url).pathname + new URL(link.url).hash);
      watchWrites(phone);
      try {
        await phone.page.getByRole('button', { name: 'Change your feedback' }).click();
        const form = phone.page.getByRole('form', { name: 'Feedback' });
        assert.deepEqual(await accessibilityViolations(phone.page), [], 'phone feedback form');
        assert.equal(await form.getByLabel('Strong').isChecked(), true, 'the feeling given is checked');
        assert.equal(await form.getByLabel('Anything your trainer should know?').inputValue(), 'Knee fine.\nLeft hip a bit tight. ');
        await form.getByRole('button', { name: 'Update feedback' }).click();
        await phone.page.waitForTimeout(1_000);
        assert.deepEqual(phone.commands.filter((c) => c.startsWith('submit-feedback')), [], 'unchanged feedback sends no command');
        assert.equal(await read(path), before, 'the record is byte-identical after the feedback form submitted unchanged');
        assert.deepEqual(phone.page.errors, []);
      } finally {
        await phone.context.close();
      }
      await liveCommands(p, trainer.token, record.id, [['end-session', { status: 'completed' }]]);
    } finally {
      await screen.context.close();
    }
  });

  it('history record editor and template name: saved unchanged, they send nothing and change nothing', async () => {
    const trainee = await fullTrainee('Ines Duarte');
    const record = await create('/session-records', {
      traineeId: trainee.id, sessionDate: '2025-11-20', trainerNotes: 'Two lines.\nSecond one. ',
      exercises: [{ exerciseName: 'Back squat', notes: 'Belt on', formRating: 4, sets: [
        { id: 's-1', kind: 'warmup', reps: 10, weight: 40, unit: 'kg' },
        { id: 's-2', reps: 6, weight: 61.25, unit: 'lb', rpe: 8.5, rir: 1, durationSeconds: 40, distanceMeters: 0.5, notes: 'Strap', completedAt: '2025-11-20T17:10:00Z' },
      ] }],
    });
    const template = await create('/session-templates', { name: 'Legs  B', category: 'strength' });
    const paths = [`/session-records/${record.id}`, `/session-templates/${template.id}`];
    const before = await Promise.all(paths.map(read));
    const screen = await tablet();
    const p = screen.page;
    try {
      await p.goto(`/trainer/#/history?traineeId=${trainee.id}`);
      await p.locator('details.record summary').first().click();
      await p.getByRole('button', { name: 'Edit' }).click();
      const form = p.getByRole('form', { name: 'Edit session' });
      assert.equal(await form.getByLabel('Back squat set 2 weight').inputValue(), '61.25');
      assert.equal(await form.getByLabel('Form rating').inputValue(), '4');
      await form.getByRole('button', { name: 'Save changes' }).click();
      await form.waitFor({ state: 'detached' });
      await p.goto(`/trainer/#/templates/${template.id}`);
      await p.getByRole('button', { name: 'Rename' }).click();
      await p.getByRole('button', { name: 'Save name' }).click();
      await p.getByRole('button', { name: 'Rename' }).waitFor();
      assert.deepEqual(screen.writes, []);
      assert.deepEqual(await Promise.all(paths.map(read)), before);
    } finally {
      await screen.context.close();
    }
  });

  it('pages without an edit form (history, displays, phone access) change nothing by being opened', async () => {
    const trainee = await fullTrainee('Noor Aziz');
    await create(`/trainees/${trainee.id}/access-links`, { label: 'Old phone', expiresInDays: 7 });
    await create('/session-records', {
      traineeId: trainee.id, sessionDate: '2025-11-18', startTime: '2025-11-18T17:00:00Z', endTime: '2025-11-18T18:05:00Z', trainerNotes: 'Good depth.',
      exercises: [{ exerciseName: 'Back squat', sets: [{ id: 's-1', kind: 'warmup', reps: 10, weight: 40, unit: 'kg' }, { id: 's-2', reps: 6, weight: 80, unit: 'kg', rpe: 8 }] }],
    });
    const paths = [`/trainees/${trainee.id}`, `/trainees/${trainee.id}/access-links`, `/session-records?traineeId=${trainee.id}`, '/displays', '/me'];
    const before = await Promise.all(paths.map(read));
    const screen = await tablet();
    const p = screen.page;
    try {
      await p.goto(`/trainer/#/trainees/${trainee.id}`);
      await p.getByText('Old phone').waitFor();
      await p.goto(`/trainer/#/history?traineeId=${trainee.id}`);
      await p.locator('details.record').first().click();
      await p.getByText('Good depth.').waitFor();
      assert.deepEqual(await accessibilityViolations(p), [], 'history with an open record');
      await p.goto('/trainer/#/displays');
      await p.getByRole('form', { name: 'Pair a display' }).waitFor();
      assert.deepEqual(await accessibilityViolations(p), [], 'displays page');
      await p.goto('/trainer/#/settings');
      await p.getByRole('heading', { name: 'Settings' }).waitFor();
      assert.deepEqual(await accessibilityViolations(p), [], 'settings page');
      assert.deepEqual(screen.writes, []);
      assert.deepEqual(await Promise.all(paths.map(read)), before);
    } finally {
      await screen.context.close();
    }
  });
});

async function waitFor(predicate, timeoutMs = 5_000) {
  const until = Date.now() + timeoutMs;
  while (!(await predicate())) {
    if (Date.now() > until) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 100));
  }
}
