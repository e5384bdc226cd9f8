// The six sections both templates prescribe (一 总体情况 … 六 其他需要报告的事项),
// as data: heading keys (normalised: simplified, no spaces or punctuation),
// whether the section is prose, and the template's own words that carry no
// content of the agency's (used by the quality checks to strip boilerplate).
// Sections 二–四 are the tables; their heading keys are the tables' own.
import { TABLES } from './templates.js';
import type { Label } from './types.js';

export interface SectionDef {
  /** 1..6 */
  n: number;
  /** `section.5`: a flag target, like a field id. */
  id: string;
  numeral: string;
  label: Label;
  keys: string[];
  prose: boolean;
}

const L = (zh: string, en: string): Label => ({ zh, en });
const table = (id: string) => TABLES.find((t) => t.id === id)!;

export const SECTIONS: SectionDef[] = [
  { n: 1, id: 'section.1', numeral: '一', label: L('一、总体情况', 'I. Overview'), keys: ['总体情况', '基本情况', '概述'], prose: true },
  {
    n: 2,
    id: 'section.2',
    numeral: table('active').numeral,
    label: L(`二、${table('active').label.zh}`, `II. ${table('active').label.en}`),
    keys: table('active').headingKeys,
    prose: false,
  },
  {
    n: 3,
    id: 'section.3',
    numeral: table('requests').numeral,
    label: L(`三、${table('requests').label.zh}`, `III. ${table('requests').label.en}`),
    keys: table('requests').headingKeys,
    prose: false,
  },
  {
    n: 4,
    id: 'section.4',
    numeral: table('review').numeral,
    label: L(`四、${table('review').label.zh}`, `IV. ${table('review').label.en}`),
    keys: table('review').headingKeys,
    prose: false,
  },
  {
    n: 5,
    id: 'section.5',
    numeral: '五',
    label: L('五、存在的主要问题及改进情况', 'V. Main problems and improvements'),
    keys: ['存在的主要问题及改进情况', '存在的主要问题和改进情况', '存在的主要问题及改进措施', '存在的主要问题', '主要问题及改进情况'],
    prose: true,
  },
  {
    n: 6,
    id: 'section.6',
    numeral: '六',
    label: L('六、其他需要报告的事项', 'VI. Other matters to report'),
    keys: ['其他需要报告的事项', '其他需要报告事项'],
    prose: true,
  },
];

export const sectionById = (id: string): SectionDef | undefined => SECTIONS.find((s) => s.id === id);

/**
 * What the 2021 template (国办公开办函〔2021〕30号) asks section 六 to state:
 * the 信息处理费 collected under 《政府信息公开信息处理费管理办法》. Any of
 * these words counts as the statement being there.
 */
export const FEE_STATEMENT_KEYS = ['信息处理费', '处理费', '收费'];

/**
 * Sentences the templates and the notices that set them put in every report:
 * not the agency's own words. Normalised like the headings; digits stand as 0.
 */
export const TEMPLATE_PHRASES: string[] = [
  ...SECTIONS.flatMap((s) => [s.label.zh.replace(/^[一二三四五六]、/, ''), ...s.keys]),
  '本报告根据中华人民共和国政府信息公开条例',
  '中华人民共和国政府信息公开条例',
  '政府信息公开工作年度报告',
  '本年度报告中所列数据的统计期限自0年0月0日起至0年0月0日止',
  '本报告所列数据统计期限自0年0月0日起至0年0月0日止',
  '本报告中所列数据的统计期限自0年0月0日起至0年0月0日止',
  '无其他需要报告的事项',
  '本机关无其他需要报告的事项',
  '无',
  '暂无',
  '无相关情况',
  '本年度未收取信息处理费',
  '未收取信息处理费',
  '本机关未收取信息处理费',
  '依据政府信息公开信息处理费管理办法',
  '如对本报告有任何疑问请与0联系',
];
