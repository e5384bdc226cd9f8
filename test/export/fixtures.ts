// ExportReport[] built from the real seed ground truth (../shared/seeds/
// expected), plus corrections, flags, a 2021-template report and injection texts.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { TEMPLATES, type TemplateId } from '../../src-main/core/catalogue/index.js';
import type { ExportReport } from '../../src-main/core/export/types.js';
import { SEEDS_EXPECTED } from '../seeds.js';

const DIR = SEEDS_EXPECTED;

interface Expected {
  agency: string;
  year: number;
  template: TemplateId;
  values: Record<string, number | null>;
  incomplete_rows?: string[];
}

const REGIONS: Record<string, [string, string, string | null]> = {
  南沙区商务局: ['广东省', '广州市', '南沙区'],
  西工区商务局: ['河南省', '洛阳市', '西工区'],
  广州市商务局: ['广东省', '广州市', null],
  东莞市商务局: ['广东省', '东莞市', null],
  湛江奋勇高新区招商服务局: ['广东省', '湛江市', null],
};

export function seedReports(): ExportReport[] {
  return readdirSync(DIR)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f, i) => {
      const e = JSON.parse(readFileSync(join(DIR, f), 'utf8')) as Expected;
      const [province, city, county] = REGIONS[e.agency] ?? [null, null, null];
      return {
        id: i + 1,
        agency: e.agency,
        region: { province, city, county },
        year: e.year,
        template: e.template,
        status: 'unverified',
        values: { ...e.values },
        corrected: {},
        flags: (e.incomplete_rows ?? []).map((row) => ({
          kind: 'incomplete_row',
          fields: [row],
          message: `行 ${row} 的数字少于列数`,
          status: 'open' as const,
        })),
        source: {
          fileName: f.replace(/\.json$/, '.txt'),
          sha256: `${String(i).repeat(64)}`.slice(0, 64),
          format: 'txt',
          importedAt: '2026-11-22T20:00:00.000Z',
          extractorVersion: '0.1.0',
        },
      } satisfies ExportReport;
    });
}

/** A 2021-template report with distinct, non-trivial values for every field (money with decimals). */
export function synthetic2021(id: number, agency: string, year = 2021, seed = 1): ExportReport {
  const values: Record<string, number | null> = {};
  TEMPLATES['2021'].fields.forEach((f, i) => {
    values[f.id] = f.optional ? null : f.unit === 'wan' ? Math.round((seed * 1000 + i) * 12.3456) / 10000 : (seed * 7 + i) % 23;
  });
  return {
    id,
    agency,
    region: { province: '广东省', city: '深圳市', county: null },
    year,
    template: '2021',
    status: 'verified',
    values,
    corrected: {},
    flags: [],
    source: { fileName: `${agency}-${year}.pdf`, sha256: 'f'.repeat(64), format: 'pdf', importedAt: '2026-11-22T20:00:00.000Z', extractorVersion: '0.1.0' },
  };
}

/** Seeds plus: a correction, an R-rule flag, an accepted flag, and formula-looking texts. */
export function richReports(): ExportReport[] {
  const reports = seedReports();
  const a = reports[0]!; // 南沙区商务局
  a.corrected['active.normative.total'] = { old: 21, new: 12, note: '=原文为12，提取错位', at: '2026-11-22T21:00:00Z' };
  a.status = 'verified';
  a.flags.push({
    kind: 'rule',
    fields: ['review.reconsideration.total', 'review.reconsideration.upheld'],
    message: 'R4 总计不等于各项之和',
    rule: 'R4',
    expected: 3,
    found: 0,
    status: 'accepted',
  });
  const b = reports[3]!; // 东莞市商务局
  // a kind this version does not word itself: its message is written as stored, here starting with '+'
  b.flags.push({ kind: 'unit_doubt', fields: ['active.procurement.amount_wan'], message: '+金额单位不明', status: 'open' });
  b.source.fileName = '=HYPERLINK("http://x","y").docx';
  reports.push({ ...synthetic2021(99, '@某某局'), year: 2020, template: '2021' }); // a late report on the 2021 template
  reports.push({ ...synthetic2021(100, '-减号局', 2020, 2), template: '2021' });
  return reports;
}
