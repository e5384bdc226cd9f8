// Quality findings (质量问题, src-main/core/quality) in words: each built from
// the flag's `detail` (days late, percentage, the other report …), Chinese and
// English. A finding is about the report as published, shown apart from the
// extraction doubts (提取疑问).
import { targetLabel } from '../catalogue/index.js';
import { QUALITY_KINDS } from '../quality/types.js';
import type { FlagStatus } from './codes.js';
import { FLAG_STATUS_WORDS, type Lang } from './words.js';

export interface QualityFlagLike {
  kind: string;
  fields: string[];
  message: string;
  source?: string;
  detail?: Record<string, string | number | null>;
}

/** The category a flag is shown under: 质量问题 (about the report) or 提取疑问 (about our reading of it). */
export function flagCategory(f: { source?: string }, lang: Lang = 'zh'): string {
  return f.source === 'quality' ? (lang === 'zh' ? '质量问题' : 'Quality') : lang === 'zh' ? '提取疑问' : 'Extraction';
}

/** An acceptance of a quality flag says the finding is so (情况属实), not that we read the original right (原文如此). */
export const QUALITY_ACCEPTED = { zh: '情况属实', en: 'confirmed as it is' };

/** A quality check's kind (late_publication, copied_text …). */
export const isQualityKind = (kind: string): boolean => (QUALITY_KINDS as readonly string[]).includes(kind);

/** How a flag stands, in words: an accepted quality finding reads 已确认（情况属实）, any other accepted flag 已确认（原文如此）. */
export function flagStatusWords(status: FlagStatus, f: { source?: string; kind?: string }, lang: Lang): string {
  if (status === 'accepted' && (f.source === 'quality' || (f.kind !== undefined && isQualityKind(f.kind))))
    return lang === 'zh' ? `已确认（${QUALITY_ACCEPTED.zh}）` : `accepted (${QUALITY_ACCEPTED.en})`;
  return FLAG_STATUS_WORDS[status][lang];
}

const AGENCY_KIND = {
  department: { zh: '部门', en: 'department' },
  government: { zh: '人民政府', en: "people's government" },
  township: { zh: '乡镇、街道', en: 'township or street office' },
};
const PLACE = { title: { zh: '标题', en: 'title' }, period: { zh: '统计期限', en: 'statistics period' }, body: { zh: '正文', en: 'body text' } };

const md = (iso: unknown, lang: Lang) => {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(String(iso));
  return m && lang === 'zh' ? `${m[1]}年${Number(m[2])}月${Number(m[3])}日` : String(iso);
};

export function qualityText(f: QualityFlagLike, lang: Lang): string {
  const d = f.detail ?? {};
  const zh = lang === 'zh';
  const sec = (n: unknown) => targetLabel(`section.${n}`, lang);
  switch (f.kind) {
    case 'late_publication': {
      const k = AGENCY_KIND[String(d.agencyKind) as keyof typeof AGENCY_KIND] ?? AGENCY_KIND.department;
      return zh
        ? `逾期发布：${md(d.publishedAt, lang)}发布，${k.zh}的发布期限为${md(d.deadline, lang)}（条例第四十九条），逾期 ${d.days} 天`
        : `Published late: ${d.publishedAt}, deadline for a ${k.en} ${d.deadline} (Regulations art. 49), ${d.days} days late`;
    }
    case 'publication_date_unknown':
      return zh
        ? '发布日期不明：报告未注明发布日期，可手动填写以核对发布期限'
        : 'Publication date unknown: the report states none; set it by hand to check the deadline';
    case 'copied_text': {
      const other = d.sameAgency
        ? zh
          ? `本机关${d.otherYear}年度报告`
          : `the agency's own ${d.otherYear} report`
        : zh
          ? `${d.otherAgency ?? '?'}${d.otherYear}年度报告`
          : `${d.otherAgency ?? '?'}'s ${d.otherYear} report`;
      return zh
        ? `内容雷同：${sec(d.section)}与${other}（报告 ${d.otherId}）相同 ${d.percent}%（已除去模板套话）`
        : `Copied text: ${sec(d.section)} is ${d.percent}% the same as ${other} (report ${d.otherId}), template boilerplate left out`;
    }
    case 'missing_section': {
      const what = String(d.what);
      if (what === 'missing') return zh ? `缺少章节：未找到“${sec(d.section)}”` : `Missing section: ${sec(d.section)} not found`;
      if (what === 'no_fee')
        return zh
          ? '六、其他需要报告的事项未说明信息处理费收取情况（2021年版模板要求）'
          : 'Section VI does not state the information processing fees collected (2021 template)';
      return zh
        ? `章节空洞：“${sec(d.section)}”${what === 'empty' ? '为空或仅写“无”' : '只有一句话'}`
        : `Empty section: ${sec(d.section)} ${what === 'empty' ? 'is empty or says only 无' : 'is a single sentence'}`;
    }
    case 'year_mismatch': {
      const place = PLACE[String(d.place) as keyof typeof PLACE] ?? { zh: '', en: '' };
      return zh
        ? `年度不一致：${place.zh}写的是${d.said}年，报告年度为${d.year}年`
        : `Year mismatch: the ${place.en} says ${d.said}, the report is on ${d.year}`;
    }
    case 'prose_mismatch': {
      const where = f.fields.map((id) => targetLabel(id, lang)).join(' + ');
      return zh
        ? `正文数字与表格不符：${sec(d.section)}写“${d.quote}”，而表格${where}为 ${d.table}`
        : `Prose contradicts the tables: ${sec(d.section)} says “${d.quote}”, the table's ${where} is ${d.table}`;
    }
  }
  return zh ? '其他质量问题，请核对原文' : f.message;
}
