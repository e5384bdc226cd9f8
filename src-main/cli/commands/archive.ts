// Archive commands: one table, each command a call of the services' handler
// map (the same handlers the desktop app and the web bridge use; arguments
// checked by the contract's validators). All take --archive PATH (default:
// the per-user data folder) and --json. Read-only commands open the archive
// read-only.
import { homedir } from 'node:os';
import { join } from 'node:path';
import { fieldById, fieldLabel, isFieldId, parseTyped, VALUE_PROBLEM_WORDS, type FieldId } from '../../core/catalogue/index.js';
import { errorText, localStamp, LOG_ACTION_WORDS, logItem, logValues, type FileIssueCode } from '../../core/wording/index.js';
import { describeFlag } from '../../core/validate/describe.js';
import { flagCategory } from '../../core/wording/quality.js';
import {
  parseArgsFor,
  type Args as HArgs,
  type EventMessage,
  type HandlerName,
  type ImportSummary,
  type JobResult,
  type ReextractSummary,
  type Result,
} from '../../contract/index.js';
import { openArchivePort } from '../../services/adapter.js';
import { createServices, type Services } from '../../services/index.js';
import type { ArchivePort } from '../../services/port.js';
import { flagNumber, flagString, type Args } from '../args.js';

/** %APPDATA%\nianbao-archive (Windows), ~/Library/Application Support/nianbao-archive (macOS), $XDG_DATA_HOME or ~/.local/share/nianbao-archive. */
export function defaultArchivePath(): string {
  const home = homedir();
  const base =
    process.platform === 'win32'
      ? (process.env.APPDATA ?? join(home, 'AppData', 'Roaming'))
      : process.platform === 'darwin'
        ? join(home, 'Library', 'Application Support')
        : process.env.XDG_DATA_HOME || join(home, '.local', 'share');
  return join(base, 'nianbao-archive', 'archive.sqlite');
}

const fmt = (v: unknown) => (v === null || v === undefined ? '—' : String(v));

/** A cell named on the command line: a field id of the catalogue, or a clear refusal. */
function fieldArg(field: string | undefined, usage: string): FieldId {
  if (!field) throw new Error(usage);
  if (!isFieldId(field))
    throw new Error(`未知字段 ${field}（字段名如 requests.total.total） / unknown field ${field} (a field id such as requests.total.total)`);
  return field;
}

function num(args: Args, i: number, what: string): number {
  const v = args.positional[i];
  if (!v || !/^\d+$/.test(v)) throw new Error(`expected ${what}, got ${v === undefined ? 'nothing' : `"${v}"`}`);
  return Number(v);
}
const reportId = (args: Args, i = 0) => num(args, i, 'a report id');

/** A cell value typed by a person, by the catalogue's value rules for the field's unit (parseTyped); "null" or "blank" also mean "not stated". */
function parseValue(v: string | undefined, field: string): number | null {
  if (v === undefined) throw new Error('expected a value (a number, or "null" for blank)');
  if (['null', 'blank'].includes(v.trim())) return null;
  const t = parseTyped(v, fieldById(field)?.unit ?? null);
  if ('value' in t) return t.value;
  const w = VALUE_PROBLEM_WORDS[t.problem];
  throw new Error(`"${v}" ${w.zh} / ${w.en}`);
}

/** A stored reason in both languages. */
const reasonText = (code: FileIssueCode | null, params: Record<string, string | number> | undefined, detail: string | null) =>
  code ? `${errorText({ code, ...(params ? { params } : {}) }, 'zh')} / ${detail || errorText({ code, ...(params ? { params } : {}) }, 'en')}` : '';

interface Ctx {
  call<K extends HandlerName>(name: K, args: HArgs<K>): Promise<Result<K>>;
  /** Start a job through its handler and wait for its result (progress on stderr; Ctrl-C cancels). */
  job(start: () => Promise<{ jobId: string }>): Promise<JobResult>;
}

interface Output {
  json: unknown;
  text: () => string;
  code?: number;
}

interface Command {
  usage: string;
  /** Opens the archive read-only: the command writes nothing. */
  readonly?: boolean;
  /** May create the archive (only import). */
  create?: boolean;
  run(ctx: Ctx, args: Args): Promise<Output>;
}

const versionLine = (v: Result<'reports.versions'>[number]) =>
  `  ${v.active ? '*' : ' '} version ${v.id}${v.pending ? ' 待比较 (waiting to be compared)' : ''}${v.reviewed ? ' reviewed' : ''} — ${v.status}, ${v.valuesFound} values, ${v.missingTables} tables missing, ${v.flags} open flags\n` +
  v.sources.map((s) => `      #${s.reportId} ${s.file} (${fmt(s.format)}, ${s.size} bytes, imported ${s.importedAt})${s.active ? ' active' : ''}`).join('\n');

export const COMMANDS: Record<string, Command> = {
  import: {
    usage: 'import FOLDER [--retry]',
    create: true,
    async run(ctx, args) {
      const folder = args.positional[0];
      if (!folder) throw new Error('usage: import FOLDER [--retry] (--retry: read again files that crashed an earlier import)');
      const r = (await ctx.job(() => ctx.call('import.start', { folder, ...(args.flags.retry ? { retry: true } : {}) }))) as ImportSummary;
      const status = r.cancelled ? 'cancelled' : 'completed';
      const skipped = r.skipped - r.duplicates;
      return {
        json: {
          run: r.run,
          status,
          files: r.files,
          imported: r.reports,
          duplicates: r.duplicates,
          skipped,
          failed: r.errors,
          reports: r.reports,
          counts: r.counts,
          outcomes: r.outcomes,
        },
        text: () =>
          [
            `run ${r.run} ${status}: ${r.reports} imported, ${r.duplicates} already archived, ${skipped} skipped, ${r.failed} failed — ` +
              Object.entries(r.counts)
                .map(([k, n]) => `${k} ${n}`)
                .join(', '),
            ...r.outcomes.map(
              (o) =>
                `  ${o.outcome.padEnd(24)} ${o.file}${o.reportId ? ` → #${o.reportId}` : ''}${o.code ? `  ${reasonText(o.code, o.params, o.reason)}` : ''}`,
            ),
          ].join('\n'),
        code: status === 'completed' ? 0 : 3,
      };
    },
  },
  list: {
    usage: 'list [--year Y] [--agency T] [--status S] [--flagged] [--quality KIND|any] [--cross-year] [--compare] [--run N] [--all]',
    readonly: true,
    async run(ctx, args) {
      const status = flagString(args, 'status');
      if (status && !['unreviewed', 'flagged', 'verified'].includes(status)) throw new Error('--status is unreviewed, flagged or verified');
      const year = flagNumber(args, 'year');
      const agency = flagString(args, 'agency');
      const page = await ctx.call('reports.list', {
        ...(year !== undefined ? { year } : {}),
        ...(agency ? { agency } : {}),
        ...(status ? { status: status as 'unreviewed' } : {}),
        ...(args.flags.flagged ? { flaggedOnly: true } : {}),
        ...(flagString(args, 'quality') ? { quality: flagString(args, 'quality') as 'any' } : {}),
        ...(args.flags['cross-year'] ? { crossYear: true } : {}),
        ...(args.flags.compare ? { needsCompare: true } : {}),
        ...(flagNumber(args, 'run') !== undefined ? { runId: flagNumber(args, 'run')! } : {}),
        ...(args.flags.all ? { allVersions: true } : {}),
        sort: 'agency',
        limit: flagNumber(args, 'limit') ?? 10_000,
      });
      const rows = page.items.map((r) => ({
        id: r.id,
        agency: r.agency,
        year: r.year,
        template: r.template,
        status: r.status,
        flags: r.flagCount,
        quality: r.qualityCount,
        file: r.file,
        versions: r.versionCount,
        needsCompare: r.needsCompare,
      }));
      return {
        json: rows,
        text: () =>
          rows.length
            ? rows
                .map(
                  (r) =>
                    `${String(r.id).padStart(5)}  ${fmt(r.year)}  ${r.status.padEnd(10)} ${String(r.flags).padStart(2)} flags ${String(r.quality).padStart(2)} quality  ${fmt(r.agency)}  (${r.file})${r.versions > 1 ? `  [${r.versions} versions]` : ''}${r.needsCompare ? '  待比较' : ''}`,
                )
                .join('\n')
            : 'no reports',
      };
    },
  },
  show: {
    usage: 'show ID',
    readonly: true,
    async run(ctx, args) {
      const r = await ctx.call('reports.get', { id: reportId(args) });
      return {
        json: r,
        text: () => {
          const corrected = new Set(r.corrected);
          return [
            `#${r.id} ${fmt(r.agency)} ${fmt(r.year)} (template ${fmt(r.template)}) — ${r.status}${r.removed ? ' — in the trash' : r.active ? '' : ' — not the active version'}${r.needsCompare ? ' — 待比较 (a new version waits to be compared)' : ''}`,
            `region: ${fmt(r.region)}   file: ${r.source.name}   archived copy: ${r.source.storedPath}`,
            `versions (* active):`,
            ...r.versions.map(versionLine),
            ...(r.error ? [`error: ${r.error}`] : []),
            '',
            ...Object.entries(r.values).map(
              ([f, v]) => `  ${f.padEnd(44)} ${fmt(v).padStart(12)}${corrected.has(f) ? `  corrected (was ${fmt(r.original[f])})` : ''}  ${fieldLabel(f)}`,
            ),
            '',
            ...(r.flags.length
              ? r.flags.map(
                  (f) =>
                    `  #${f.id} ${f.accepted ? 'accepted' : f.resolved ? 'resolved' : 'FLAG'}${f.source === 'quality' ? ` ${flagCategory(f)}` : ''} [${f.kind}${f.rule ? ` ${f.rule}` : ''}] ${f.source === 'quality' ? describeFlag(f) : f.message}` +
                    (f.accepted
                      ? `\n      ${f.source === 'quality' ? '情况属实 (confirmed as it is)' : '原文如此 (as in the original)'}, ${f.accepted.at}${f.accepted.note ? `: ${f.accepted.note}` : ''}`
                      : ''),
                )
              : ['  no flags']),
          ].join('\n');
        },
      };
    },
  },
  versions: {
    usage: 'versions ID',
    readonly: true,
    async run(ctx, args) {
      const v = await ctx.call('reports.versions', { id: reportId(args) });
      return { json: v, text: () => v.map(versionLine).join('\n') };
    },
  },
  compare: {
    usage: 'compare ID VERSION_ID',
    readonly: true,
    async run(ctx, args) {
      const c = await ctx.call('reports.compare', { id: reportId(args), versionId: num(args, 1, 'a version id') });
      return {
        json: c,
        text: () =>
          [
            `version ${c.current.id} (active, ${c.current.file}) vs version ${c.other.id} (${c.other.file}): ${c.differing} cells differ`,
            ...c.cells
              .filter((x) => x.differs)
              .map(
                (x) => `  ${x.field.padEnd(44)} ${fmt(x.current).padStart(12)}${x.corrected ? '*' : ' '} ${fmt(x.other).padStart(12)}  ${fieldLabel(x.field)}`,
              ),
            '(* corrected by a person)',
          ].join('\n'),
      };
    },
  },
  'use-version': {
    usage: 'use-version ID VERSION_ID [--note T]',
    async run(ctx, args) {
      const note = flagString(args, 'note');
      const r = await ctx.call('reports.useVersion', { id: reportId(args), versionId: num(args, 1, 'a version id'), ...(note ? { note } : {}) });
      return {
        json: { id: r.report.id, carried: r.carried, flagged: r.flagged, acceptances: r.acceptances, verified: r.verified, status: r.report.status },
        text: () =>
          `report #${r.report.id} is now the active version; corrections carried over: ${r.carried.join(', ') || 'none'}; cells flagged (the correction stays on the old version): ${r.flagged.join(', ') || 'none'}; acceptances carried over: ${r.acceptances.length}${r.verified ? '; 已核实 carried over (same values)' : ''}`,
      };
    },
  },
  'keep-version': {
    usage: 'keep-version ID [--note T]',
    async run(ctx, args) {
      const note = flagString(args, 'note');
      const r = await ctx.call('reports.keepVersion', { id: reportId(args), ...(note ? { note } : {}) });
      return { json: { id: r.id, needsCompare: r.needsCompare }, text: () => `#${r.id} kept as the active version` };
    },
  },
  'take-cell': {
    usage: 'take-cell ID VERSION_ID FIELD',
    async run(ctx, args) {
      const field = fieldArg(args.positional[2], 'usage: take-cell ID VERSION_ID FIELD');
      const r = await ctx.call('reports.takeCell', { id: reportId(args), versionId: num(args, 1, 'a version id'), field });
      return {
        json: { id: r.id, field, value: r.values[field] ?? null },
        text: () => `#${r.id} ${field} = ${fmt(r.values[field])} (taken from version ${args.positional[1]})`,
      };
    },
  },
  remove: {
    usage: 'remove ID [--reason T] [--not-report]',
    async run(ctx, args) {
      const reason = flagString(args, 'reason');
      const id = reportId(args);
      const r = await ctx.call('reports.remove', { id, ...(reason ? { reason } : {}), ...(args.flags['not-report'] ? { notReport: true } : {}) });
      return { json: { id, ...r }, text: () => `#${id} moved to the trash (回收站) with ${r.removed} file(s); restore ${id} brings it back` };
    },
  },
  restore: {
    usage: 'restore ID',
    async run(ctx, args) {
      const r = await ctx.call('reports.restore', { id: reportId(args) });
      return {
        json: { id: r.id, agency: r.agency, year: r.year, status: r.status },
        text: () => `#${r.id} ${fmt(r.agency)} ${fmt(r.year)} restored (${r.status})`,
      };
    },
  },
  trash: {
    usage: 'trash',
    readonly: true,
    async run(ctx) {
      const t = await ctx.call('reports.trash', {});
      return {
        json: t,
        text: () =>
          t.length
            ? t
                .map(
                  (e) =>
                    `${String(e.id).padStart(5)}  ${fmt(e.agency)} ${fmt(e.year)}  ${e.kind === 'not_report' ? '非年报 not a report' : '移出 removed'} ${e.removedAt}${e.reason ? `  — ${e.reason}` : ''} (${e.sources} file(s))`,
                )
                .join('\n')
            : 'the trash is empty',
      };
    },
  },
  correct: {
    usage: 'correct ID FIELD VALUE [--note T]',
    async run(ctx, args) {
      const id = reportId(args);
      const field = fieldArg(args.positional[1], 'usage: correct REPORT_ID FIELD VALUE [--note TEXT]');
      const note = flagString(args, 'note');
      const r = await ctx.call('cells.correct', { id, field, value: parseValue(args.positional[2], field), ...(note ? { note } : {}) });
      return {
        json: { id, field, value: r.values[field] ?? null, status: r.status, flags: r.flagCount },
        text: () => `#${id} ${field} = ${fmt(r.values[field])} (${r.status}, ${r.flagCount} open flags)`,
      };
    },
  },
  undo: { usage: 'undo ID', run: (ctx, args) => undoRedo(ctx, args, 'undo') },
  redo: { usage: 'redo ID', run: (ctx, args) => undoRedo(ctx, args, 'redo') },
  history: {
    usage: 'history ID [FIELD]',
    readonly: true,
    async run(ctx, args) {
      const field = args.positional[1];
      const h = await ctx.call('cells.history', { id: reportId(args), ...(field ? { field } : {}) });
      return {
        json: h,
        text: () =>
          h.length
            ? h
                .map((e) =>
                  e.flag
                    ? `${e.at}  ${e.kind} ${e.field}: ${e.flag.message}${e.note ? `  — ${e.note}` : ''}`
                    : `${e.at}  ${e.kind.padEnd(4)} ${e.field}: ${fmt(e.from)} → ${fmt(e.to)}${e.undone ? ' (undone)' : ''}${e.note ? `  — ${e.note}` : ''}`,
                )
                .join('\n')
            : 'no corrections',
      };
    },
  },
  queue: {
    usage: 'queue [--run N] [--flagged | --compare | --kind K,K] [--after ID]',
    readonly: true,
    async run(ctx, args) {
      const run = flagNumber(args, 'run');
      const kinds = flagString(args, 'kind')
        ?.split(',')
        .map((k) => k.trim())
        .filter(Boolean);
      const kind = kinds?.length ? 'kinds' : args.flags.flagged ? 'flagged' : args.flags.compare ? 'needs_compare' : 'todo';
      const after = flagNumber(args, 'after');
      const scope = { ...(run !== undefined ? { runId: run } : {}), kind, ...(kinds?.length ? { kinds } : {}) } as const;
      const q = await ctx.call('review.queue', { ...scope, ...(after !== undefined ? { after } : {}) });
      const page = await ctx.call('reports.list', { ...q.filter, limit: flagNumber(args, 'limit') ?? 10_000 });
      const c = q.counts;
      return {
        json: { counts: c, next: q.next, reports: page.items.map((r) => ({ id: r.id, agency: r.agency, year: r.year, status: r.status, flags: r.flagCount })) },
        text: () =>
          [
            `${run !== undefined ? `run ${run}: ` : ''}待审 to review ${c.todo} · 有疑问 flagged ${c.flagged} · 待比较 to compare ${c.needsCompare}${kinds?.length ? ` · ${kinds.join('/')} ${c.kinds}` : ''} · 已核实 verified ${c.verified}`,
            ...(q.next ? [q.next.id === null ? 'next: none left' : `next: #${q.next.id} (${q.next.remaining} left)`] : []),
            ...page.items.map(
              (r) => `${String(r.id).padStart(5)}  ${fmt(r.year)}  ${r.status.padEnd(10)} ${String(r.flagCount).padStart(2)} flags  ${fmt(r.agency)}`,
            ),
          ].join('\n'),
      };
    },
  },
  log: {
    usage: 'log ID [--csv] [--lang en]',
    readonly: true,
    async run(ctx, args) {
      const id = reportId(args);
      const lang = flagString(args, 'lang') === 'en' ? 'en' : 'zh';
      if (args.flags.csv) {
        const f = await ctx.call('reports.logCsv', { id, lang });
        return { json: f, text: () => f.csv.trimEnd() };
      }
      const log = await ctx.call('reports.log', { id });
      return {
        json: log,
        text: () =>
          log.length
            ? log
                .map((e) => {
                  const v = logValues(e, lang);
                  return `${localStamp(e.at)}  ${e.reviewer ?? '—'}  ${LOG_ACTION_WORDS[e.action][lang]}  ${logItem(e, lang)}${v.from || v.to ? `: ${v.from} → ${v.to}` : ''}${e.undone ? ' (undone)' : ''}${e.note ? `  — ${e.note}` : ''}`;
                })
                .join('\n')
            : 'no changes recorded',
      };
    },
  },
  accept: { usage: 'accept ID FLAG_ID [--note T]', run: (ctx, args) => acceptFlag(ctx, args, true) },
  unaccept: { usage: 'unaccept ID FLAG_ID', run: (ctx, args) => acceptFlag(ctx, args, false) },
  verify: {
    usage: 'verify ID [--note T]',
    async run(ctx, args) {
      const note = flagString(args, 'note');
      const r = await ctx.call('reports.verify', { id: reportId(args), verified: true, ...(note ? { note } : {}) });
      return { json: { id: r.id, status: r.status }, text: () => `#${r.id} ${r.status}${r.flagCount ? ` (with ${r.flagCount} open flags)` : ''}` };
    },
  },
  'set-meta': {
    usage: 'set-meta ID [--agency NAME] [--year Y] [--template 2019|2021] [--published-at YYYY-MM-DD]',
    async run(ctx, args) {
      const id = reportId(args);
      const template = flagString(args, 'template');
      if (template && template !== '2019' && template !== '2021') throw new Error('--template is 2019 or 2021');
      const agency = flagString(args, 'agency');
      const year = flagNumber(args, 'year');
      const r = await ctx.call('reports.setMeta', {
        id,
        ...(agency ? { agency } : {}),
        ...(year !== undefined ? { year } : {}),
        ...(template ? { template: template as '2019' } : {}),
        ...(args.flags['published-at'] !== undefined ? { publishedAt: flagString(args, 'published-at') ?? '' } : {}),
      });
      const l = r.landing;
      return {
        json: { id, agency: r.agency, year: r.year, template: r.template, status: r.status, landing: l },
        text: () =>
          `#${id} ${fmt(r.agency)} ${fmt(r.year)} template ${fmt(r.template)} (${r.status})` +
          (l ? `\n  landed as ${l.outcome}; the active report of ${fmt(r.agency)} ${fmt(r.year)} is #${l.activeId}` : ''),
      };
    },
  },
  search: {
    usage: 'search TEXT',
    readonly: true,
    async run(ctx, args) {
      const text = args.positional.join(' ');
      if (!text.trim()) throw new Error('usage: search TEXT');
      const hits = await ctx.call('search', { text, limit: flagNumber(args, 'limit') ?? 50 });
      return {
        json: hits,
        text: () => (hits.length ? hits.map((h) => `${String(h.id).padStart(5)}  ${fmt(h.agency)} ${fmt(h.year)}  ${h.snippet}`).join('\n') : 'no matches'),
      };
    },
  },
  agencies: {
    usage: 'agencies',
    readonly: true,
    async run(ctx) {
      const list = await ctx.call('agencies.list', {});
      return {
        json: list,
        text: () =>
          list
            .map((g) => `${g.name}  [${fmt(g.region)}]  ${g.reports} reports ${g.years.join(',')}${g.aliases.length ? `  aka ${g.aliases.join(', ')}` : ''}`)
            .join('\n') || 'no agencies',
      };
    },
  },
  'merge-agencies': {
    usage: 'merge-agencies FROM INTO',
    async run(ctx, args) {
      const [from, into] = args.positional;
      if (!from || !into) throw new Error('usage: merge-agencies FROM INTO (FROM is merged into INTO and kept as its alias)');
      const m = await ctx.call('agencies.merge', { from, into });
      return {
        json: m,
        text: () =>
          [
            `merged "${m.from}" into "${m.into}": ${m.moved} reports moved, ${m.landed.length} landed on a year "${m.into}" already had`,
            ...m.landed.map((l) => `  #${l.reportId} ${l.year}: ${l.outcome} (active: #${l.activeId})`),
          ].join('\n'),
      };
    },
  },
  'set-region': {
    usage: 'set-region AGENCY [--province P] [--city C] [--county X]',
    async run(ctx, args) {
      const agency = args.positional[0];
      const region = {
        ...(args.flags.province !== undefined ? { province: flagString(args, 'province') || null } : {}),
        ...(args.flags.city !== undefined ? { city: flagString(args, 'city') || null } : {}),
        ...(args.flags.county !== undefined ? { county: flagString(args, 'county') || null } : {}),
      };
      if (!agency || Object.keys(region).length === 0)
        throw new Error('usage: set-region AGENCY [--province P] [--city C] [--county X] (an empty value clears that level)');
      const g = await ctx.call('agencies.setRegion', { agency, ...region });
      return { json: g, text: () => `${g.name}  [${fmt(g.region)}] (set by hand)` };
    },
  },
  'rename-agency': {
    usage: 'rename-agency AGENCY NEW_NAME',
    async run(ctx, args) {
      const [agency, name] = args.positional;
      if (!agency || !name) throw new Error('usage: rename-agency AGENCY NEW_NAME (the old name stays as an alias)');
      const g = await ctx.call('agencies.rename', { agency, name });
      return { json: g, text: () => `renamed "${agency}" to "${g.name}"; aliases: ${g.aliases.join(', ') || '—'}` };
    },
  },
  reextract: {
    usage: 'reextract [--all]',
    async run(ctx, args) {
      const r = (await ctx.job(() => ctx.call('reextract.start', args.flags.all ? { all: true } : {}))) as ReextractSummary;
      return {
        json: r,
        text: () =>
          [
            `${r.reports} reports re-extracted, ${r.changed} changed, ${r.conflicts} corrections to look at`,
            ...r.errors.map((e) => `  failed: ${e.file}: ${e.error}`),
          ].join('\n'),
        code: r.errors.length ? 3 : 0,
      };
    },
  },
  quality: {
    usage: 'quality [--threshold S] [--deadline-department MM-DD] [--deadline-government MM-DD] [--deadline-township MM-DD] [--recheck]',
    async run(ctx, args) {
      const t = flagNumber(args, 'threshold');
      const deadlines = Object.fromEntries(
        (['department', 'government', 'township'] as const)
          .filter((k) => flagString(args, `deadline-${k}`))
          .map((k) => [k, flagString(args, `deadline-${k}`)!]),
      );
      const changed = t !== undefined || Object.keys(deadlines).length > 0;
      const r = await ctx.call('quality.settings', {
        ...(t !== undefined ? { copiedThreshold: t } : {}),
        ...(Object.keys(deadlines).length ? { deadlines } : {}),
        ...(args.flags.recheck ? { recheck: true } : {}),
      });
      const s = r.settings;
      return {
        json: r,
        text: () =>
          [
            `copied text at ≥ ${Math.round(s.copiedThreshold * 100)} %; boilerplate: sentences in ≥ ${s.boilerplateAgencies} agencies' reports of a year`,
            `deadlines (the year after): department ${s.deadlines.department}, government ${s.deadlines.government}, township ${s.deadlines.township}`,
            ...(changed ? ['every report re-checked'] : r.rechecked !== null ? [`${r.rechecked} reports re-checked`] : []),
          ].join('\n'),
      };
    },
  },
  'set-agency-kind': {
    usage: 'set-agency-kind AGENCY department|government|township|auto',
    async run(ctx, args) {
      const [agency, kind] = args.positional;
      if (!agency || !kind || !['department', 'government', 'township', 'auto'].includes(kind))
        throw new Error('usage: set-agency-kind AGENCY department|government|township|auto');
      const r = await ctx.call('agencies.setKind', { agency, kind: kind === 'auto' ? null : (kind as 'department') });
      return {
        json: { agency, kind, rechecked: r.rechecked },
        text: () => `${agency}: ${kind === 'auto' ? 'kind read from the name again' : kind}; ${r.rechecked} reports re-checked`,
      };
    },
  },
  passages: {
    usage: 'passages ID FLAG_ID',
    readonly: true,
    async run(ctx, args) {
      const id = reportId(args);
      const flagId = args.positional[1];
      if (!flagId || !/^\d+$/.test(flagId)) throw new Error('usage: passages REPORT_ID FLAG_ID (a copied_text flag)');
      const p = await ctx.call('flags.passages', { id, flagId: Number(flagId) });
      const mark = (s: { text: string; common: [number, number][] }) => {
        let o = '';
        let at = 0;
        for (const [x, y] of s.common) (o += `${s.text.slice(at, x)}【${s.text.slice(x, y)}】`), (at = y);
        return o + s.text.slice(at);
      };
      return {
        json: p,
        text: () =>
          [
            `${p.percent ?? '?'} % the same; common parts in 【】`,
            `#${p.a.reportId} ${fmt(p.a.agency)} ${fmt(p.a.year)}:`,
            mark(p.a),
            '',
            `#${p.b.reportId} ${fmt(p.b.agency)} ${fmt(p.b.year)}:`,
            mark(p.b),
          ].join('\n'),
      };
    },
  },
  backup: {
    usage: 'backup OUT',
    readonly: false,
    async run(ctx, args) {
      const path = args.positional[0];
      if (!path) throw new Error('usage: backup OUT_FILE');
      const r = await ctx.call('archive.backup', { path });
      return { json: r, text: () => `backup written: ${r.path} (${r.bytes} bytes) and ${r.files} originals in ${r.path}.files` };
    },
  },
};

async function undoRedo(ctx: Ctx, args: Args, what: 'undo' | 'redo'): Promise<Output> {
  const id = reportId(args);
  const before = await ctx.call('reports.get', { id });
  if (!(what === 'undo' ? before.canUndo : before.canRedo)) return { json: null, text: () => `#${id}: nothing to ${what}`, code: 1 };
  await ctx.call(what === 'undo' ? 'cells.undo' : 'cells.redo', { id });
  const e = (await ctx.call('cells.history', { id })).at(-1)!;
  return { json: e, text: () => `#${id} ${what}: ${e.field} ${fmt(e.from)} → ${fmt(e.to)}` };
}

async function acceptFlag(ctx: Ctx, args: Args, accept: boolean): Promise<Output> {
  const id = reportId(args);
  const flagId = args.positional[1];
  if (!flagId || !/^\d+$/.test(flagId))
    throw new Error(`usage: ${accept ? 'accept' : 'unaccept'} REPORT_ID FLAG_ID${accept ? ' [--note TEXT]' : ''} (flag ids: show REPORT_ID)`);
  const note = flagString(args, 'note');
  const r = accept
    ? await ctx.call('flags.accept', { id, flagId: Number(flagId), ...(note ? { note } : {}) })
    : await ctx.call('flags.unaccept', { id, flagId: Number(flagId) });
  return {
    json: { id, status: r.status, flags: r.flagCount },
    text: () => `#${id} flag ${accept ? 'accepted as in the original' : 'open again'} (${r.status}, ${r.flagCount} open flags)`,
  };
}

function progressBar(args: Args): ((p: { done: number; total: number; current: string | null; rate: number; etaSeconds: number | null }) => void) | undefined {
  if (args.flags.json || args.flags['no-progress'] || !process.stderr.isTTY) return undefined;
  return (p) => {
    const w = 30;
    const frac = p.total ? Math.min(1, p.done / p.total) : 0;
    const bar = '#'.repeat(Math.round(frac * w)).padEnd(w, '.');
    const eta = p.etaSeconds === null ? '' : ` ETA ${p.etaSeconds}s`;
    const name = p.current ? ` ${p.current.split(/[\\/]/).pop()}` : '';
    const cols = (process.stderr.columns ?? 100) - 1;
    process.stderr.write(`\r[${bar}] ${p.done}/${p.total} ${p.rate}/s${eta}${name}`.slice(0, cols).padEnd(cols));
  };
}

function context(s: Services, args: Args): Ctx {
  return {
    call: (name, a) => s.call(name, parseArgsFor(name, a)),
    async job(start) {
      const bar = progressBar(args);
      const seen: EventMessage[] = [];
      let wake: (() => void) | null = null;
      const off = s.subscribe((e) => {
        seen.push(e);
        wake?.();
      });
      const ac = () => void s.call('jobs.cancel', { jobId }).catch(() => undefined);
      let jobId = '';
      process.once('SIGINT', ac);
      try {
        jobId = (await start()).jobId;
        for (;;) {
          for (const e of seen.splice(0)) {
            if (e.name === 'job.progress' && e.payload.jobId === jobId) bar?.(e.payload);
            if (e.name === 'job.done' && e.payload.jobId === jobId) return (bar && process.stderr.write('\n'), e.payload.result);
            if (e.name === 'job.failed' && e.payload.jobId === jobId) throw new Error(e.payload.error);
          }
          await new Promise<void>((r) => (wake = r));
          wake = null;
        }
      } finally {
        off();
        process.off('SIGINT', ac);
      }
    },
  };
}

export async function run(args: Args): Promise<number> {
  const cmd = COMMANDS[args.command ?? ''];
  if (!cmd) {
    console.error(`unknown archive command ${args.command}`);
    return 2;
  }
  const path = flagString(args, 'archive') ?? process.env.NIANBAO_ARCHIVE ?? defaultArchivePath();
  let port: ArchivePort;
  try {
    // Only import creates an archive; read-only commands open it read-only.
    port = await openArchivePort(path, !!cmd.create, !!cmd.readonly);
  } catch (e) {
    console.error((e as Error).message);
    return 2;
  }
  const s = await createServices({ openArchive: async () => port, archivePath: path, bridge: 'cli' });
  try {
    const o = await cmd.run(context(s, args), args);
    console.log(args.flags.json ? JSON.stringify(o.json, null, 2) : o.text());
    return o.code ?? 0;
  } catch (e) {
    console.error(args.flags.json ? JSON.stringify({ error: (e as Error).message }) : (e as Error).message);
    return 1;
  } finally {
    await s.close();
  }
}
