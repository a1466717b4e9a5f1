import { useEffect, useRef, useState } from 'preact/hooks';

interface Props {
  /** The button's text, e.g. "Delete". */
  label: string;
  /** The button's accessible name when its text alone does not say it (an icon such as "✕"). */
  ariaLabel?: string;
  /** The question asked before acting, e.g. "Delete the template “Push day”?". */
  question: string;
  /** The confirming button's text, e.g. "Delete template". */
  confirm: string;
  onConfirm: () => void;
  /** A second way to go through with it (ending a session as abandoned rather than completed). */
  alternative?: { label: string; onConfirm: () => void };
  disabled?: boolean;
  class?: string;
  testId?: string;
}

/**
 * A destructive action that asks first: the button opens a small modal dialog (focus on Cancel, Esc
 * cancels) with the question and the confirming button; once it closes the focus is back on the button
 * (while it is still there). One piece for every delete, revoke and end.
 */
export function ConfirmButton({ label, ariaLabel, question, confirm, onConfirm, alternative, disabled, class: cls = 'danger', testId }: Props) {
  const [open, setOpen] = useState(false);
  // Counts the button's presses: Esc then Enter at once batches open false → true into no change of
  // `open`, and the dialog must still show again.
  const [presses, setPresses] = useState(0);
  const dialog = useRef<HTMLDialogElement>(null);
  const opener = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    const d = dialog.current;
    if (!d) return;
    if (open && !d.open) d.showModal();
    if (!open && d.open) d.close();
  }, [open, presses]);

  return (
    <>
      <button type="button" ref={opener} class={cls} disabled={disabled} aria-label={ariaLabel} onClick={() => {
        setOpen(true);
        setPresses((n) => n + 1);
      }} data-testid={testId}>
        {label}
      </button>
      {/* Its content only while open: a page with many of these does not carry every question in its text. */}
      <dialog ref={dialog} class="confirm card" aria-label={open ? question : undefined} onClose={() => {
        // The close event of an Esc comes as a task of its own: the button may have opened it again since.
        if (dialog.current?.open) return;
        setOpen(false);
        opener.current?.focus();
      }}>
        {open && (
          <>
            <p>{question}</p>
            <div class="row end">
              <button type="button" autofocus onClick={() => setOpen(false)}>
                Cancel
              </button>
              {alternative && (
                <button
                  type="button"
                  class="danger"
                  onClick={() => {
                    setOpen(false);
                    alternative.onConfirm();
                  }}
                >
                  {alternative.label}
                </button>
              )}
              <button
                type="button"
                class="danger"
                data-testid={testId ? `${testId}-confirm` : undefined}
                onClick={() => {
                  setOpen(false);
                  onConfirm();
                }}
              >
                {confirm}
              </button>
            </div>
          </>
        )}
      </dialog>
    </>
  );
}
