// Load data from the API and reload when deps change; errors are shown, not thrown.
import { useCallback, useEffect, useState } from 'react';
import { errorText as errorText_, toErrorInfo } from '../../src-main/core/wording/index.js';
import { currentLang } from '../i18n/index.js';

export interface AsyncState<T> {
  data: T | null;
  error: string | null;
  loading: boolean;
  reload(): void;
  setData(d: T): void;
}

export function useAsync<T>(load: () => Promise<T>, deps: unknown[]): AsyncState<T> {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [tick, setTick] = useState(0);
  useEffect(() => {
    let live = true;
    setLoading(true);
    load().then(
      (d) => {
        if (!live) return;
        setData(d);
        setError(null);
        setLoading(false);
      },
      (e: unknown) => {
        if (!live) return;
        setError(errorText(e));
        setLoading(false);
      },
    );
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...deps, tick]);
  const reload = useCallback(() => setTick((x) => x + 1), []);
  return { data, error, loading, reload, setData };
}

/** A caught error in words from its code (core/wording), in the UI's language; the English detail follows only in English. */
export function errorText(e: unknown): string {
  const lang = currentLang();
  const info = toErrorInfo(e);
  const words = errorText_(info, lang);
  return lang === 'en' && info.message && info.message !== words ? `${words} (${info.message})` : words;
}
