import { useCallback, useEffect, useState } from 'preact/hooks';
import { ApiError } from '../lib/rest';

/** Loads data for a view; `error` is already in words for the banner. */
export function useLoad<T>(load: () => Promise<T>, deps: unknown[]) {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<string | null>(null);
  const reload = useCallback(() => {
    // A newer load (the deps changed) makes this one stale: its late answer must not overwrite it.
    let current = true;
    setError(null);
    load().then((d) => current && setData(d), (e: unknown) => current && setError(describe(e)));
    return () => {
      current = false;
    };
  }, deps);
  useEffect(reload, [reload]);
  return { data, setData, error, setError, reload };
}

export function describe(e: unknown): string {
  return e instanceof ApiError ? e.full : e instanceof Error ? e.message : String(e);
}
