import { useEffect, useRef } from 'preact/hooks';

/**
 * A ref for the heading of a view that replaces another: when the view that had the focus is gone
 * (the focus fell back to the page), the focus goes to this heading, so the keyboard carries on from
 * here rather than from the top of the page. A view opened while focus is elsewhere leaves it there.
 */
export function useFocusWhenLost<T extends HTMLElement>() {
  const ref = useRef<T>(null);
  useEffect(() => {
    const active = document.activeElement;
    if (!active || active === document.body) ref.current?.focus();
  }, []);
  return ref;
}

/**
 * Moves the focus to the element marked `data-refocus` inside `container` once `key` has changed, when
 * the action that changes it was asked for by `expect()` (a button that replaces itself: Skip rest
 * with Start rest, and back). Only while the focus is still lost or inside `container`: the effect
 * runs after paint, sometimes only before the next render, and by then the user may have tabbed on.
 */
export function useRefocusAfter<T extends HTMLElement>(key: unknown) {
  const container = useRef<T>(null);
  const expected = useRef(false);
  useEffect(() => {
    if (!expected.current) return;
    expected.current = false;
    const active = document.activeElement;
    if (active && active !== document.body && !container.current?.contains(active)) return;
    container.current?.querySelector<HTMLElement>('[data-refocus]')?.focus();
  }, [key]);
  return { container, expect: () => void (expected.current = true) };
}
