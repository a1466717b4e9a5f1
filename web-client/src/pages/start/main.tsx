import { render } from 'preact';
import '../../styles/app.css';
import './start.css';

const SCREENS = [
  { href: '/trainer/', title: 'Trainer', text: 'Run live sessions from your tablet; manage trainees, templates and programs.' },
  { href: '/display/', title: 'Wall display', text: 'Open on the gym screen and pair it with the code it shows.' },
  { href: '/trainee/', title: 'Trainee', text: 'Opened from the link your trainer sends to your phone.' },
];

function Start() {
  return (
    <main class="start">
      <h1>Spotter</h1>
      <p class="muted">Live personal training: the trainer's tablet, the trainee's phone and the gym's wall display, in sync to the second.</p>
      <ul class="list">
        {SCREENS.map((s) => (
          <li key={s.href}>
            <a class="btn item start-link" href={s.href}>
              <strong>{s.title}</strong>
              <span class="muted">{s.text}</span>
            </a>
          </li>
        ))}
      </ul>
    </main>
  );
}

render(<Start />, document.getElementById('app')!);
