import { useMemo, useState } from 'preact/hooks';
import { formDraft } from '../../lib/formDraft';
import type { Live } from '../../lib/liveSignals';
import type { SessionView } from '../../lib/socket';

const FEELINGS = ['Exhausted', 'Tough', 'Good', 'Strong', 'Great'];
const FIELDS = { feeling: 'number', comment: 'text' } as const;

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
  return <FeedbackForm given={given} sent={sent} send={(feedback) => live.socket.command(view.sessionId, 'submit-feedback', feedback)} done={() => setOpen(false)} />;
}

/**
 * A draft over the feedback already given: only what the trainee changed is sent (the server merges
 * it in), so keys this form does not show and an untouched comment stay exactly as they were.
 */
function FeedbackForm({ given, sent, send, done }: {
  given: Record<string, unknown>;
  sent: boolean;
  send: (feedback: Record<string, unknown>) => void;
  done: () => void;
}) {
  // Keyed by content: each live event brings a new state object, and a draft being typed must survive it.
  const draft = useMemo(() => formDraft(FIELDS, given), [JSON.stringify(given)]);
  const t = draft.texts.value;
  function submit(e: Event) {
    e.preventDefault();
    if (draft.dirty.value) send(draft.changes.value);
    done();
  }
  return (
    <form class="card stack" onSubmit={submit} aria-label="Feedback">
      <h2>How did today feel?</h2>
      <div class="feelings" role="radiogroup" aria-label="Feeling">
        {FEELINGS.map((f, i) => (
          <label key={f} class="feeling">
            <input type="radio" name="feeling" value={i + 1} required checked={t.feeling === String(i + 1)}
              onChange={() => draft.set('feeling', String(i + 1))} />
            <span>{f}</span>
          </label>
        ))}
      </div>
      <label>Anything your trainer should know?
        <textarea name="comment" maxLength={2000} value={t.comment} onInput={(e) => draft.set('comment', e.currentTarget.value)} />
      </label>
      <button type="submit" class="primary">{sent ? 'Update feedback' : 'Send feedback'}</button>
      {sent && <span class="small muted" role="status">Thanks, your trainer has it.</span>}
    </form>
  );
}
