// Report metadata: agency and year from the title (even broken over lines,
// spaced out, year first, year in brackets, agency alone on the line above,
// site name after it), publication date, and the template as the labels show
// it. Whatever is read from somewhere less certain than the title carries a
// flag of the meta kinds (unknown_agency / unknown_year), which a person
// clears by confirming the report's metadata.
import { squeeze, squeezedIncludes } from '../normalize/index.js';
import { TEMPLATE_EVIDENCE, type TemplateId } from '../catalogue/index.js';
import type { Flag } from '../model.js';
import { notAnAgency } from './agency.js';
import { cnYears, findDate } from './dates.js';

export interface Meta {
  agency: string | null;
  year: number | null;
  publishedAt: string | null;
  agencyFrom: 'title' | 'body' | 'below' | 'site' | null;
  yearFrom: 'title' | 'period' | null;
  /** unknown_agency / unknown_year flags: missing, or read from a weaker place. */
  flags: Flag[];
}

// The report phrase every title ends in (资讯 is what opencc makes of 資訊).
const REPORT = /(?:政府|政务)?(?:信息|资讯)公开(?:工作)?(?:年度)?(?:工作)?报告|政务公开(?:工作)?(?:年度)?报告/;
const YEAR = /(?:关于)?((?:19|20)\d{2})年度?(?:的)?/;
const PAREN_YEAR = /^[(（]((?:19|20)\d{2})年?度?[)）]/;
const SITE = /^[_｜|\-—–]+(.{2,30})$/;

const AGENCY_END = /[局委办厅院府会部处所站队中心室社署行馆团区县市镇乡街道司校台]$/;
// an agency proper, not a bare place: `某县政府` keeps its 政府, `某局政府` does not
const BODY_END = /[局委办厅院会部处所站队心室社署行馆团司]$/;

function cleanAgency(a: string): string | null {
  let s = a.replace(/^.*[>»›|｜]/, ''); // breadcrumbs
  s = s.replace(/(?:门户)?网站$/, ''); // `淮安市人民政府门户网站` as a site name
  s = s.replace(/^(?:关于|首页|当前位置)+/, '').replace(/(?:关于|的|之)$/, '');
  s = s.replace(/^[\d\s\p{P}\p{S}]+/u, '').replace(/[\s\p{P}\p{S}]+$/u, '');
  // a Chinese agency's name starts with a Chinese character: what comes before is a page's noise (a title
  // written in the wrong encoding: `ÿþ?eœ^áOo`, a site's Latin name)
  s = s.replace(/^[^\p{Script=Han}]+/u, '');
  // `XX局政府信息公开` leaves `XX局政府`; `XX市人民政府信息公开` keeps its 政府
  const bare = s.replace(/(?:政府|政务)$/, '');
  if (bare !== s && BODY_END.test(bare)) s = bare;
  if (s.length < 2 || s.length > 40) return null;
  if (/^(?:政府|政务|本机关|本单位|我局|我委|我办)$/.test(s)) return null;
  if (notAnAgency(s)) return null; // `正文`, `附件`: a page's words, never an agency
  if (/[,，。；;:：、]/.test(s)) return null;
  if (/\d/.test(s)) return null;
  return s;
}

interface Title {
  agency: string | null;
  year: number | null;
  site: string | null;
  /** a second, different year in the title (`2023年…报告（2022年）`) */
  otherYear: number | null;
  /** an agency-like line right under a title that names none */
  below?: string | null;
}

/** Read one title candidate (squeezed); null when it is not a report title. */
function readTitle(cand: string): Title | null {
  const rp = REPORT.exec(cand);
  if (!rp) return null;
  let before = cand.slice(0, rp.index);
  // `淮安市人民政府信息公开…`: the 政府 is the agency's (a bare place or 人民 is no agency)
  if (rp[0].startsWith('政府') && /(?:人民|[省市县区州旗镇乡])$/.test(before)) before += '政府';
  let after = cand.slice(rp.index + rp[0].length);
  if (before.length > 50 || /[，。；]/.test(before)) return null;
  let year: number | null = null;
  let agency: string | null = null;
  const y = YEAR.exec(before);
  if (y) {
    year = Number(y[1]);
    const pre = before.slice(0, y.index);
    const post = before.slice(y.index + y[0].length);
    agency = cleanAgency(pre) ?? (post ? cleanAgency(post) : null);
  } else {
    agency = cleanAgency(before);
  }
  const p = PAREN_YEAR.exec(after);
  let otherYear: number | null = null;
  if (p) {
    if (year === null) year = Number(p[1]);
    else if (Number(p[1]) !== year) otherYear = Number(p[1]);
    after = after.slice(p[0].length);
  }
  // a sentence that mentions the report (`按照2023年政府信息公开工作年度报告格式要求，…`) is no title
  if (after.length > 40 || /[，。；：,;:]/.test(after)) return null;
  const s = SITE.exec(after);
  const site = s ? cleanAgency(s[1]!) : null;
  return { agency, year, site, otherYear };
}

const CHROME = /[>»›]|当前位置|首页|来源[:：]|(?:发布|发文|成文)(?:日期|时间)|字号|浏览|打印|分享/;
const PERIOD_END = '12月31日'; // every PERIOD match ends so: without it, no need to run the pattern
const HAS_PERIOD_END = squeezedIncludes(PERIOD_END);
const PERIOD = new RegExp(`((?:19|20)\\d{2})年1月1日(?:起)?(?:至|到|-|—|–|～|~)(?:\\1年)?${PERIOD_END}`);
const BODY_AGENCY = /本(?:年度)?报告(?:是)?由(.{2,30}?)(?:根据|依据|按照|依照|编制|制作|编写|汇总)/;

/**
 * The first 40 lines of the text's head that are not blank, squeezed, `line(i)`
 * the i-th (undefined past the last); read only as far as asked (the title is
 * near the top).
 */
function headLines(text: string): (i: number) => string | undefined {
  const head = text.slice(0, 6000);
  const lines: string[] = [];
  let pos = 0;
  return (i) => {
    while (lines.length <= i && lines.length < 40 && pos <= head.length) {
      let nl = head.indexOf('\n', pos);
      if (nl < 0) nl = head.length;
      const raw = head.slice(pos, nl);
      pos = nl + 1;
      // a crawler's metadata header (`标题: …`) names the title
      const l = squeeze(raw).replace(/^(?:标题|题目|文章标题)[:：]/, '');
      if (l.length > 0) lines.push(cnYears(l));
    }
    return lines[i];
  };
}

export function findMeta(text: string): Meta {
  const line = headLines(text);
  const agencyLine = (l: string) => l.length >= 2 && l.length <= 30 && !/\d/.test(l) && AGENCY_END.test(l) && !REPORT.test(l) && !CHROME.test(l);
  let title: Title | null = null;
  for (let i = 0; i < 30 && title === null; i++) {
    let l = line(i);
    if (l === undefined) break;
    if (l.length > 80) {
      // a page whose line breaks were lost (the whole report on one line): its title is where it starts
      const head = REPORT.exec(l.slice(0, 90));
      if (!head) continue;
      l = l.slice(0, head.index + head[0].length);
    }
    if (CHROME.test(l) && !REPORT.test(l)) continue; // a breadcrumb line is never the start of the title
    const joins = [l, l + (line(i + 1) ?? ''), l + (line(i + 1) ?? '') + (line(i + 2) ?? '')];
    // the agency alone on the line above (`淮安市人民政府` / `2024 年政府信息公开…`)
    const prev = i > 0 ? line(i - 1)! : '';
    const bareStart = /^(?:关于)?(?:19|20)\d{2}年|^(?:政府|政务)?(?:信息|资讯|政务)公开/.test(l);
    const prevAgency = bareStart && agencyLine(prev) ? cleanAgency(prev) : null;
    for (const [k, cand] of joins.entries()) {
      if (cand.length > 120) break;
      const t = readTitle(cand);
      if (!t) continue;
      if (t.agency === null && prevAgency) t.agency = prevAgency;
      const next = line(i + k + 1) ?? '';
      if (t.agency === null && agencyLine(next)) t.below = cleanAgency(next);
      title = t;
      break;
    }
  }

  const flags: Flag[] = [];
  // the head without its spaces, made only where a pattern below needs it
  const rawHead = text.slice(0, 8000);
  let sqHead: string | null = null;
  const squeezedHead = () => (sqHead ??= squeeze(rawHead));
  let year = title?.year ?? null;
  let yearFrom: Meta['yearFrom'] = year !== null ? 'title' : null;
  const period = HAS_PERIOD_END.test(rawHead) ? PERIOD.exec(squeezedHead()) : null;
  if (period) {
    const py = Number(period[1]);
    if (year === null) {
      year = py;
      yearFrom = 'period';
    } else if (py !== year) {
      flags.push({ kind: 'unknown_year', fields: [], message: `the title says ${year} but the reporting period is ${py}; ${year} (the title's) is kept` });
    }
  }
  if (title?.otherYear != null && year !== null)
    flags.push({ kind: 'unknown_year', fields: [], message: `the title names two years, ${year} and ${title.otherYear}; ${year} (the first) is kept` });
  if (year === null) flags.push({ kind: 'unknown_year', fields: [], message: 'the report year could not be read from the title' });
  else if (year < 2008) flags.push({ kind: 'unknown_year', fields: [], message: `${year} is before 2008, when these reports began` });

  let agency = title?.agency ?? null;
  let agencyFrom: Meta['agencyFrom'] = agency !== null ? 'title' : null;
  if (agency !== null && !AGENCY_END.test(agency))
    flags.push({ kind: 'unknown_agency', fields: [], message: `"${agency}" was read from the title but does not end like an agency's name` });
  if (agency === null) {
    const b = BODY_AGENCY.exec(squeezedHead());
    const bodyAgency = b ? cleanAgency(b[1]!) : null;
    if (bodyAgency && AGENCY_END.test(bodyAgency)) {
      agency = bodyAgency;
      agencyFrom = 'body';
      // an office often compiles the report of the body it belongs to
      if (/办公[室厅]$/.test(bodyAgency))
        flags.push({
          kind: 'unknown_agency',
          fields: [],
          message: `the title names no agency; ${bodyAgency} compiled the report (本报告由…编制), which may be on behalf of its parent body`,
        });
    } else if (title?.below) {
      agency = title.below;
      agencyFrom = 'below';
      flags.push({ kind: 'unknown_agency', fields: [], message: `the title names no agency; ${agency} is the line under it` });
    } else if (title?.site && AGENCY_END.test(title.site)) {
      agency = title.site;
      agencyFrom = 'site';
      flags.push({
        kind: 'unknown_agency',
        fields: [],
        message: `the title names no agency; ${agency} is the site name after it, which may be a portal hosting another body's report`,
      });
    } else {
      flags.push({ kind: 'unknown_agency', fields: [], message: 'the agency could not be read from the title' });
    }
  }
  return { agency, year, publishedAt: findDate(text, year), agencyFrom, yearFrom, flags };
}

/** The template the table labels point to, with how many labels agree. */
export function templateByLabels(compactText: string): { template: TemplateId | null; score: Record<TemplateId, number> } {
  const score = { '2019': 0, '2021': 0 } as Record<TemplateId, number>;
  for (const t of ['2019', '2021'] as TemplateId[]) for (const k of TEMPLATE_EVIDENCE[t]) if (compactText.includes(k)) score[t]++;
  const template = score['2019'] > score['2021'] ? '2019' : score['2021'] > score['2019'] ? '2021' : null;
  return { template, score };
}
