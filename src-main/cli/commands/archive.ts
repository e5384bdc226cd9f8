// Archive commands: one table, each command a call of the services' handler
// map (the same handlers the desktop app and the web bridge use; arguments
// checked by the contract's validators). All take --archive PATH (default:
// the per-user data folder) and --json. Read-only commands open the archive
// read-only.
import { homedir } from 'node:os';
import { join } from 'node:path';
import { fieldById, fieldLabel, isFieldId, parseTyped, VALUE_PROBLEM_WORDS, type FieldId } from '../../core/catalogue/index.js';
import { formatDuration } from '../../core/wording/format.js';
import {
  cliText,
  decodeIssue,
  errorText,
  flagText,
  langFromEnv,
  localStamp,
  LOG_ACTION_WORDS,
  logItem,
  logValues,
  OUTCOME_WORDS,
  statusText,
  toErrorInfo,
  type CliKey,
  type CliParams,
  type FileIssueCode,
  type Lang,
} from '../../core/wording/index.js';
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

/** The language of the text output (--lang, else the locale; Chinese by default). --json never depends on it. */
export const cliLang = (args: Args): Lang => langFromEnv(flagString(args, 'lang'), process.env);
/** A sentence in the command's language. */
const say = (args: Args, key: CliKey, params?: CliParams) => cliText(key, cliLang(args), params);

/** A cell named on the command line: a field id of the catalogue, or a clear refusal. */
function fieldArg(args: Args, field: string | undefined, usageText: string): FieldId {
  if (!field) throw usage(args, usageText);
  if (!isFieldId(field)) throw new Error(say(args, 'unknownField', { field }));
  return field;
}

function num(args: Args, i: number, what: 'reportIdWord' | 'versionIdWord'): number {
  const v = args.positional[i];
  if (!v || !/^\d+$/.test(v)) throw new Error(say(args, 'expectedId', { what: say(args, what), got: v === undefined ? say(args, 'nothing') : `"${v}"` }));
  return Number(v);
}
const reportId = (args: Args, i = 0) => num(args, i, 'reportIdWord');
const usage = (args: Args, text: string) => new Error(say(args, 'usage', { usage: text }));
const status = (s: string, lang: Lang) => (lang === 'zh' && (s === 'unreviewed' || s === 'flagged' || s === 'verified') ? statusText(s, lang) : s);
const list = (xs: string[], args: Args) => xs.join(cliLang(args) === 'zh' ? '、' : ', ') || say(args, 'none');

/** A cell value typed by a person, by the catalogue's value rules for the field's unit (parseTyped); "null" or "blank" also mean "not stated". */
function parseValue(v: string | undefined, field: string, args: Args): number | null {
  if (v === undefined) throw new Error(say(args, 'valueNeeded'));
  if (['null', 'blank'].includes(v.trim())) return null;
  const t = parseTyped(v, fieldById(field)?.unit ?? null);
  if ('value' in t) return t.value;
  const w = VALUE_PROBLEM_WORDS[t.problem];
  throw new Error(`"${v}" ${w[cliLang(args)]}`);
}

/** A stored reason in the language (the English detail only in English). */
const reasonText = (code: FileIssueCode | null, params: Record<string, string | number> | undefined, detail: string | null, lang: Lang) =>
  code ? (lang === 'en' && detail ? detail : errorText({ code, ...(params ? { params } : {}) }, lang)) : '';

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

const versionLine = (args: Args) => (v: Result<'reports.versions'>[number]) =>
  `  ${v.active ? '*' : ' '} ${say(args, 'versionLine', {
    id: v.id,
    pending: v.pending ? say(args, 'versionPending') : '',
    reviewed: v.reviewed ? say(args, 'versionReviewed') : '',
    status: status(v.status, cliLang(args)),
    values: v.valuesFound,
    missing: v.missingTables,
    flags: v.flags,
  })}\n` +
  v.sources
    .map(
      (s) =>
        `      ${say(args, 'sourceLine', { id: s.reportId, file: s.file, format: fmt(s.format), size: s.size, at: localStamp(s.importedAt) })}${s.active ? say(args, 'sourceActive') : ''}`,
    )
    .join('\n');

export const COMMANDS: Record<string, Command> = {
  import: {
    usage: 'import FOLDER [--retry]',
    create: true,
    async run(ctx, args) {
      const folder = args.positional[0];
      if (!folder) throw usage(args, 'import FOLDER [--retry]');
      const r = (await ctx.job(() => ctx.call('import.start', { folder, ...(args.flags.retry ? { retry: true } : {}) }))) as ImportSummary;
      const runStatus = r.cancelled ? 'cancelled' : 'completed';
      const skipped = r.skipped - r.duplicates;
      const lang = cliLang(args);
      return {
        json: {
          run: r.run,
          status: runStatus,
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
            say(args, 'importHead', {
              run: r.run,
              status: say(args, r.cancelled ? 'runCancelled' : 'runCompleted'),
              reports: r.reports,
              duplicates: r.duplicates,
              skipped,
              failed: r.failed,
              counts: Object.entries(r.counts)
                .map(([k, n]) => `${OUTCOME_WORDS[k as keyof typeof OUTCOME_WORDS][lang]} ${n}`)
                .join(lang === 'zh' ? '，' : ', '),
            }),
            ...r.outcomes.map(
              (o) =>
                `  ${OUTCOME_WORDS[o.outcome][lang].padEnd(lang === 'zh' ? 12 : 24)} ${o.file}${o.reportId ? ` → #${o.reportId}` : ''}${o.code ? `  ${reasonText(o.code, o.params, o.reason, lang)}` : ''}`,
            ),
          ].join('\n'),
        code: runStatus === 'completed' ? 0 : 3,
      };
    },
  },
  list: {
    usage: 'list [--year Y] [--agency T] [--status S] [--flagged] [--quality KIND|any] [--cross-year] [--compare] [--run N] [--all]',
    readonly: true,
    async run(ctx, args) {
      const wanted = flagString(args, 'status');
      if (wanted && !['unreviewed', 'flagged', 'verified'].includes(wanted)) throw new Error(say(args, 'statusFlag'));
      const year = flagNumber(args, 'year');
      const agency = flagString(args, 'agency');
      const page = await ctx.call('reports.list', {
        ...(year !== undefined ? { year } : {}),
        ...(agency ? { agency } : {}),
        ...(wanted ? { status: wanted as 'unreviewed' } : {}),
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
                    `${String(r.id).padStart(5)}  ${fmt(r.year)}  ${status(r.status, cliLang(args)).padEnd(cliLang(args) === 'zh' ? 4 : 10)} ${say(args, 'listRow', { flags: String(r.flags).padStart(2), quality: String(r.quality).padStart(2) })}  ${fmt(r.agency)}  (${r.file})${r.versions > 1 ? `  ${say(args, 'versionsCount', { n: r.versions })}` : ''}${r.needsCompare ? `  ${say(args, 'needsCompare')}` : ''}`,
                )
                .join('\n')
            : say(args, 'noReports'),
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
          const lang = cliLang(args);
          const corrected = new Set(r.corrected);
          const error = r.error ? decodeIssue(r.error) : null;
          return [
            `#${r.id} ${fmt(r.agency)} ${fmt(r.year)} (${say(args, 'template', { template: fmt(r.template) })}) — ${status(r.status, lang)}${r.removed ? ` — ${say(args, 'inTrash')}` : r.active ? '' : ` — ${say(args, 'notActive')}`}${r.needsCompare ? ` — ${say(args, 'waitsCompare')}` : ''}`,
            say(args, 'showPlace', { region: fmt(r.region), file: r.source.name, stored: r.source.storedPath }),
            say(args, 'versionsHead'),
            ...r.versions.map(versionLine(args)),
            ...(error ? [say(args, 'errorLine', { error: lang === 'en' && error.message ? error.message : errorText(error, lang) })] : []),
            '',
            ...Object.entries(r.values).map(
              ([f, v]) =>
                `  ${f.padEnd(44)} ${fmt(v).padStart(12)}${corrected.has(f) ? `  ${say(args, 'correctedWas', { was: fmt(r.original[f]) })}` : ''}  ${fieldLabel(f, lang)}`,
            ),
            '',
            ...(r.flags.length
              ? r.flags.map(
                  (f) =>
                    `  #${f.id} ${say(args, f.accepted ? 'flagAccepted' : f.resolved ? 'flagResolved' : 'flagOpen')}${f.source === 'quality' ? ` ${flagCategory(f, lang)}` : ''} [${f.kind}${f.rule ? ` ${f.rule}` : ''}] ${flagText(f, lang)}` +
                    (f.accepted
                      ? `\n      ${say(args, f.source === 'quality' ? 'confirmed' : 'asPrinted')}${lang === 'zh' ? '，' : ', '}${localStamp(f.accepted.at)}${f.accepted.note ? `${lang === 'zh' ? '：' : ': '}${f.accepted.note}` : ''}`
                      : ''),
                )
              : [`  ${say(args, 'noFlags')}`]),
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
      return { json: v, text: () => v.map(versionLine(args)).join('\n') };
    },
  },
  compare: {
    usage: 'compare ID VERSION_ID',
    readonly: true,
    async run(ctx, args) {
      const c = await ctx.call('reports.compare', { id: reportId(args), versionId: num(args, 1, 'versionIdWord') });
      return {
        json: c,
        text: () =>
          [
            say(args, 'compareHead', { a: c.current.id, fileA: c.current.file, b: c.other.id, fileB: c.other.file, n: c.differing }),
            ...c.cells
              .filter((x) => x.differs)
              .map(
                (x) =>
                  `  ${x.field.padEnd(44)} ${fmt(x.current).padStart(12)}${x.corrected ? '*' : ' '} ${fmt(x.other).padStart(12)}  ${fieldLabel(x.field, cliLang(args))}`,
              ),
            say(args, 'compareNote'),
          ].join('\n'),
      };
    },
  },
  'use-version': {
    usage: 'use-version ID VERSION_ID [--note T]',
    async run(ctx, args) {
      const note = flagString(args, 'note');
      const r = await ctx.call('reports.useVersion', { id: reportId(args), versionId: num(args, 1, 'versionIdWord'), ...(note ? { note } : {}) });
      return {
        json: { id: r.report.id, carried: r.carried, flagged: r.flagged, acceptances: r.acceptances, verified: r.verified, status: r.report.status },
        text: () =>
          say(args, 'useVersion', { id: r.report.id, carried: list(r.carried, args), flagged: list(r.flagged, args) }) +
          say(args, 'useVersionMore', { acceptances: r.acceptances.length }) +
          (r.verified ? say(args, 'useVersionVerified') : ''),
      };
    },
  },
  'keep-version': {
    usage: 'keep-version ID [--note T]',
    async run(ctx, args) {
      const note = flagString(args, 'note');
      const r = await ctx.call('reports.keepVersion', { id: reportId(args), ...(note ? { note } : {}) });
      return { json: { id: r.id, needsCompare: r.needsCompare }, text: () => say(args, 'keepVersion', { id: r.id }) };
    },
  },
  'take-cell': {
    usage: 'take-cell ID VERSION_ID FIELD',
    async run(ctx, args) {
      const field = fieldArg(args, args.positional[2], 'take-cell ID VERSION_ID FIELD');
      const r = await ctx.call('reports.takeCell', { id: reportId(args), versionId: num(args, 1, 'versionIdWord'), field });
      return {
        json: { id: r.id, field, value: r.values[field] ?? null },
        text: () => say(args, 'takeCell', { id: r.id, field, value: fmt(r.values[field]), version: args.positional[1] }),
      };
    },
  },
  remove: {
    usage: 'remove ID [--reason T] [--not-report]',
    async run(ctx, args) {
      const reason = flagString(args, 'reason');
      const id = reportId(args);
      const r = await ctx.call('reports.remove', { id, ...(reason ? { reason } : {}), ...(args.flags['not-report'] ? { notReport: true } : {}) });
      return { json: { id, ...r }, text: () => say(args, 'removed', { id, n: r.removed }) };
    },
  },
  restore: {
    usage: 'restore ID',
    async run(ctx, args) {
      const r = await ctx.call('reports.restore', { id: reportId(args) });
      return {
        json: { id: r.id, agency: r.agency, year: r.year, status: r.status },
        text: () => say(args, 'restored', { id: r.id, agency: fmt(r.agency), year: fmt(r.year), status: status(r.status, cliLang(args)) }),
      };
    },
  },
  trash: {
    usage: 'trash',
    readonly: true,
    async run(ctx, args) {
      const t = await ctx.call('reports.trash', {});
      return {
        json: t,
        text: () =>
          t.length
            ? t
                .map(
                  (e) =>
                    `${String(e.id).padStart(5)}  ${fmt(e.agency)} ${fmt(e.year)}  ${say(args, e.kind === 'not_report' ? 'trashNotReport' : 'trashRemoved')} ${localStamp(e.removedAt)}${e.reason ? `  — ${e.reason}` : ''} ${say(args, 'trashFiles', { n: e.sources })}`,
                )
                .join('\n')
            : say(args, 'trashEmpty'),
      };
    },
  },
  correct: {
    usage: 'correct ID FIELD VALUE [--note T]',
    async run(ctx, args) {
      const id = reportId(args);
      const field = fieldArg(args, args.positional[1], 'correct REPORT_ID FIELD VALUE [--note TEXT]');
      const note = flagString(args, 'note');
      const r = await ctx.call('cells.correct', { id, field, value: parseValue(args.positional[2], field, args), ...(note ? { note } : {}) });
      return {
        json: { id, field, value: r.values[field] ?? null, status: r.status, flags: r.flagCount },
        text: () => say(args, 'corrected', { id, field, value: fmt(r.values[field]), status: status(r.status, cliLang(args)), flags: r.flagCount }),
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
                    ? `${localStamp(e.at)}  ${say(args, HIST[e.kind])} ${e.field}: ${flagText(e.flag, cliLang(args))}${e.note ? `  — ${e.note}` : ''}`
                    : `${localStamp(e.at)}  ${say(args, HIST[e.kind])} ${e.field}: ${fmt(e.from)} → ${fmt(e.to)}${e.undone ? say(args, 'wasUndone') : ''}${e.note ? `  — ${e.note}` : ''}`,
                )
                .join('\n')
            : say(args, 'noCorrections'),
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
            say(args, 'queueHead', {
              run: run !== undefined ? say(args, 'queueRun', { run }) : '',
              todo: c.todo,
              flagged: c.flagged,
              compare: c.needsCompare,
              kinds: kinds?.length ? ` · ${kinds.join('/')} ${c.kinds}` : '',
              verified: c.verified,
            }),
            ...(q.next ? [q.next.id === null ? say(args, 'queueNone') : say(args, 'queueNext', { id: q.next.id, n: q.next.remaining })] : []),
            ...page.items.map(
              (r) =>
                `${String(r.id).padStart(5)}  ${fmt(r.year)}  ${status(r.status, cliLang(args)).padEnd(cliLang(args) === 'zh' ? 4 : 10)} ${say(args, 'listRow', { flags: String(r.flagCount).padStart(2), quality: r.qualityCount })}  ${fmt(r.agency)}`,
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
      const lang = cliLang(args);
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
                  return `${localStamp(e.at)}  ${e.reviewer ?? '—'}  ${LOG_ACTION_WORDS[e.action][lang]}  ${logItem(e, lang)}${v.from || v.to ? `: ${v.from} → ${v.to}` : ''}${e.undone ? say(args, 'wasUndone') : ''}${e.note ? `  — ${e.note}` : ''}`;
                })
                .join('\n')
            : say(args, 'noChanges'),
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
      return {
        json: { id: r.id, status: r.status },
        text: () => say(args, r.flagCount ? 'verifiedOpen' : 'verified', { id: r.id, status: status(r.status, cliLang(args)), flags: r.flagCount }),
      };
    },
  },
  'set-meta': {
    usage: 'set-meta ID [--agency NAME] [--year Y] [--template 2019|2021] [--published-at YYYY-MM-DD]',
    async run(ctx, args) {
      const id = reportId(args);
      const template = flagString(args, 'template');
      if (template && template !== '2019' && template !== '2021') throw new Error(say(args, 'templateFlag'));
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
          say(args, 'metaSet', { id, agency: fmt(r.agency), year: fmt(r.year), template: fmt(r.template), status: status(r.status, cliLang(args)) }) +
          (l
            ? `\n${say(args, 'landed', { outcome: OUTCOME_WORDS[l.outcome][cliLang(args)], agency: fmt(r.agency), year: fmt(r.year), active: l.activeId })}`
            : ''),
      };
    },
  },
  search: {
    usage: 'search TEXT',
    readonly: true,
    async run(ctx, args) {
      const text = args.positional.join(' ');
      if (!text.trim()) throw usage(args, 'search TEXT');
      const hits = await ctx.call('search', { text, limit: flagNumber(args, 'limit') ?? 50 });
      return {
        json: hits,
        text: () =>
          hits.length ? hits.map((h) => `${String(h.id).padStart(5)}  ${fmt(h.agency)} ${fmt(h.year)}  ${h.snippet}`).join('\n') : say(args, 'noMatches'),
      };
    },
  },
  agencies: {
    usage: 'agencies',
    readonly: true,
    async run(ctx, args) {
      const all = await ctx.call('agencies.list', {});
      return {
        json: all,
        text: () =>
          all
            .map((g) =>
              say(args, 'agencyRow', {
                name: g.name,
                region: fmt(g.region),
                n: g.reports,
                years: g.years.join(','),
                aliases: g.aliases.length ? say(args, 'aka', { names: list(g.aliases, args) }) : '',
              }),
            )
            .join('\n') || say(args, 'noAgencies'),
      };
    },
  },
  'merge-agencies': {
    usage: 'merge-agencies FROM INTO',
    async run(ctx, args) {
      const [from, into] = args.positional;
      if (!from || !into) throw usage(args, 'merge-agencies FROM INTO');
      const m = await ctx.call('agencies.merge', { from, into });
      return {
        json: m,
        text: () =>
          [
            say(args, 'merged', { from: m.from, into: m.into, moved: m.moved, landed: m.landed.length }),
            ...m.landed.map((l) =>
              say(args, 'landedLine', { id: l.reportId, year: l.year, outcome: OUTCOME_WORDS[l.outcome][cliLang(args)], active: l.activeId }),
            ),
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
      if (!agency || Object.keys(region).length === 0) throw usage(args, 'set-region AGENCY [--province P] [--city C] [--county X]');
      const g = await ctx.call('agencies.setRegion', { agency, ...region });
      return { json: g, text: () => say(args, 'regionSet', { name: g.name, region: fmt(g.region) }) };
    },
  },
  'rename-agency': {
    usage: 'rename-agency AGENCY NEW_NAME',
    async run(ctx, args) {
      const [agency, name] = args.positional;
      if (!agency || !name) throw usage(args, 'rename-agency AGENCY NEW_NAME');
      const g = await ctx.call('agencies.rename', { agency, name });
      return { json: g, text: () => say(args, 'renamed', { from: agency, name: g.name, aliases: list(g.aliases, args) }) };
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
            say(args, 'reextracted', { n: r.reports, changed: r.changed, conflicts: r.conflicts }),
            ...r.errors.map((e) => say(args, 'failedLine', { file: e.file, reason: reasonText(e.code ?? 'unknown', e.params, e.error, cliLang(args)) })),
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
            say(args, 'qualityThreshold', { pct: Math.round(s.copiedThreshold * 100), n: s.boilerplateAgencies }),
            say(args, 'qualityDeadlines', s.deadlines),
            ...(changed ? [say(args, 'recheckedAll')] : r.rechecked !== null ? [say(args, 'rechecked', { n: r.rechecked })] : []),
          ].join('\n'),
      };
    },
  },
  'set-agency-kind': {
    usage: 'set-agency-kind AGENCY department|government|township|auto',
    async run(ctx, args) {
      const [agency, kind] = args.positional;
      if (!agency || !kind || !['department', 'government', 'township', 'auto'].includes(kind))
        throw usage(args, 'set-agency-kind AGENCY department|government|township|auto');
      const r = await ctx.call('agencies.setKind', { agency, kind: kind === 'auto' ? null : (kind as 'department') });
      return {
        json: { agency, kind, rechecked: r.rechecked },
        text: () => say(args, 'kindSet', { agency, kind: say(args, KINDS[kind as keyof typeof KINDS]), n: r.rechecked }),
      };
    },
  },
  passages: {
    usage: 'passages ID FLAG_ID',
    readonly: true,
    async run(ctx, args) {
      const id = reportId(args);
      const flagId = args.positional[1];
      if (!flagId || !/^\d+$/.test(flagId)) throw usage(args, 'passages REPORT_ID FLAG_ID');
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
            say(args, 'passagesHead', { pct: p.percent ?? '?' }),
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
      if (!path) throw usage(args, 'backup OUT_FILE');
      const r = await ctx.call('archive.backup', { path });
      return { json: r, text: () => say(args, 'backupWritten', { path: r.path, bytes: r.bytes, files: r.files }) };
    },
  },
};

async function undoRedo(ctx: Ctx, args: Args, what: 'undo' | 'redo'): Promise<Output> {
  const id = reportId(args);
  const before = await ctx.call('reports.get', { id });
  if (!(what === 'undo' ? before.canUndo : before.canRedo))
    return { json: null, text: () => say(args, what === 'undo' ? 'nothingToUndo' : 'nothingToRedo', { id }), code: 1 };
  await ctx.call(what === 'undo' ? 'cells.undo' : 'cells.redo', { id });
  const e = (await ctx.call('cells.history', { id })).at(-1)!;
  return { json: e, text: () => say(args, what === 'undo' ? 'undone' : 'redone', { id, field: e.field, from: fmt(e.from), to: fmt(e.to) }) };
}

async function acceptFlag(ctx: Ctx, args: Args, accept: boolean): Promise<Output> {
  const id = reportId(args);
  const flagId = args.positional[1];
  if (!flagId || !/^\d+$/.test(flagId)) throw usage(args, `${accept ? 'accept' : 'unaccept'} REPORT_ID FLAG_ID${accept ? ' [--note TEXT]' : ''}`);
  const note = flagString(args, 'note');
  const r = accept
    ? await ctx.call('flags.accept', { id, flagId: Number(flagId), ...(note ? { note } : {}) })
    : await ctx.call('flags.unaccept', { id, flagId: Number(flagId) });
  return {
    json: { id, status: r.status, flags: r.flagCount },
    text: () => say(args, accept ? 'flagAcceptedNow' : 'flagOpenAgain', { id, status: status(r.status, cliLang(args)), flags: r.flagCount }),
  };
}

const HIST: Record<'set' | 'undo' | 'redo' | 'meta' | 'accept' | 'unaccept', CliKey> = {
  set: 'histSet',
  undo: 'histUndo',
  redo: 'histRedo',
  meta: 'histMeta',
  accept: 'histAccept',
  unaccept: 'histUnaccept',
};
const KINDS = { department: 'kindDepartment', government: 'kindGovernment', township: 'kindTownship', auto: 'kindAuto' } as const;

/**
 * An error in the command's language: a coded error (archive, contract, reader) is worded from its
 * code in Chinese (the English detail, more precise, in English); the CLI's own errors are already worded.
 */
export function errorLine(e: unknown, args: Args): string {
  const info = toErrorInfo(e);
  const lang = cliLang(args);
  if (info.code === 'internal') return info.message;
  if (lang === 'en') return info.message || errorText(info, 'en');
  return errorText(info, 'zh');
}

function progressBar(args: Args): ((p: { done: number; total: number; current: string | null; rate: number; etaSeconds: number | null }) => void) | undefined {
  if (args.flags.json || args.flags['no-progress'] || !process.stderr.isTTY) return undefined;
  return (p) => {
    const w = 30;
    const frac = p.total ? Math.min(1, p.done / p.total) : 0;
    const bar = '#'.repeat(Math.round(frac * w)).padEnd(w, '.');
    const eta = p.etaSeconds === null ? '' : ` ${cliLang(args) === 'zh' ? '剩余' : 'ETA'} ${formatDuration(p.etaSeconds, cliLang(args))}`;
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
            if (e.name === 'job.failed' && e.payload.jobId === jobId)
              throw e.payload.failure ? Object.assign(new Error(e.payload.error), e.payload.failure) : new Error(e.payload.error);
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
    console.error(say(args, 'unknownCommand', { name: String(args.command) }));
    return 2;
  }
  const path = flagString(args, 'archive') ?? process.env.NIANBAO_ARCHIVE ?? defaultArchivePath();
  let port: ArchivePort;
  try {
    // Only import creates an archive; read-only commands open it read-only.
    port = await openArchivePort(path, !!cmd.create, !!cmd.readonly);
  } catch (e) {
    const info = toErrorInfo(e);
    console.error(info.code === 'not_found' && cliLang(args) === 'zh' ? say(args, 'noArchive', { path }) : errorLine(e, args));
    return 2;
  }
  const s = await createServices({ openArchive: async () => port, archivePath: path, bridge: 'cli' });
  try {
    const o = await cmd.run(context(s, args), args);
    console.log(args.flags.json ? JSON.stringify(o.json, null, 2) : o.text());
    return o.code ?? 0;
  } catch (e) {
    const info = toErrorInfo(e);
    // --json: `error` stays the English detail as before; `code` (and `params`) say what it is.
    console.error(
      args.flags.json
        ? JSON.stringify({
            error: (e as Error).message,
            ...(info.code !== 'internal' ? { code: info.code, ...(info.params ? { params: info.params } : {}) } : {}),
          })
        : errorLine(e, args),
    );
    return 1;
  } finally {
    await s.close();
  }
}
