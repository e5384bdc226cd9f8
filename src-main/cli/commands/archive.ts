// Archive commands: import, list, show, correct, undo, redo, history, accept,
// unaccept, verify, set-meta, search, agencies, merge-agencies, set-region,
// rename-agency, reextract, backup. All take --archive PATH (default: the
// per-user data folder) and --json.
import { homedir } from 'node:os';
import { join } from 'node:path';
import { fieldLabel } from '../../core/catalogue/index.js';
import { describeFlag } from '../../core/validate/describe.js';
import { flagCategory } from '../../core/wording/quality.js';
import { openArchive, type Archive, type ImportProgress, type ReportStatus } from '../../core/archive/index.js';
import { flagNumber, flagString, type Args } from '../args.js';

/** %APPDATA%\nianbao-archive (Windows), ~/Library/Application Support/nianbao-archive (macOS), $XDG_DATA_HOME or ~/.local/share/nianbao-archive. */
export function defaultArchivePath(): string {
  const home = homedir();
  const base =
    process.platform === 'win32'
      ? process.env.APPDATA ?? join(home, 'AppData', 'Roaming')
      : process.platform === 'darwin'
        ? join(home, 'Library', 'Application Support')
        : process.env.XDG_DATA_HOME || join(home, '.local', 'share');
  return join(base, 'nianbao-archive', 'archive.sqlite');
}

const out = (args: Args, json: unknown, text: () => string) => {
  console.log(args.flags.json ? JSON.stringify(json, null, 2) : text());
};

function reportId(args: Args, i = 0): number {
  const v = args.positional[i];
  if (!v || !/^\d+$/.test(v)) throw new Error(`expected a report id, got ${v === undefined ? 'nothing' : `"${v}"`}`);
  return Number(v);
}

/** A cell value typed by a person: a number, or blank/null/- for "not stated". */
function parseValue(v: string | undefined): number | null {
  if (v === undefined) throw new Error('expected a value (a number, or "null" for blank)');
  const t = v.trim().replace(/[，,]/g, '');
  if (['', 'null', 'blank', '-', '/', '无'].includes(t)) return null;
  const n = Number(t.replace(/^＋|^\+/, ''));
  if (!Number.isFinite(n)) throw new Error(`"${v}" is not a number`);
  return n;
}

function progressBar(args: Args): ((p: ImportProgress) => void) | undefined {
  if (args.flags.json || args.flags['no-progress'] || !process.stderr.isTTY) return undefined;
  return (p) => {
    const w = 30;
    const frac = p.total ? Math.min(1, p.done / p.total) : 0;
    const bar = '#'.repeat(Math.round(frac * w)).padEnd(w, '.');
    const eta = p.etaSeconds === null ? '' : ` ETA ${p.etaSeconds}s`;
    const name = p.current ? ` ${p.current.split(/[\\/]/).pop()}` : '';
    process.stderr.write(`\r[${bar}] ${p.done}/${p.total} ${p.rate}/s${eta}${name}`.slice(0, (process.stderr.columns ?? 100) - 1).padEnd((process.stderr.columns ?? 100) - 1));
    if (p.current === null) process.stderr.write('\n');
  };
}

const fmt = (v: unknown) => (v === null || v === undefined ? '—' : String(v));

async function dispatch(a: Archive, args: Args): Promise<number> {
  const cmd = args.command!;
  switch (cmd) {
    case 'import': {
      const folder = args.positional[0];
      if (!folder) throw new Error('usage: import FOLDER');
      const ac = new AbortController();
      const onSig = () => ac.abort();
      process.once('SIGINT', onSig);
      try {
        const r = await a.importFolder(folder, { signal: ac.signal, onProgress: progressBar(args) });
        const json = { run: r.run, status: r.status, imported: r.imported, duplicates: r.duplicates, skipped: r.skipped, failed: r.failed, reports: r.reports };
        out(args, json, () =>
          [
            `run ${r.run} ${r.status}: ${r.imported} imported (${r.versions} new versions, ${r.flagged} flagged), ${r.duplicates} already archived, ${r.skipped} skipped, ${r.failed.length} failed`,
            ...r.failed.map((f) => `  failed: ${f.file}: ${f.error}`),
          ].join('\n'),
        );
        return r.status === 'completed' ? 0 : 3;
      } finally {
        process.off('SIGINT', onSig);
      }
    }
    case 'list': {
      const status = flagString(args, 'status') as ReportStatus | undefined;
      if (status && !['unreviewed', 'flagged', 'verified'].includes(status)) throw new Error('--status is unreviewed, flagged or verified');
      const page = a.listReports({
        year: flagNumber(args, 'year'),
        agency: flagString(args, 'agency'),
        status,
        flaggedOnly: !!args.flags.flagged,
        ...(flagString(args, 'quality') ? { quality: flagString(args, 'quality') } : {}),
        allVersions: !!args.flags.all,
        sort: 'agency',
        limit: flagNumber(args, 'limit') ?? 10_000,
      });
      const rows = page.items.map((r) => ({ id: r.id, agency: r.agency, year: r.year, template: r.template, status: r.status, flags: r.flagCount, quality: r.qualityCount, file: r.file }));
      out(args, rows, () =>
        rows.length ? rows.map((r) => `${String(r.id).padStart(5)}  ${fmt(r.year)}  ${r.status.padEnd(10)} ${String(r.flags).padStart(2)} flags ${String(r.quality).padStart(2)} quality  ${fmt(r.agency)}  (${r.file})`).join('\n') : 'no reports',
      );
      return 0;
    }
    case 'show': {
      const r = a.getReport(reportId(args));
      out(args, r, () => {
        const corrected = new Set(r.corrected);
        const lines = [
          `#${r.id} ${fmt(r.agency)} ${fmt(r.year)} (template ${fmt(r.template)}) — ${r.status}${r.active ? '' : ' — older version'}`,
          `region: ${fmt(r.region)}   file: ${r.source.name}   archived copy: ${r.source.storedPath}`,
          ...(r.versions.length > 1 ? [`versions: ${r.versions.map((v) => `#${v.id}${v.active ? '*' : ''}`).join(' ')}`] : []),
          ...(r.error ? [`error: ${r.error}`] : []),
          '',
          ...Object.entries(r.values).map(
            ([f, v]) => `  ${f.padEnd(44)} ${fmt(v).padStart(12)}${corrected.has(f) ? `  corrected (was ${fmt(r.original[f])})` : ''}  ${fieldLabel(f)}`,
          ),
          '',
          // The id is what `accept` takes; it changes after every change to the report.
          ...(r.flags.length
            ? r.flags.map(
                (f) =>
                  `  #${f.id} ${f.accepted ? 'accepted' : f.resolved ? 'resolved' : 'FLAG'}${f.source === 'quality' ? ` ${flagCategory(f)}` : ''} [${f.kind}${f.rule ? ` ${f.rule}` : ''}] ${f.source === 'quality' ? describeFlag(f) : f.message}` +
                  (f.accepted
                    ? `\n      ${f.source === 'quality' ? '情况属实 (confirmed as it is)' : '原文如此 (as in the original)'}, ${f.accepted.at}${f.accepted.note ? `: ${f.accepted.note}` : ''}`
                    : ''),
              )
            : ['  no flags']),
        ];
        return lines.join('\n');
      });
      return 0;
    }
    case 'correct': {
      const id = reportId(args);
      const field = args.positional[1];
      if (!field) throw new Error('usage: correct REPORT_ID FIELD VALUE [--note TEXT]');
      const r = a.correct(id, field, parseValue(args.positional[2]), flagString(args, 'note') ?? null);
      out(args, { id, field, value: r.values[field] ?? null, status: r.status, flags: r.flagCount }, () => `#${id} ${field} = ${fmt(r.values[field])} (${r.status}, ${r.flagCount} open flags)`);
      return 0;
    }
    case 'undo':
    case 'redo': {
      const id = reportId(args);
      const e = cmd === 'undo' ? a.undo(id) : a.redo(id);
      out(args, e, () => (e ? `#${id} ${cmd}: ${e.field} ${fmt(e.from)} → ${fmt(e.to)}` : `#${id}: nothing to ${cmd}`));
      return e ? 0 : 1;
    }
    case 'history': {
      const h = a.history(reportId(args), args.positional[1]);
      out(args, h, () =>
        h.length
          ? h
              .map((e) =>
                e.flag
                  ? `${e.at}  ${e.kind} ${e.field}: ${e.flag.message}${e.note ? `  — ${e.note}` : ''}`
                  : `${e.at}  ${e.kind.padEnd(4)} ${e.field}: ${fmt(e.from)} → ${fmt(e.to)}${e.undone ? ' (undone)' : ''}${e.note ? `  — ${e.note}` : ''}`,
              )
              .join('\n')
          : 'no corrections',
      );
      return 0;
    }
    case 'accept':
    case 'unaccept': {
      const id = reportId(args);
      const flagId = args.positional[1];
      if (!flagId || !/^\d+$/.test(flagId)) throw new Error(`usage: ${cmd} REPORT_ID FLAG_ID${cmd === 'accept' ? ' [--note TEXT]' : ''} (flag ids: show REPORT_ID)`);
      const r = cmd === 'accept' ? a.acceptFlag(id, Number(flagId), flagString(args, 'note') ?? null) : a.unacceptFlag(id, Number(flagId));
      out(args, { id, status: r.status, flags: r.flagCount }, () => `#${id} flag ${cmd === 'accept' ? 'accepted as in the original' : 'open again'} (${r.status}, ${r.flagCount} open flags)`);
      return 0;
    }
    case 'verify': {
      const r = a.verify(reportId(args), true, flagString(args, 'note') ?? null);
      out(args, { id: r.id, status: r.status }, () => `#${r.id} ${r.status}${r.flagCount ? ` (with ${r.flagCount} open flags)` : ''}`);
      return 0;
    }
    case 'set-meta': {
      const id = reportId(args);
      const template = flagString(args, 'template');
      if (template && template !== '2019' && template !== '2021') throw new Error('--template is 2019 or 2021');
      const r = a.setMeta(id, {
        ...(flagString(args, 'agency') ? { agency: flagString(args, 'agency') } : {}),
        ...(flagNumber(args, 'year') !== undefined ? { year: flagNumber(args, 'year') } : {}),
        ...(template ? { template: template as '2019' | '2021' } : {}),
        ...(args.flags['published-at'] !== undefined ? { publishedAt: flagString(args, 'published-at') ?? '' } : {}),
      });
      out(args, { id, agency: r.agency, year: r.year, template: r.template, status: r.status }, () => `#${id} ${fmt(r.agency)} ${fmt(r.year)} template ${fmt(r.template)} (${r.status})`);
      return 0;
    }
    case 'search': {
      const text = args.positional.join(' ');
      if (!text.trim()) throw new Error('usage: search TEXT');
      const hits = a.search(text, flagNumber(args, 'limit') ?? 50);
      out(args, hits, () => (hits.length ? hits.map((h) => `${String(h.id).padStart(5)}  ${fmt(h.agency)} ${fmt(h.year)}  ${h.snippet}`).join('\n') : 'no matches'));
      return 0;
    }
    case 'agencies': {
      const list = a.agencies();
      out(args, list, () => list.map((g) => `${g.name}  [${fmt(g.region)}]  ${g.reports} reports ${g.years.join(',')}${g.aliases.length ? `  aka ${g.aliases.join(', ')}` : ''}`).join('\n') || 'no agencies');
      return 0;
    }
    case 'merge-agencies': {
      const [from, into] = args.positional;
      if (!from || !into) throw new Error('usage: merge-agencies FROM INTO (FROM is merged into INTO and kept as its alias)');
      const m = a.mergeAgencies(from, into);
      out(args, m, () => [`merged "${m.from}" into "${m.into}": ${m.moved} reports moved`, ...m.landed.map((l) => `  #${l.reportId} ${l.year}: ${l.outcome} — ${l.reason}`)].join('\n'));
      return 0;
    }
    case 'set-region': {
      const name = args.positional[0];
      const region = {
        ...(args.flags.province !== undefined ? { province: flagString(args, 'province') || null } : {}),
        ...(args.flags.city !== undefined ? { city: flagString(args, 'city') || null } : {}),
        ...(args.flags.county !== undefined ? { county: flagString(args, 'county') || null } : {}),
      };
      if (!name || Object.keys(region).length === 0)
        throw new Error('usage: set-region AGENCY [--province P] [--city C] [--county X] (an empty value clears that level)');
      a.setAgencyRegion(name, region);
      const g = a.agencies().find((x) => x.name === name || x.aliases.includes(name) || String(x.id) === name)!;
      out(args, g, () => `${g.name}  [${fmt(g.region)}] (set by hand)`);
      return 0;
    }
    case 'rename-agency': {
      const [from, to] = args.positional;
      if (!from || !to) throw new Error('usage: rename-agency AGENCY NEW_NAME (the old name stays as an alias)');
      a.renameAgency(from, to);
      const g = a.agencies().find((x) => x.name === to.trim())!;
      out(args, g, () => `renamed "${from}" to "${g.name}"; aliases: ${g.aliases.join(', ') || '—'}`);
      return 0;
    }
    case 'reextract': {
      const r = await a.reextract({ all: !!args.flags.all, onProgress: progressBar(args) });
      out(args, r, () => [`${r.reports} reports re-extracted, ${r.changed} changed, ${r.conflicts} corrections to look at`, ...r.errors.map((e) => `  failed: ${e.file}: ${e.error}`)].join('\n'));
      return r.errors.length ? 3 : 0;
    }
    case 'quality': {
      const t = flagNumber(args, 'threshold');
      const deadlines: Partial<Record<'department' | 'government' | 'township', string>> = Object.fromEntries(
        (['department', 'government', 'township'] as const).filter((k) => flagString(args, `deadline-${k}`)).map((k) => [k, flagString(args, `deadline-${k}`)!]),
      );
      const changed = t !== undefined || Object.keys(deadlines).length > 0;
      const s = changed ? a.setQualitySettings({ ...(t !== undefined ? { copiedThreshold: t } : {}), ...(Object.keys(deadlines).length ? { deadlines } : {}) }) : a.qualitySettings();
      const n = !changed && args.flags.recheck ? a.recheckQuality() : null;
      out(args, { settings: s, rechecked: n }, () =>
        [
          `copied text at ≥ ${Math.round(s.copiedThreshold * 100)} %; boilerplate: sentences in ≥ ${s.boilerplateAgencies} agencies' reports of a year`,
          `deadlines (the year after): department ${s.deadlines.department}, government ${s.deadlines.government}, township ${s.deadlines.township}`,
          ...(changed ? ['every report re-checked'] : n !== null ? [`${n} reports re-checked`] : []),
        ].join('\n'),
      );
      return 0;
    }
    case 'set-agency-kind': {
      const [name, kind] = args.positional;
      if (!name || !kind || !['department', 'government', 'township', 'auto'].includes(kind)) throw new Error('usage: set-agency-kind AGENCY department|government|township|auto');
      const n = a.setAgencyKind(name, kind === 'auto' ? null : (kind as 'department'));
      out(args, { agency: name, kind, rechecked: n }, () => `${name}: ${kind === 'auto' ? 'kind read from the name again' : kind}; ${n} reports re-checked`);
      return 0;
    }
    case 'passages': {
      const id = reportId(args);
      const flagId = args.positional[1];
      if (!flagId || !/^\d+$/.test(flagId)) throw new Error('usage: passages REPORT_ID FLAG_ID (a copied_text flag)');
      const p = a.copiedPassages(id, Number(flagId));
      const mark = (s: { text: string; common: [number, number][] }) => {
        let o = '';
        let at = 0;
        for (const [x, y] of s.common) (o += `${s.text.slice(at, x)}【${s.text.slice(x, y)}】`), (at = y);
        return o + s.text.slice(at);
      };
      out(args, p, () => [`${p.percent ?? '?'} % the same; common parts in 【】`, `#${p.a.reportId} ${fmt(p.a.agency)} ${fmt(p.a.year)}:`, mark(p.a), '', `#${p.b.reportId} ${fmt(p.b.agency)} ${fmt(p.b.year)}:`, mark(p.b)].join('\n'));
      return 0;
    }
    case 'backup': {
      const file = args.positional[0];
      if (!file) throw new Error('usage: backup OUT_FILE');
      const r = await a.backup(file);
      out(args, r, () => `backup written: ${r.path} (${r.bytes} bytes) and ${r.files} originals in ${r.path}.files`);
      return 0;
    }
    default:
      throw new Error(`unknown archive command ${cmd}`);
  }
}

export async function run(args: Args): Promise<number> {
  const path = flagString(args, 'archive') ?? process.env.NIANBAO_ARCHIVE ?? defaultArchivePath();
  let a: Archive;
  try {
    // Only import creates an archive; the other commands expect one.
    a = await openArchive(path, { create: args.command === 'import' });
  } catch (e) {
    console.error((e as Error).message);
    return 2;
  }
  try {
    return await dispatch(a, args);
  } catch (e) {
    console.error(args.flags.json ? JSON.stringify({ error: (e as Error).message }) : (e as Error).message);
    return 1;
  } finally {
    a.close();
  }
}
