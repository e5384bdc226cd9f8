// The publication date: a labelled date in the page chrome (`发布日期：`),
// the signature date at the end, or a date alone on a line near the top;
// Arabic or Chinese numerals. An annual report on year Y is published in
// Y+1 (a late one in Y+2 or Y+3), so dates outside that are not taken. A
// date inside a sentence is never taken: it is as often a deadline or period.
import { squeeze } from '../normalize/index.js';

const D = '((?:19|20)\\d{2})\\s*(?:年|-|/|\\.)\\s*(\\d{1,2})\\s*(?:月|-|/|\\.)\\s*(\\d{1,2})(?!\\d)\\s*日?';
const LABELLED = new RegExp(`(?:(?:发布|发文|成文|印发|公开|更新|发表)(?:日期|时间)|日期)\\s*[:：]?\\s*${D}`, 'g');
// a date alone, or after the signing body's name (never `截至2024年12月31日`)
const ALONE = new RegExp(
  `^[•·▪◦●*\\-]*(?:[(（]?[\\u4e00-\\u9fff]{1,20}[局委办厅院府会部处所站队心室社署行馆团区县市镇乡司][)）]?)?${D}(?:T\\d{1,2}:\\d{2}(?::\\d{2})?)?$`,
);
/** A line without its spaces, a time kept apart from the date (`2024-01-30 10:22`). */
const flat = (l: string) => squeeze(l.includes(':') ? l.replace(/(\d)\s+(?=\d{1,2}:\d{2})/g, '$1T') : l);

const CN_DIGIT: Record<string, string> = {
  〇: '0',
  '○': '0',
  Ｏ: '0',
  O: '0',
  零: '0',
  一: '1',
  二: '2',
  三: '3',
  四: '4',
  五: '5',
  六: '6',
  七: '7',
  八: '8',
  九: '9',
};

/** `二〇二三年` → `2023年` (only a four-digit year starting 一/二). */
export function cnYears(s: string): string {
  return s.replace(/[一二][〇○Ｏ零一二三四五六七八九]{3}(?=年)/g, (m) =>
    m
      .split('')
      .map((c) => CN_DIGIT[c] ?? c)
      .join(''),
  );
}

const CN_NUM: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

function cnSmall(s: string): number {
  // 一..九, 十, 十一..十九, 二十.., 三十一
  const t = s.indexOf('十');
  if (t < 0) return CN_NUM[s] ?? 0;
  const tens = t === 0 ? 1 : (CN_NUM[s.slice(0, t)] ?? 0);
  const ones = t === s.length - 1 ? 0 : (CN_NUM[s.slice(t + 1)] ?? 0);
  return tens * 10 + ones;
}

/** `二〇二四年一月三十日` → `2024年1月30日`. */
function cnDates(s: string): string {
  return cnYears(s).replace(
    /(\d{4}年)([一二三四五六七八九十]{1,3})月([一二三四五六七八九十]{1,3})日/g,
    (_m, y: string, mo: string, d: string) => `${y}${cnSmall(mo)}月${cnSmall(d)}日`,
  );
}

function iso(m: RegExpExecArray, at: number): string | null {
  const y = Number(m[at]);
  const mo = Number(m[at + 1]);
  const d = Number(m[at + 2]);
  if (mo < 1 || mo > 12 || d < 1 || d > 31) return null;
  return `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

export function findDate(text: string, year: number | null): string | null {
  const head = cnDates(text.slice(0, 3000));
  const tail = cnDates(text.slice(Math.max(0, text.length - 1500)));
  const inRange = (y: number, labelled: boolean) => year === null || (y > year && y <= year + (labelled ? 5 : 3));
  // 1. labelled, in the page chrome or anywhere near the top
  LABELLED.lastIndex = 0;
  for (let m = LABELLED.exec(head); m; m = LABELLED.exec(head)) {
    const v = iso(m, 1);
    if (v && inRange(Number(m[1]), true)) return v;
  }
  // 2. the signature: the last short line at the end that is (or ends in) a date
  // (the last 12 lines that are not blank, from the end; only those are flattened)
  let seen = 0;
  for (let end = tail.length; end >= 0 && seen < 12; ) {
    const start = end === 0 ? 0 : tail.lastIndexOf('\n', end - 1) + 1;
    const l = flat(tail.slice(start, end));
    end = start - 1;
    if (l.length === 0) continue;
    seen++;
    const m = ALONE.exec(l);
    if (m) {
      const v = iso(m, 1);
      if (v && inRange(Number(m[1]), false)) return v;
    }
  }
  // 3. a date alone on a line near the top (page chrome without a label)
  for (const line of head.split('\n')) {
    const l = flat(line);
    const m = ALONE.exec(l);
    if (m) {
      const v = iso(m, 1);
      if (v && inRange(Number(m[1]), false)) return v;
    }
  }
  return null;
}
