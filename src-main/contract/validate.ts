// Runtime argument validators, one per handler. Everything that arrives over
// IPC or HTTP is untrusted: each parser returns a fresh object with only the
// known keys, or throws ArgsError naming the first bad path. The mapped type
// ARG_PARSERS forces one parser per handler whose output fits its args type.
// ArgsError carries code `bad_args` and params { field, expect, min, max,
// values } so the UI, the CLI and the bridge word what is wrong
// (core/wording/args.ts: 年份须为 1990–2100 之间的整数, 机关名称不能为空).
import { TEMPLATE_IDS, type FieldId, type TemplateId } from '../core/catalogue/types.js';
import { AMOUNT_MAX_WAN, fieldById, isFieldId, valueProblem } from '../core/catalogue/index.js';
import type { ArgExpect, ArgName, ErrorParams } from '../core/wording/index.js';
import type { Args, HandlerName } from './handlers.js';
import { QUALITY_KINDS, REPORT_STATUSES, type ExportFormat, type QualityKind, type ReportFilter, type ReportStatus } from './models.js';

export class ArgsError extends Error {
  readonly code = 'bad_args';
  readonly params: ErrorParams;
  constructor(message: string, field = '', expect: ArgExpect = 'object', more: Omit<ErrorParams, 'field' | 'expect'> = {}) {
    super(message);
    this.name = 'ArgsError';
    this.params = { field: field || 'args', expect, ...more };
  }
}

type Parser<T> = (v: unknown, path: string) => T;

const fail = (path: string, want: string, expect: ArgExpect, more: Omit<ErrorParams, 'field' | 'expect'> = {}): never => {
  throw new ArgsError(`${path || 'args'}: expected ${want}`, path, expect, more);
};

const MAX_STR = 4096;
const str =
  (max = MAX_STR): Parser<string> =>
  (v, p) =>
    typeof v === 'string' && v.length <= max ? v : fail(p, `a string of at most ${max} characters`, 'text', { max });
const nonEmpty =
  (max = MAX_STR): Parser<string> =>
  (v, p) =>
    typeof v === 'string' && v.trim().length > 0 && v.length <= max
      ? v
      : typeof v === 'string' && v.length > max
        ? fail(p, `a string of at most ${max} characters`, 'text', { max })
        : fail(p, 'a non-empty string', 'non_empty');
const int =
  (min: number, max: number): Parser<number> =>
  (v, p) =>
    typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max ? v : fail(p, `an integer in ${min}..${max}`, 'int', { min, max });
const bool: Parser<boolean> = (v, p) => (typeof v === 'boolean' ? v : fail(p, 'true or false', 'bool'));
const nullable =
  <T>(inner: Parser<T>): Parser<T | null> =>
  (v, p) =>
    v === null ? null : inner(v, p);
const oneOf =
  <T extends string>(values: readonly T[]): Parser<T> =>
  (v, p) =>
    typeof v === 'string' && (values as readonly string[]).includes(v)
      ? (v as T)
      : fail(p, `one of ${values.join(', ')}`, 'one_of', { values: values.join(',') });
const list =
  <T>(inner: Parser<T>, max: number): Parser<T[]> =>
  (v, p) => {
    if (!Array.isArray(v) || v.length > max) return fail(p, `a list of at most ${max} items`, 'list', { max });
    return v.map((x, i) => inner(x, `${p}[${i}]`));
  };

type Shape<T> = { [K in keyof T]-?: { parse: Parser<Exclude<T[K], undefined>>; optional: undefined extends T[K] ? true : false } };
const req = <T>(parse: Parser<T>) => ({ parse, optional: false as const });
const opt = <T>(parse: Parser<T>) => ({ parse, optional: true as const });

/** An object with exactly these keys (unknown keys are an error, not ignored). */
function obj<T>(shape: NoInfer<Shape<T>>): Parser<T> {
  const keys = Object.keys(shape) as (keyof T & string)[];
  return (v, p) => {
    if (typeof v !== 'object' || v === null || Array.isArray(v)) return fail(p, 'an object', 'object');
    const rec = v as Record<string, unknown>;
    for (const k of Object.keys(rec))
      if (!keys.includes(k as keyof T & string)) throw new ArgsError(`${p ? `${p}.` : ''}${k}: unknown argument`, p ? `${p}.${k}` : k, 'unknown');
    const out: Partial<Record<keyof T, unknown>> = {};
    for (const k of keys) {
      const field = shape[k];
      const val = rec[k];
      const at = p ? `${p}.${k}` : k;
      if (val === undefined) {
        if (!field.optional) fail(at, 'a value', 'value');
        continue;
      }
      out[k] = field.parse(val, at);
    }
    return out as T;
  };
}

const empty = obj<Record<string, never>>({});
const id = int(1, Number.MAX_SAFE_INTEGER);
/** A report year: the same range the archive accepts (corrections.ts). */
const year = int(1990, 2100);
const jobId = nonEmpty(64);
const path = nonEmpty(4096);
/** A cell value: finite and within the largest cap (the field's own unit is checked with the whole call, below). */
const cellValue: Parser<number> = (v, p) =>
  typeof v === 'number' && Number.isFinite(v) && Math.abs(v) <= AMOUNT_MAX_WAN
    ? v
    : fail(p, `a finite number of at most ${AMOUNT_MAX_WAN}`, 'number', { max: AMOUNT_MAX_WAN });
/** A correction: the value within its field's unit cap (counts whole and ≤ 1e9, amounts ≤ 1e12 万元). */
const correction =
  <T extends { field: string; value: number | null }>(inner: Parser<T>): Parser<T> =>
  (v, p) => {
    const a = inner(v, p);
    const unit = fieldById(a.field)?.unit;
    const problem = a.value !== null && unit ? valueProblem(unit, a.value) : null;
    if (problem)
      fail(
        `${p ? `${p}.` : ''}value`,
        `a ${unit} value (${problem.replace('_', ' ')}: counts are whole and ≤ 1e9, amounts ≤ 1e12 万元)`,
        unit === 'wan' ? 'amount' : unit === 'change' ? 'change' : 'count',
      );
    return a;
  };
/** A canonical field id of the catalogue (a cell: `requests.total.total`). */
const fieldId: Parser<FieldId> = (v, p) => (typeof v === 'string' && isFieldId(v) ? v : fail(p, 'a field id such as requests.total.total', 'field'));
/** Where history may also name the metadata or a flag's acceptance (`meta.agency`, `flag.R3`). */
const logField: Parser<string> = (v, p) =>
  typeof v === 'string' && /^[a-z_]+(\.[a-z_0-9]+){1,3}$/.test(v) ? v : fail(p, 'a field id such as requests.total.total', 'field');
const template = oneOf<TemplateId>(TEMPLATE_IDS);
const status = oneOf<ReportStatus>(REPORT_STATUSES);
const format = oneOf<ExportFormat>(['xlsx', 'csv', 'json']);

// The fields the library grid and the report list filter by alike (one list for both).
const gridFields = {
  year: opt(year),
  region: opt(str(200)),
  province: opt(str(200)),
  city: opt(str(200)),
  county: opt(str(200)),
  agency: opt(str(200)),
  template: opt(template),
  status: opt(status),
  flaggedOnly: opt(bool),
  quality: opt(oneOf<QualityKind | 'any'>([...QUALITY_KINDS, 'any'])),
  crossYear: opt(bool),
};

const filter = obj<ReportFilter>({
  ...gridFields,
  text: opt(str(500)),
  allVersions: opt(bool),
  needsCompare: opt(bool),
  unidentified: opt(bool),
  runId: opt(id),
  flagKinds: opt(list(nonEmpty(64), 50)),
  unverified: opt(bool),
  sort: opt(oneOf(['id', 'agency', 'year', 'region', 'template', 'status', 'file'] as const)),
  desc: opt(bool),
  offset: opt(int(0, 10_000_000)),
  limit: opt(int(1, 100_000)),
});

export const ARG_PARSERS: { [K in HandlerName]: Parser<Args<K>> } = {
  'app.info': empty,
  'archive.open': obj({ path: req(path), create: opt(bool) }),
  'archive.info': empty,
  'archive.backup': obj({ path: req(path) }),
  'archive.choose': obj({ create: req(bool) }),
  'library.grid': obj(gridFields),
  'library.facets': empty,
  'reports.list': filter,
  'reports.get': obj({ id: req(id) }),
  'reports.text': obj({ id: req(id) }),
  'reports.verify': obj({ id: req(id), verified: req(bool), note: opt(str(1000)) }),
  'reports.setMeta': obj({
    id: req(id),
    agency: opt(nonEmpty(200)),
    year: opt(year),
    template: opt(template),
    publishedAt: opt((v, p) => (typeof v === 'string' && /^(\d{4}-\d{2}-\d{2})?$/.test(v) ? v : fail(p, 'a date YYYY-MM-DD, or empty to clear', 'date'))),
    note: opt(str(1000)),
  }),
  'reports.versions': obj({ id: req(id) }),
  'reports.compare': obj({ id: req(id), versionId: req(id) }),
  'reports.useVersion': obj({ id: req(id), versionId: req(id), note: opt(str(1000)) }),
  'reports.keepVersion': obj({ id: req(id), note: opt(str(1000)) }),
  'reports.takeCell': obj({ id: req(id), versionId: req(id), field: req(fieldId) }),
  'reports.remove': obj({ id: req(id), reason: opt(str(1000)), notReport: opt(bool) }),
  'reports.restore': obj({ id: req(id) }),
  'reports.trash': empty,
  'reports.openOriginal': obj({ id: req(id) }),
  'reports.original': obj({ id: req(id) }),
  'reports.grids': obj({ id: req(id) }),
  'review.reviewer': empty,
  'review.setReviewer': obj({ name: req(str(100)) }),
  'reports.nextToReview': obj({ after: req(id), ids: req(list(id, 1_000_000)) }),
  'review.queue': obj({
    runId: opt(id),
    kind: opt(oneOf(['todo', 'flagged', 'needs_compare', 'kinds'] as const)),
    kinds: opt(list(nonEmpty(64), 50)),
    after: opt(id),
  }),
  'reports.log': obj({ id: req(id) }),
  'reports.logCsv': obj({ id: req(id), lang: opt(oneOf(['zh', 'en'] as const)) }),
  'reports.lastYear': obj({ id: req(id) }),
  'cells.correct': correction(obj({ id: req(id), field: req(fieldId), value: req(nullable(cellValue)), note: opt(str(1000)) })),
  'cells.undo': obj({ id: req(id) }),
  'cells.redo': obj({ id: req(id) }),
  'cells.history': obj({ id: req(id), field: opt(logField) }),
  'flags.accept': obj({ id: req(id), flagId: req(id), note: opt(str(1000)) }),
  'flags.unaccept': obj({ id: req(id), flagId: req(id) }),
  'flags.passages': obj({ id: req(id), flagId: req(id) }),
  search: obj({ text: req(nonEmpty(500)), limit: opt(int(1, 1000)) }),
  'agencies.list': empty,
  'agencies.suggestMerges': empty,
  'agencies.merge': obj({ from: req(nonEmpty(200)), into: req(nonEmpty(200)) }),
  'agencies.setKind': obj({ agency: req(nonEmpty(200)), kind: req(nullable(oneOf(['department', 'government', 'township'] as const))) }),
  'quality.settings': obj({
    copiedThreshold: opt((v, p) => (typeof v === 'number' && v > 0 && v <= 1 ? v : fail(p, 'a share in (0, 1]', 'share'))),
    deadlines: opt(
      obj<{ department?: string; government?: string; township?: string }>({
        department: opt((v, p) => (typeof v === 'string' && /^\d{2}-\d{2}$/.test(v) ? v : fail(p, 'a date MM-DD', 'month_day'))),
        government: opt((v, p) => (typeof v === 'string' && /^\d{2}-\d{2}$/.test(v) ? v : fail(p, 'a date MM-DD', 'month_day'))),
        township: opt((v, p) => (typeof v === 'string' && /^\d{2}-\d{2}$/.test(v) ? v : fail(p, 'a date MM-DD', 'month_day'))),
      }),
    ),
    recheck: opt(bool),
  }),
  'agencies.rename': obj({ agency: req(nonEmpty(200)), name: req(nonEmpty(200)) }),
  'agencies.setRegion': obj({ agency: req(nonEmpty(200)), province: opt(nullable(str(100))), city: opt(nullable(str(100))), county: opt(nullable(str(100))) }),
  'import.start': obj({ folder: req(path), retry: opt(bool) }),
  'import.chooseFolder': empty,
  'samples.import': empty,
  'reextract.start': obj({ ids: opt(list(id, 1_000_000)), all: opt(bool) }),
  'export.start': obj({
    years: req(list(year, 200)),
    agency: opt(str(200)),
    region: opt(str(200)),
    format: req(format),
    folder: req(path),
    layout: opt(oneOf(['file_per_year', 'sheets_per_year'] as const)),
    includeUnidentified: opt(bool),
  }),
  'export.chooseFolder': empty,
  'export.openFolder': obj({ jobId: req(jobId) }),
  'jobs.get': obj({ jobId: req(jobId) }),
  'jobs.cancel': obj({ jobId: req(jobId) }),
  'charts.agencyYears': obj({ agency: req(nonEmpty(200)), fields: req(list(fieldId, 200)) }),
  'charts.yearAgencies': obj({ year: req(year), fields: req(list(fieldId, 200)), region: opt(str(200)) }),
  'charts.overview': obj({ province: opt(str(200)), city: opt(str(200)), county: opt(str(200)) }),
  'charts.regions': obj({ year: req(year) }),
  'charts.top': obj({ year: req(year), field: req(fieldId), n: req(int(1, 200)), province: opt(str(200)), city: opt(str(200)), county: opt(str(200)) }),
  'charts.agencies': empty,
};

/** Validate the arguments of a call by handler name; throws ArgsError. */
export function parseArgsFor<K extends HandlerName>(name: K, raw: unknown): Args<K> {
  const parser = ARG_PARSERS[name] as Parser<Args<K>>;
  return parser(raw === undefined ? {} : raw, '');
}

// Every argument name has words (core/wording/args.ts): a new one without them fails to compile.
type NamedKeys<T> = keyof { [K in keyof T as string extends K ? never : K]: T[K] } & string;
type ArgKey = { [K in HandlerName]: NamedKeys<Args<K>> }[HandlerName] | 'department' | 'government' | 'township';
type Missing = Exclude<ArgKey, ArgName>;
export const ARG_NAMES_WORDED: [Missing] extends [never] ? true : Missing = true;
