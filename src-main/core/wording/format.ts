// Times and durations in the user's language and local time zone.
import type { Lang } from './words.js';

const locale = (lang: Lang) => (lang === 'zh' ? 'zh-CN' : 'en-GB');

/** 2 分 10 秒 / 2 min 10 s; hours and minutes past an hour. */
export function formatDuration(seconds: number, lang: Lang): string {
  const s = Math.max(0, Math.round(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const r = s % 60;
  if (lang === 'zh') return h ? `${h} 小时 ${m} 分` : m ? `${m} 分 ${r} 秒` : `${r} 秒`;
  return h ? `${h} h ${m} min` : m ? `${m} min ${r} s` : `${r} s`;
}

/** An ISO time as a local date and time: 2024年3月5日 14:02 / 5 Mar 2024, 14:02. */
export function formatDateTime(iso: string | Date, lang: Lang, timeZone?: string): string {
  const d = typeof iso === 'string' ? new Date(iso) : iso;
  if (Number.isNaN(d.getTime())) return String(iso);
  return new Intl.DateTimeFormat(locale(lang), {
    year: 'numeric',
    month: lang === 'zh' ? 'long' : 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
    ...(timeZone ? { timeZone } : {}),
  }).format(d);
}
