// Language context: 简体中文 by default, English on request (remembered).
import { createContext, useContext, useMemo, useState, type ReactNode } from 'react';
import { en } from './en.js';
import { zhCN, type Dictionary, type MessageKey } from './zh-CN.js';
import {
  errorText,
  flagText,
  formatDateTime,
  formatDuration,
  jobStatusText,
  statusText,
  toErrorInfo,
  type FlagLike,
  type GridState,
  type JobStatus,
} from '../../src-main/core/wording/index.js';

export type Lang = 'zh' | 'en';
type T = (key: MessageKey, vars?: Record<string, string | number>) => string;
interface I18n {
  lang: Lang;
  t: T;
  setLang(l: Lang): void;
  /** Words from the core's wording module, in the current language. */
  status(s: GridState): string;
  job(s: JobStatus): string;
  flag(f: FlagLike): string;
  /** Any caught error in words (its code), never the raw English alone. */
  error(e: unknown): string;
  duration(seconds: number): string;
  dateTime(iso: string): string;
}

const DICTS: Record<Lang, Dictionary> = { zh: zhCN, en };
const Ctx = createContext<I18n | null>(null);

/** The language in use (the provider's state is saved here), for code outside components. */
export function currentLang(): Lang {
  return localStorage.getItem('nianbao.lang') === 'en' ? 'en' : 'zh';
}

export function format(template: string, vars?: Record<string, string | number>): string {
  return vars ? template.replace(/\{(\w+)\}/g, (m, k: string) => (k in vars ? String(vars[k]) : m)) : template;
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(currentLang);
  const value = useMemo<I18n>(
    () => ({
      lang,
      t: (key, vars) => format(DICTS[lang][key], vars),
      status: (s) => statusText(s, lang),
      job: (s) => jobStatusText(s, lang),
      flag: (f) => flagText(f, lang),
      error: (e) => {
        const info = toErrorInfo(e);
        const words = errorText(info, lang);
        return lang === 'en' && info.message && info.message !== words ? `${words} (${info.message})` : words;
      },
      duration: (secs) => formatDuration(secs, lang),
      dateTime: (iso) => formatDateTime(iso, lang),
      setLang: (l) => {
        localStorage.setItem('nianbao.lang', l);
        document.documentElement.lang = l === 'zh' ? 'zh-CN' : 'en';
        setLangState(l);
      },
    }),
    [lang],
  );
  return <Ctx.Provider value={value}>{children}</Ctx.Provider>;
}

export function useI18n(): I18n {
  const v = useContext(Ctx);
  if (!v) throw new Error('useI18n outside I18nProvider');
  return v;
}
