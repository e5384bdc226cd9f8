// Language context: 简体中文 by default, English on request (remembered).
import { createContext, useContext, useMemo, useState, type ReactNode } from 'react';
import { en } from './en.js';
import { zhCN, type Dictionary, type MessageKey } from './zh-CN.js';

export type Lang = 'zh' | 'en';
type T = (key: MessageKey, vars?: Record<string, string | number>) => string;
interface I18n {
  lang: Lang;
  t: T;
  setLang(l: Lang): void;
}

const DICTS: Record<Lang, Dictionary> = { zh: zhCN, en };
const Ctx = createContext<I18n | null>(null);

export function format(template: string, vars?: Record<string, string | number>): string {
  return vars ? template.replace(/\{(\w+)\}/g, (m, k: string) => (k in vars ? String(vars[k]) : m)) : template;
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(() => (localStorage.getItem('nianbao.lang') === 'en' ? 'en' : 'zh'));
  const value = useMemo<I18n>(
    () => ({
      lang,
      t: (key, vars) => format(DICTS[lang][key], vars),
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
