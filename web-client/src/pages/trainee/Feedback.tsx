import { useState } from 'preact/hooks';
import type { Live } from '../../lib/liveSignals';
import type { SessionView } from '../../lib/socket';

const FEELINGS = ['Exhausted', 'Tough', 'Good', 'Strong', 'Great'];

/**
 * The trainee's word on the session, merged into its feedback. It has to be given while the session
 * is live (the server refuses commands after the end), so it is offered all along and brought
 * forward once every exercise is done.
 */
export function Feedback({ live, view, prominent }: { live: Live; view: SessionView; prominent: boolean }) {
  const [open, setOpen] = useState(false);
  const given = view.state.record.traineeFeedback ?? {};
  const sent = typeof given.feeling === 'number';
  if (!prominent && !open) {
    return (
      <button type="button" class="ghost" onClick={() => setOpen(true)}>
        {sent ? 'Change your feedback' : 'Give feedback on today'}
      </button>
    );
  }
  function submit(e: Event) {
    e.preventDefault();
    const form = new FormData(e.currentTarget as HTMLFormElement);
    const comment = String(form.get('comment') ?? '').trim();
    live.socket.command(view.sessionId, 'submit-feedback', { feeling: Number(form.get('feeling')), ...(comment ? { comment } : {}) });
    setOpen(false);
  }
  return (
    <form class="card stack" onSubmit={submit} aria-label="Feedback">
      <h2>How did today feel?</h2>
      <div class="feelings" role="radiogroup" aria-label="Feeling">
        {FEELINGS.map((f, i) => (
          <label key={f} class="feeling">
            <input type="radio" name="feeling" value={i + 1} required defaultChecked={given.feeling === i + 1} />
            <span>{f}</span>
          </label>
        ))}
      </div>
      <label>Anything your trainer should know?<textarea name="comment" maxLength={2000} defaultValue={typeof given.comment === 'string' ? given.comment : ''} /></label>
      <button type="submit" class="primary">{sent ? 'Update feedback' : 'Send feedback'}</button>
      {sent && <span class="small muted" role="status">Thanks, your trainer has it.</span>}
    </form>
  );
}
