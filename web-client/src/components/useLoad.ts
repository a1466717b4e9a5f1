import { useCallback, useEffect, useState } from 'preact/hooks';
import { ApiError } from '../lib/rest';

/** Loads data for a view; `error` is already in words for the banner. */
export function useLoad<T>(load: () => Promise<T>, deps: unknown[]) {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<string | null>(null);
  const reload = useCallback(() => {
    setError(null);
    load().then(setData, (e: unknown) => setError(describe(e)));
  }, deps);
  useEffect(reload, [reload]);
  return { data, setData, error, setError, reload };
}

export function describe(e: unknown): string {
  return e instanceof ApiError ? e.full : e instanceof Error ? e.message : String(e);
}
