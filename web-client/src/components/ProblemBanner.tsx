/** A problem in words a trainer understands (the server's `detail` or rejection `message`), dismissable. */
export function ProblemBanner({ message, onClose }: { message: string | null | undefined; onClose?: () => void }) {
  if (!message) return null;
  return (
    <div class="banner error" role="alert">
      <span>{message}</span>
      <span class="spacer" />
      {onClose && (
        <button type="button" class="ghost" onClick={onClose} aria-label="Dismiss">
          ✕
        </button>
      )}
    </div>
  );
}
