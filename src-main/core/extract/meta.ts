// Report metadata: agency and year from the title (even broken over lines or
// spaced out), publication date, and the template as the labels show it.
import { squeeze } from '../normalize/index.js';
import type { TemplateId } from '../catalogue/index.js';

export interface Meta {
  agency: string | null;
  year: number | null;
  publishedAt: string | null;
}

const TITLE_A = /^(.{2,40}?)(?:关于)?(20\d{2}|19\d{2})年度?(?:的)?(?:(?:政府|政务)?信息公开|政务公开)(?:工作)?(?:年度)?报告?/;
const TITLE_B = /^(20\d{2})年度?(.{2,40}?)(?:(?:政府|政务)?信息公开|政务公开)(?:工作)?(?:年度)?报告?/;
const NUM_CN: Record<string, string> = { '〇': '0', 零: '0', 一: '1', 二: '2', 三: '3', 四: '4', 五: '5', 六: '6', 七: '7', 八: '8', 九: '9' };

const AGENCY_END = /[局委办厅院府会部处所站队中心室社署行馆团区县市镇乡街道司]$/;

function cleanAgency(a: string): string | null {
  let s = a.replace(/^.*[>»›|]/, ''); // breadcrumbs
  s = s.replace(/^(?:关于|首页|当前位置)+/, '').replace(/(?:关于|的|之)$/, '');
  s = s.replace(/^[\d\s\p{P}\p{S}]+/u, '').replace(/[\s\p{P}\p{S}]+$/u, '');
  if (s.length < 2 || s.length > 40) return null;
  if (!AGENCY_END.test(s)) {
    // Still accept, but only a plausible name (no sentence punctuation).
    if (/[,，。；;:：]/.test(s)) return null;
  }
  return s;
}

export function findMeta(text: string): Meta {
  const head = text.slice(0, 6000);
  const lines: string[] = [];
  for (const raw of head.split('\n')) {
    if (lines.length >= 40) break;
    const l = squeeze(raw);
    if (l.length > 0) lines.push(l);
  }
  let agency: string | null = null;
  let year: number | null = null;
  for (let i = 0; i < Math.min(lines.length, 30) && year === null; i++) {
    const l = lines[i]!.replace(/[〇零一二三四五六七八九]{4}年/g, (m) => m.slice(0, 4).split('').map((c) => NUM_CN[c] ?? c).join('') + '年');
    if (!/\d{4}年/.test(l)) continue;
    if (l.length > 80) continue;
    // the title may go on over the next line(s)
    const joined = [l, lines[i + 1] ?? '', lines[i + 2] ?? ''].join('');
    const cands = [l, l + (lines[i + 1] ?? ''), joined];
    // the agency alone on the line above (`淮安市人民政府` / `2024 年政府信息公开…`)
    const prev = i > 0 ? lines[i - 1]! : '';
    if (/^\d{4}年/.test(l) && prev.length >= 2 && prev.length <= 30 && !/\d/.test(prev) && AGENCY_END.test(prev)) cands.unshift(prev + l);
    for (const cand of cands) {
      const a = TITLE_A.exec(cand);
      if (a && /信息公开|政务公开/.test(cand)) {
        year = Number(a[2]);
        agency = cleanAgency(a[1]!);
        break;
      }
      const b = TITLE_B.exec(cand);
      if (b && /信息公开|政务公开/.test(cand) && !/^(?:政府|政务)$/.test(b[2]!)) {
        year = Number(b[1]);
        agency = cleanAgency(b[2]!);
        break;
      }
    }
  }
  if (year === null) {
    // no year in the title: the reporting period stated in the text
    const p = /(20\d{2})年1月1日(?:起)?(?:至|到|-)\1年12月31日/.exec(text.slice(0, 5000));
    if (p) year = Number(p[1]);
  }
  return { agency, year, publishedAt: findDate(text, year) };
}

function findDate(text: string, year: number | null): string | null {
  const re = /(20\d{2})\s*(?:年|-|\/|\.)\s*(\d{1,2})\s*(?:月|-|\/|\.)\s*(\d{1,2})\s*日?/g;
  const zones = [text.slice(0, 2000), text.slice(Math.max(0, text.length - 3000))];
  for (const z of zones) {
    re.lastIndex = 0;
    for (let m = re.exec(z); m; m = re.exec(z)) {
      const y = Number(m[1]);
      const mo = Number(m[2]);
      const d = Number(m[3]);
      if (mo < 1 || mo > 12 || d < 1 || d > 31) continue;
      if (year !== null && (y < year + 1 || y > year + 2)) continue;
      return `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
    }
  }
  return null;
}

const EVIDENCE: Record<TemplateId, string[]> = {
  '2019': ['本年新制作数量', '本年新公开数量', '对外公开总数量', '上一年项目数量', '采购项目数量', '采购总金额'],
  '2021': ['本年制发件数', '本年废止件数', '现行有效件数', '本年收费金额', '逾期不补正', '缴纳费用'],
};

/** The template the table labels point to, with how many labels agree. */
export function templateByLabels(compactText: string): { template: TemplateId | null; score: Record<TemplateId, number> } {
  const score = { '2019': 0, '2021': 0 } as Record<TemplateId, number>;
  for (const t of ['2019', '2021'] as TemplateId[]) for (const k of EVIDENCE[t]) if (compactText.includes(k)) score[t]++;
  const template = score['2019'] > score['2021'] ? '2019' : score['2021'] > score['2019'] ? '2021' : null;
  return { template, score };
}
