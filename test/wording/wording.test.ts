// The wording module: every flag kind, status, job state and error code has
// Chinese and English words; errors keep their code across boundaries.
import { describe, expect, it } from 'vitest';
import {
  ERROR_WORDS,
  FLAG_KIND_WORDS,
  FLAG_STATUS_WORDS,
  JOB_STATUS_WORDS,
  STATUS_WORDS,
  decodeIssue,
  encodeIssue,
  errorText,
  flagText,
  formatDateTime,
  formatDuration,
  httpStatus,
  toErrorInfo,
  type ErrorCode,
  type FlagKind,
  type JobStatus,
} from '../../src-main/core/wording/index.js';
import { ReadError } from '../../src-main/core/model.js';
import { ArchiveError } from '../../src-main/core/archive/types.js';
import { ARG_EXPECT_WORDS, ARG_NAME_WORDS, INVALID_WORDS } from '../../src-main/core/wording/args.js';
import { CLI_WORDS, OUTCOME_WORDS, cliText, langFromEnv } from '../../src-main/core/wording/cli.js';
import { parseArgsFor } from '../../src-main/contract/validate.js';
import type { HandlerName } from '../../src-main/contract/handlers.js';
import { openArchive } from '../../src-main/core/archive/index.js';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const HAN = /[\u4e00-\u9fff]/;
// Words in Chinese may name a file type or tool; nothing else in Latin letters.
const ALLOWED = /\b(PDF|Word|Excel|WPS|OCR)\b/g;
const latinWords = (s: string) =>
  s
    .replace(ALLOWED, '')
    .replace(/\{\w+\}/g, '')
    .match(/[A-Za-z]{2,}/g) ?? [];

function checkWords(name: string, w: { zh: string; en: string }) {
  expect(w.zh, `${name} zh`).toMatch(HAN);
  expect(latinWords(w.zh), `${name} zh has Latin words`).toEqual([]);
  expect(w.en.trim().length, `${name} en`).toBeGreaterThan(1);
  expect(w.en, `${name} en has Chinese`).not.toMatch(HAN);
}

// Listed by hand on purpose: a kind added to model.ts must also be added here (and the maps' types force the words).
const KINDS: FlagKind[] = [
  'rule',
  'incomplete_row',
  'unparseable',
  'missing_table',
  'missing_row',
  'ambiguous',
  'inferred',
  'template_mismatch',
  'hybrid_template',
  'unknown_agency',
  'unknown_year',
  'needs_ocr',
  'ocr',
  'extra_cells',
];

describe('wording', () => {
  it('has both languages for every flag kind, status, job state and error code', () => {
    const kinds = Object.keys(FLAG_KIND_WORDS);
    expect(kinds).toEqual(expect.arrayContaining([...KINDS, 'cross_year']));
    for (const [k, w] of Object.entries(FLAG_KIND_WORDS)) checkWords(`kind ${k} name`, w.name), checkWords(`kind ${k} text`, w.text);
    expect(Object.keys(STATUS_WORDS).sort()).toEqual(['flagged', 'missing', 'unreviewed', 'verified']);
    for (const [k, w] of Object.entries(STATUS_WORDS)) checkWords(`status ${k}`, w);
    expect(STATUS_WORDS.verified.zh).toBe('已核实');
    expect(STATUS_WORDS.unreviewed.zh).toBe('未审核');
    for (const [k, w] of Object.entries(FLAG_STATUS_WORDS)) checkWords(`flag status ${k}`, w);
    const jobs: JobStatus[] = ['running', 'done', 'failed', 'cancelled'];
    expect(Object.keys(JOB_STATUS_WORDS).sort()).toEqual([...jobs].sort());
    for (const [k, w] of Object.entries(JOB_STATUS_WORDS)) checkWords(`job ${k}`, w);
    const codes = Object.keys(ERROR_WORDS) as ErrorCode[];
    expect(codes).toEqual(expect.arrayContaining(['not_text', 'corrupt', 'not_found', 'busy', 'invalid', 'no_archive', 'not_report', 'unsupported_extension']));
    for (const c of codes) checkWords(`error ${c}`, ERROR_WORDS[c]);
  });

  it('never puts the English detail inside a Chinese flag sentence', () => {
    const zh = flagText({ kind: 'incomplete_row', fields: ['requests.granted'], message: 'row 予以公开: 0 of 7 cells; its cells are left blank' }, 'zh');
    expect(zh).toBe('予以公开：该行数字少于列数，单元格留空待核');
    expect(flagText({ kind: 'unknown_agency', fields: [], message: 'the agency could not be read from the title' }, 'zh')).toBe('未能从标题识别机关名称');
    expect(flagText({ kind: 'hybrid_template', fields: ['requests.other'], message: 'x' }, 'zh')).not.toMatch(/requests\.other/);
    expect(flagText({ kind: 'incomplete_row', fields: ['requests.granted'], message: '5 numbers for 7 columns' }, 'en')).toMatch(
      /^\S.*: fewer numbers than columns; cells left blank to check \(5 numbers for 7 columns\)$/,
    );
    for (const k of KINDS)
      expect(
        latinWords(flagText({ kind: k, fields: ['requests.granted.person'], message: 'english detail words', rule: 'R2', expected: 3, found: 4 }, 'zh')).filter(
          (w) => w !== 'R',
        ),
        k,
      ).toEqual([]);
    // a kind newer than this program: neutral words, not the English message
    expect(flagText({ kind: 'from_the_future', fields: [], message: 'as stored' }, 'zh')).toBe('其他问题，请核对原文');
  });

  it('keeps error codes across boundaries and maps them to HTTP statuses', () => {
    const r = toErrorInfo(new ReadError('not_text', 'this is not a text file (binary content)'));
    expect(r).toEqual({ code: 'not_text', message: 'this is not a text file (binary content)' });
    expect(errorText(r, 'zh')).toBe('不是可读的文本文件（二进制内容或无法识别的编码）');
    expect(toErrorInfo(new ArchiveError('not_found', 'no report 9')).code).toBe('not_found');
    expect(toErrorInfo(new Error('boom'))).toEqual({ code: 'internal', message: 'boom' });
    expect([httpStatus('not_found'), httpStatus('busy'), httpStatus('too_large'), httpStatus('invalid'), httpStatus('internal')]).toEqual([
      404, 409, 413, 400, 500,
    ]);
    const stored = encodeIssue('unsupported_extension', '.mp3 files are not a supported report format', { ext: '.mp3' });
    const back = decodeIssue(stored);
    expect(back).toEqual({ code: 'unsupported_extension', params: { ext: '.mp3' }, message: '.mp3 files are not a supported report format' });
    expect(errorText(back, 'zh')).toBe('不支持的文件类型（不是年报的文件格式）');
    expect(errorText(back, 'en')).toBe('.mp3 files are not a supported report format');
    expect(errorText({ code: 'unsupported_extension' }, 'en')).toBe('files are not a supported report format');
    expect(decodeIssue('an old plain message')).toEqual({ code: 'unknown', message: 'an old plain message' });
  });

  it('words durations and local times in the language', () => {
    expect(formatDuration(130, 'zh')).toBe('2 分 10 秒');
    expect(formatDuration(80, 'en')).toBe('1 min 20 s');
    expect(formatDuration(9, 'zh')).toBe('9 秒');
    expect(formatDuration(3 * 3600 + 65, 'zh')).toBe('3 小时 1 分');
    expect(formatDateTime('2024-03-05T06:02:00Z', 'zh', 'Asia/Shanghai')).toBe('2024年3月5日 14:02');
  });

  it('words an invalid input by its field and what was expected, from the validator and from the archive', async () => {
    for (const [k, w] of Object.entries(ARG_EXPECT_WORDS)) checkWords(`expect ${k}`, { zh: w.zh.replace(/\{\w+\}/g, ''), en: w.en });
    for (const [k, w] of Object.entries(ARG_NAME_WORDS)) checkWords(`arg ${k}`, w);
    const said = (name: HandlerName, args: unknown, lang: 'zh' | 'en' = 'zh') => {
      try {
        parseArgsFor(name, args);
      } catch (e) {
        const info = toErrorInfo(e);
        expect(info.code).toBe('bad_args');
        return errorText(info, lang);
      }
      throw new Error(`${name} accepted ${JSON.stringify(args)}`);
    };
    expect(said('reports.setMeta', { id: 1, year: 2200 })).toBe('年份须为 1990–2100 之间的整数');
    expect(said('reports.setMeta', { id: 1, year: 2200 }, 'en')).toBe('year must be a whole number from 1990 to 2100');
    expect(said('reports.setMeta', { id: 1, agency: '  ' })).toBe('机关名称不能为空');
    expect(said('reports.setMeta', { id: 1, agency: '局'.repeat(201) })).toBe('机关名称须为不超过 200 个字的文字');
    expect(said('reports.setMeta', { id: 1, publishedAt: '2021/3/1' })).toBe('发布日期须为日期（年-月-日，如 2021-03-31），或留空以清除');
    expect(said('reports.get', {})).toBe('缺少报告编号');
    expect(said('reports.get', { id: 1, foo: 2 })).toBe('不认识的参数“foo”');
    expect(said('reports.list', { status: 'deleted' })).toBe('审核状态须为以下之一：未审核、有疑问、已核实');
    expect(said('reports.list', { quality: 'late' })).toMatch(/^质量问题须为以下之一：逾期发布、发布日期不明、/);
    expect(said('cells.correct', { id: 1, field: 'requests.total.total', value: 1.5 })).toBe('数值须为不小于 0 的整数（件数至多 10 亿）');
    expect(said('export.start', { years: [2020, 1900], format: 'xlsx', folder: '/tmp' })).toBe('年份第 2 项须为 1990–2100 之间的整数');
    expect(said('quality.settings', { deadlines: { department: '1月31日' } })).toBe('部门的发布期限须为月-日（如 01-31）');
    // the bridge answers 400 with the same params; an invalid from the archive itself is worded the same way
    expect(httpStatus('bad_args')).toBe(400);
    const dir = mkdtempSync(join(tmpdir(), 'nb-words-'));
    const a = await openArchive(join(dir, 'a.nianbao'), { create: true });
    try {
      a.db.prepare("INSERT INTO files (id, sha256, name, original_path, size, imported_at) VALUES (1, ?, 'x.txt', '/x.txt', 1, 'x')").run('a'.repeat(64));
      a.db
        .prepare("INSERT INTO reports (id, file_id, year, template, extractor_version, extracted_at, created_at) VALUES (1, 1, 2020, '2021', 'x', 'x', 'x')")
        .run();
      const core = (fn: () => unknown) => {
        try {
          fn();
        } catch (e) {
          expect(toErrorInfo(e).code).toBe('invalid');
          return errorText(toErrorInfo(e), 'zh');
        }
        throw new Error('accepted');
      };
      expect(core(() => a.setMeta(1, { year: 2200 }))).toBe('年份须为 1990–2100 之间的整数');
      expect(core(() => a.setMeta(1, { agency: ' ' }))).toBe('机关名称不能为空');
      expect(core(() => a.correct(1, 'requests.total.total', -3))).toBe('数值须为不小于 0 的整数（件数至多 10 亿）');
      expect(core(() => a.setQualitySettings({ copiedThreshold: 2 }))).toBe('内容雷同阈值须为大于 0、不超过 1 的比例（0.8 即 80%）');
    } finally {
      a.close();
      rmSync(dir, { recursive: true, force: true });
    }
    // an invalid without field params keeps its general words
    expect(errorText({ code: 'invalid' }, 'zh')).toBe('输入无效');
  });

  it('has the command line words in both languages, with the same placeholders; picks the language from --lang or the locale', () => {
    const holes = (t: string) => [...t.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const [k, w] of Object.entries({ ...CLI_WORDS, ...INVALID_WORDS })) {
      expect(w.zh.length, k).toBeGreaterThan(0);
      expect(w.en.length, k).toBeGreaterThan(0);
      expect(holes(w.zh), k).toEqual(holes(w.en));
    }
    for (const [k, w] of Object.entries({ ...OUTCOME_WORDS, ...INVALID_WORDS })) checkWords(k, { zh: w.zh.replace(/\{\w+\}/g, ''), en: w.en });
    expect(cliText('importHead', 'zh', { run: 3, status: '完成', reports: 2, duplicates: 1, skipped: 0, failed: 0, counts: '新报告 2' })).toBe(
      '第 3 次导入完成：2 个文件成为报告，1 个已在档案库中，0 个跳过，0 个失败 — 新报告 2',
    );
    expect(cliText('corrected', 'zh', { id: 4, field: 'requests.new.total', value: null, status: '有疑问', flags: 2 })).toBe(
      '#4 requests.new.total = —（有疑问，2 个未解决疑问）',
    );
    expect(langFromEnv(undefined, {})).toBe('zh');
    expect(langFromEnv(undefined, { LANG: 'C.UTF-8' })).toBe('zh');
    expect(langFromEnv(undefined, { LANG: 'en_US.UTF-8' })).toBe('en');
    expect(langFromEnv(undefined, { LANG: 'en_US.UTF-8', LC_ALL: 'zh_CN.UTF-8' })).toBe('zh');
    expect(langFromEnv(undefined, { LANG: 'en_US.UTF-8', NIANBAO_LANG: 'zh' })).toBe('zh');
    expect(langFromEnv('en', { LANG: 'zh_CN.UTF-8' })).toBe('en');
    expect(errorText({ code: 'invalid', params: { problem: 'in_trash', id: 7 } }, 'zh')).toBe('报告 #7 在回收站中；请先恢复');
  });
});
