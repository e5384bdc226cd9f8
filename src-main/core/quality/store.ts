// Quality checks over the archive: learn each report's sentences (boilerplate
// is what many agencies print), keep MinHash signatures and LSH bands of its
// prose sections, and (re)compute its quality flags — for the reports an
// import, a re-extraction or a change touched, plus the reports whose
// findings they can change (the same agency's adjacent years, reports found
// copying them). Flags keep their id while a finding stays the same, and an
// acceptance (情况属实) matches by the flag's identity (archive/checks.ts
// flagKey), so it survives every re-check.
import { reportTemplate, SECTIONS, type TemplateId } from '../catalogue/index.js';
import { st, type DB } from '../archive/db.js';
import { flagKey, liveAccepts, type FlagIdentity } from '../archive/checks.js';
import { ArchiveError } from '../archive/types.js';
import {
  bandKeys,
  type CanonSentence,
  canonSentences,
  commonSpans,
  containment,
  minhash,
  MIN_SHINGLES,
  ownWords,
  sentenceHashes,
  shingles,
  similarity,
} from './copied.js';
import { checkReport, PROSE_FIELDS } from './index.js';
import { agencyKindOf } from './late.js';
import { prepareText, type PreparedText } from './text.js';
import { DEFAULT_SETTINGS, type AgencyKind, type Finding, type QualitySettings, type SettingsPatch } from './types.js';

const PROSE = SECTIONS.filter((s) => s.prose).map((s) => s.n);
/** Signatures this alike (estimated Jaccard) are compared exactly. */
const CANDIDATE = 0.45;
/** Exact comparisons per section at most (the most alike first), and LSH buckets this full are common text, not a copy. */
const MAX_EXACT = 12;
const MAX_BUCKET = 200;
/** Band rows one look-up statement reads at most (48 bands of a few rows each); more means a full bucket among them. */
const BAND_ROWS = 2000;
const SETTINGS_KEY = 'quality_settings';
/** Reports whose texts a run keeps in memory at most (about 50 KB each once prepared). */
const CACHE_REPORTS = 1000;
const CACHED = new WeakSet<DB>();

export function getQualitySettings(db: DB): QualitySettings {
  const row = st(db, 'SELECT value FROM meta WHERE key = ?').get(SETTINGS_KEY) as { value: string } | undefined;
  if (!row) return DEFAULT_SETTINGS;
  const v = JSON.parse(row.value) as Partial<QualitySettings>;
  return { ...DEFAULT_SETTINGS, ...v, deadlines: { ...DEFAULT_SETTINGS.deadlines, ...v.deadlines } };
}

export function setQualitySettings(db: DB, patch: SettingsPatch): QualitySettings {
  const cur = getQualitySettings(db);
  const next: QualitySettings = { ...cur, ...patch, deadlines: { ...cur.deadlines, ...patch.deadlines } };
  if (!(next.copiedThreshold > 0 && next.copiedThreshold <= 1))
    throw new ArchiveError('invalid', `copied-text threshold ${next.copiedThreshold} is not between 0 and 1 (0.8 = 80 %)`, {
      field: 'copiedThreshold',
      expect: 'share',
    });
  if (!Number.isInteger(next.boilerplateAgencies) || next.boilerplateAgencies < 2)
    throw new ArchiveError('invalid', 'boilerplate needs at least 2 agencies', { field: 'boilerplateAgencies', expect: 'int_min', min: 2 });
  for (const [k, d] of Object.entries(next.deadlines))
    if (!/^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/.test(d))
      throw new ArchiveError('invalid', `deadline for ${k} "${d}" is not MM-DD`, { field: k, expect: 'month_day' });
  st(db, 'INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(SETTINGS_KEY, JSON.stringify(next));
  return next;
}

interface Info {
  id: number;
  agency_id: number | null;
  agency: string | null;
  kind: AgencyKind | null;
  year: number | null;
  template: TemplateId | null;
  published_at: string | null;
  active: number;
  text: string | null;
}

/** One batch of work: prepared texts and boilerplate answers cached across its reports. */
class Run {
  readonly settings: QualitySettings;
  /** Sentences that became boilerplate in this run: copied_text findings made before may no longer hold. */
  grew = new Set<number>();
  private infos = new Map<number, Info | undefined>();
  private texts = new Map<number, PreparedText | null>();
  private boiler = new Map<number, boolean>();
  private own = new Map<string, Set<number>>();
  private sentenceCache = new Map<string, CanonSentence[]>();
  /**
   * Band rows of this run, written at its end in key order (flushBands): rows of one key share a page of the
   * large band index, and sorted writes touch each page once per run instead of once per row. Looked up
   * here meanwhile, so reports of one batch find each other.
   */
  private bands = new Map<number, { reportId: number; section: number }[]>();
  constructor(readonly db: DB) {
    this.settings = getQualitySettings(db);
    if (!CACHED.has(db)) {
      // The LSH band table of a national archive is ~70 MB: a larger page cache keeps its upper levels in memory.
      db.pragma('cache_size = -65536');
      CACHED.add(db);
    }
  }
  /** A report as the checks read it (learning and the checks both ask: read once per run, its text included). */
  info(id: number): Info | undefined {
    if (!this.infos.has(id))
      this.infos.set(
        id,
        st(
          this.db,
          `SELECT r.id, r.agency_id, a.name AS agency, a.kind, r.year, r.template, r.published_at, r.active, ft.text
       FROM reports r LEFT JOIN agencies a ON a.id = r.agency_id LEFT JOIN file_text ft ON ft.file_id = r.file_id WHERE r.id = ?`,
        ).get(id) as Info | undefined,
      );
    return this.infos.get(id);
  }
  /**
   * Texts and what is computed from them are remembered for the reports of one batch and their neighbours; a run over
   * the whole archive (a settings change re-checks every report) forgets them every CACHE_REPORTS reports instead of
   * holding every text of the archive in memory.
   */
  trim(): void {
    if (this.texts.size + this.infos.size < 2 * CACHE_REPORTS) return;
    this.infos.clear();
    this.texts.clear();
    this.own.clear();
    this.sentenceCache.clear();
  }
  prepared(id: number, text?: string | null): PreparedText | null {
    if (!this.texts.has(id)) {
      const t =
        text !== undefined
          ? text
          : ((st(this.db, 'SELECT ft.text FROM reports r JOIN file_text ft ON ft.file_id = r.file_id WHERE r.id = ?').get(id) as { text: string } | undefined)
              ?.text ?? null);
      this.texts.set(id, t ? prepareText(t) : null);
    }
    return this.texts.get(id)!;
  }
  /** A prose section's canonical sentences (learning, the stored row and the own words all read them). */
  canonOf(id: number, section: { n: number; text: string }): CanonSentence[] {
    const key = `${id}:${section.n}`;
    let list = this.sentenceCache.get(key);
    if (!list) this.sentenceCache.set(key, (list = canonSentences(section.text)));
    return list;
  }
  /** The hashes of a prose section's sentences. */
  sentences(id: number, section: { n: number; text: string }): number[] {
    return sentenceHashes(this.canonOf(id, section));
  }
  /** Answer isBoiler for many sentences with one statement (a report's prose: a dozen to a hundred sentences). */
  prefetchBoiler(hashes: Iterable<number>): void {
    const ask = [...new Set(hashes)].filter((h) => !this.boiler.has(h));
    if (!ask.length) return;
    for (const h of ask) this.boiler.set(h, false);
    for (const h of st(this.db, 'SELECT DISTINCT hash FROM quality_sentences WHERE hash IN (SELECT value FROM json_each(?)) AND n >= ?')
      .pluck()
      .all(JSON.stringify(ask), this.settings.boilerplateAgencies) as number[])
      this.boiler.set(h, true);
  }
  isBoiler = (h: number): boolean => {
    let b = this.boiler.get(h);
    if (b === undefined)
      this.boiler.set(h, (b = !!st(this.db, 'SELECT 1 FROM quality_sentences WHERE hash = ? AND n >= ? LIMIT 1').get(h, this.settings.boilerplateAgencies)));
    return b;
  };
  addBand(key: number, reportId: number, section: number): void {
    const list = this.bands.get(key);
    if (list) list.push({ reportId, section });
    else this.bands.set(key, [{ reportId, section }]);
  }
  dropBands(reportId: number): void {
    for (const [k, list] of this.bands) {
      const keep = list.filter((b) => b.reportId !== reportId);
      if (keep.length !== list.length) keep.length ? this.bands.set(k, keep) : this.bands.delete(k);
    }
  }
  pendingBand(key: number, section: number): number[] {
    return (this.bands.get(key) ?? []).filter((b) => b.section === section).map((b) => b.reportId);
  }
  flushBands(): void {
    if (!this.bands.size) return;
    // One row per statement: a multi-row INSERT needs a statement journal (a temp file written page by page), which cost more than it saved.
    const ins = st(this.db, 'INSERT OR IGNORE INTO quality_bands (band, report_id, section) VALUES (?, ?, ?)');
    for (const k of [...this.bands.keys()].sort((a, b) => a - b)) for (const b of this.bands.get(k)!) ins.run(k, b.reportId, b.section);
    this.bands.clear();
  }
  /**
   * The reports sharing an LSH band with a section, per section: one statement for all the report's bands (48 look-ups
   * as one), a bucket fuller than MAX_BUCKET left out (common text, not a copy).
   */
  bandHits(keys: { key: number; section: number }[]): Set<number> {
    const out = new Set<number>();
    const want = new Map(keys.map((k) => [k.key, k.section]));
    let rows = st(this.db, `SELECT band, report_id, section FROM quality_bands WHERE band IN (SELECT value FROM json_each(?)) LIMIT ${BAND_ROWS}`)
      .raw(true)
      .all(JSON.stringify([...want.keys()])) as [number, number, number][];
    if (rows.length >= BAND_ROWS) {
      // a full bucket among them: each band on its own, at most MAX_BUCKET + 1 rows
      const byBand = st(this.db, `SELECT band, report_id, section FROM quality_bands WHERE band = ? AND section = ? LIMIT ${MAX_BUCKET + 1}`).raw(true);
      rows = keys.flatMap((k) => byBand.all(k.key, k.section) as [number, number, number][]);
    }
    const hits = new Map<number, number[]>();
    for (const [band, reportId, section] of rows) {
      if (want.get(band) !== section) continue;
      const list = hits.get(band);
      if (list) list.push(reportId);
      else hits.set(band, [reportId]);
    }
    for (const { key, section } of keys) {
      const list = [...(hits.get(key) ?? []), ...this.pendingBand(key, section)];
      if (list.length <= MAX_BUCKET) for (const r of list) out.add(r);
    }
    return out;
  }
  /** A prose section's own words as shingles (with today's boilerplate). */
  ownShingles(id: number, section: number): Set<number> {
    const key = `${id}:${section}`;
    let s = this.own.get(key);
    if (!s) {
      const p = this.prepared(id);
      const sec = p?.sections.find((x) => x.n === section);
      if (p && sec) this.prefetchBoiler(p.sections.filter((x) => PROSE.includes(x.n)).flatMap((x) => this.sentences(id, x)));
      this.own.set(key, (s = sec ? shingles(ownWords(this.canonOf(id, sec), this.isBoiler)) : new Set()));
    }
    return s;
  }
}

/** Count a report's sentences towards boilerplate (once per report; once per agency-year). */
function learn(run: Run, info: Info): void {
  const { db } = run;
  if (st(db, 'SELECT 1 FROM quality_learned WHERE report_id = ?').get(info.id)) return;
  const already =
    info.agency_id !== null && !!st(db, 'SELECT 1 FROM quality_learned WHERE agency_id = ? AND year IS ? AND counted = 1').get(info.agency_id, info.year);
  const counted = info.year !== null && !already;
  const p = run.prepared(info.id, info.text);
  if (counted && p) {
    const hashes = new Set<number>();
    for (const s of p.sections) if (PROSE.includes(s.n)) for (const h of run.sentences(info.id, s)) hashes.add(h);
    const up = st(db, 'INSERT INTO quality_sentences (hash, year, n) VALUES (?, ?, 1) ON CONFLICT(hash, year) DO UPDATE SET n = n + 1 RETURNING n');
    for (const h of hashes) if ((up.get(h, info.year) as { n: number }).n === run.settings.boilerplateAgencies) run.grew.add(h);
  }
  st(db, 'INSERT INTO quality_learned (report_id, agency_id, year, counted) VALUES (?, ?, ?, ?)').run(info.id, info.agency_id, info.year, counted && p ? 1 : 0);
}

interface Other {
  id: number;
  agency_id: number | null;
  agency: string | null;
  year: number | null;
}

/** copied_text findings of a report; also returns the reports whose own findings may change because of it. */
function copied(run: Run, info: Info, p: PreparedText): { findings: Finding[]; affected: number[] } {
  const { db, settings } = run;
  const mine = new Map<number, { set: Set<number>; sig: Uint32Array }>();
  for (const s of p.sections) {
    if (!PROSE.includes(s.n)) continue;
    const set = run.ownShingles(info.id, s.n);
    if (set.size < MIN_SHINGLES) continue;
    mine.set(s.n, { set, sig: minhash(set) });
  }
  // Stored signatures and bands are rewritten only when they changed (a neighbour's re-check usually changes nothing):
  // band rows are scattered over a large index, each write touches a page of its own.
  const stored = new Map(
    (st(db, 'SELECT section, sig FROM quality_sections WHERE report_id = ?').all(info.id) as { section: number; sig: Buffer }[]).map((r) => [r.section, r.sig]),
  );
  const same = stored.size === mine.size && [...mine].every(([n, m]) => stored.get(n)?.equals(Buffer.from(m.sig.buffer)));
  if (!same) {
    // The band rows written for the stored signatures, found by their keys (the band table has no index by report).
    const del = st(db, 'DELETE FROM quality_bands WHERE band = ? AND report_id = ? AND section = ?');
    for (const [n, sig] of stored) for (const k of bandKeys(sigOf(sig), n)) del.run(k, info.id, n);
    st(db, 'DELETE FROM quality_sections WHERE report_id = ?').run(info.id);
    run.dropBands(info.id);
  }
  for (const s of p.sections) {
    const m = mine.get(s.n);
    if (!m || same) continue;
    const { set, sig } = m;
    st(db, 'INSERT INTO quality_sections (report_id, section, shingles, sig, sentences) VALUES (?, ?, ?, ?, ?)').run(
      info.id,
      s.n,
      set.size,
      Buffer.from(sig.buffer),
      Buffer.from(Int32Array.from(run.sentences(info.id, s)).buffer),
    );
    for (const k of bandKeys(sig, s.n)) run.addBand(k, info.id, s.n);
  }
  if (mine.size === 0 || info.year === null || !info.active) return { findings: [], affected: [] };
  // Candidates: reports sharing a band (any agency), and every other year of the same agency.
  // Candidates: every other year of the same agency (with their signatures, one statement), and reports sharing a band (any agency).
  const pairs: { o: Other; section: number; est: number }[] = [];
  const seen = new Set<number>([info.id]);
  const consider = (o: Other, section: number, sig: Buffer) => {
    const m = mine.get(section);
    if (!m) return;
    const est = similarity(m.sig, sigOf(sig));
    if (est >= CANDIDATE) pairs.push({ o, section, est });
  };
  if (info.agency_id !== null) {
    const rows = st(
      db,
      `SELECT r.id, r.year, s.section, s.sig FROM reports r INDEXED BY reports_agency_year JOIN quality_sections s ON s.report_id = r.id
       WHERE r.agency_id = ? AND r.active = 1 AND r.year IS NOT ?`,
    ).all(info.agency_id, info.year) as { id: number; year: number | null; section: number; sig: Buffer }[];
    for (const r of rows) {
      seen.add(r.id);
      if (r.year !== null) consider({ id: r.id, agency_id: info.agency_id, agency: info.agency, year: r.year }, r.section, r.sig);
    }
  }
  const keys = [...mine].flatMap(([n, m]) => bandKeys(m.sig, n).map((key) => ({ key, section: n })));
  const otherOf = st(
    db,
    'SELECT r.id, r.agency_id, a.name AS agency, r.year FROM reports r LEFT JOIN agencies a ON a.id = r.agency_id WHERE r.id = ? AND r.active = 1',
  );
  const sigsOf = st(db, 'SELECT section, sig FROM quality_sections WHERE report_id = ?');
  for (const id of run.bandHits(keys)) {
    if (seen.has(id)) continue;
    seen.add(id);
    const o = otherOf.get(id) as Other | undefined;
    if (!o || o.year === null) continue;
    const sameAgency = o.agency_id !== null && o.agency_id === info.agency_id;
    if (sameAgency && o.year === info.year) continue; // versions of one report
    for (const row of sigsOf.all(id) as { section: number; sig: Buffer }[]) consider(o, row.section, row.sig);
  }
  const best = new Map<number, { pct: number; o: Other }>();
  const affected: number[] = [];
  // Signatures first (cheap): the most alike pairs of each section go on to the exact comparison.
  pairs.sort((x, y) => y.est - x.est);
  const tried = new Map<number, number>();
  for (const { o, section } of pairs) {
    const n = tried.get(section) ?? 0;
    if (n >= MAX_EXACT) continue;
    tried.set(section, n + 1);
    const id = o.id;
    const sameAgency = o.agency_id !== null && o.agency_id === info.agency_id;
    const year = o.year!;
    const m = mine.get(section)!;
    {
      const row = { section };
      const theirs = run.ownShingles(id, row.section);
      const pct = Math.round(containment(m.set, theirs) * 100);
      if (pct < settings.copiedThreshold * 100) {
        if (containment(theirs, m.set) >= settings.copiedThreshold) affected.push(id);
        continue;
      }
      // The later report copied the earlier; in the same year, each is flagged (who copied whom is not known).
      if (year < info.year || (year === info.year && !sameAgency)) {
        const b = best.get(row.section);
        if (!b || pct > b.pct || (pct === b.pct && year > (b.o.year ?? 0))) best.set(row.section, { pct, o });
      }
      if (year >= info.year) affected.push(id);
    }
  }
  const findings: Finding[] = [];
  for (const [n, { pct, o }] of [...best].sort((a, b) => a[0] - b[0])) {
    const sec = SECTIONS.find((s) => s.n === n)!;
    findings.push({
      kind: 'copied_text',
      fields: [sec.id],
      message: `section ${sec.numeral} repeats the ${o.agency_id === info.agency_id ? "agency's own" : `${o.agency ?? '?'}`} report on ${o.year} (report ${o.id})`,
      expected: o.id,
      detail: { section: n, percent: pct, otherId: o.id, otherAgency: o.agency, otherYear: o.year, sameAgency: o.agency_id === info.agency_id ? 1 : 0 },
    });
  }
  return { findings, affected };
}

/** A stored signature (BLOB) as the Uint32Array it was written from. */
function sigOf(b: Buffer): Uint32Array {
  return new Uint32Array(b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength));
}

type Stored = FlagIdentity & { id: number };

/** Replace a report's quality flags by `findings`, keeping the id of each flag that stays the same; acceptances applied. */
function save(db: DB, reportId: number, findings: Finding[]): void {
  const old = new Map<string, number[]>();
  for (const f of st(db, "SELECT id, source, kind, rule, fields, expected, found, message FROM flags WHERE report_id = ? AND source = 'quality'").all(
    reportId,
  ) as Stored[]) {
    const k = flagKey(f);
    old.set(k, [...(old.get(k) ?? []), f.id]);
  }
  const live = liveAccepts(db, reportId);
  const ins = st(
    db,
    "INSERT INTO flags (report_id, source, kind, fields, message, expected, found, resolved, detail) VALUES (?, 'quality', ?, ?, ?, ?, ?, ?, ?)",
  );
  const upd = st(db, 'UPDATE flags SET detail = ?, resolved = ? WHERE id = ?');
  for (const f of findings) {
    const row = {
      source: 'quality',
      kind: f.kind,
      rule: null,
      fields: JSON.stringify(f.fields),
      expected: f.expected ?? null,
      found: f.found ?? null,
      message: f.message,
    };
    const k = flagKey(row);
    const resolved = live.has(k) ? 1 : 0;
    const id = old.get(k)?.shift();
    if (id !== undefined) upd.run(JSON.stringify(f.detail), resolved, id);
    else ins.run(reportId, f.kind, row.fields, f.message, row.expected, row.found, resolved, JSON.stringify(f.detail));
  }
  const del = st(db, 'DELETE FROM flags WHERE id = ?');
  for (const ids of old.values()) for (const id of ids) del.run(id);
  countOpen(db, reportId);
}

export function countOpen(db: DB, reportId: number): void {
  st(db, "UPDATE reports SET quality_open = (SELECT COUNT(*) FROM flags WHERE report_id = ? AND source = 'quality' AND resolved = 0) WHERE id = ?").run(
    reportId,
    reportId,
  );
}

/** The values the checks read (the prose's table figures): a handful of cells, not the report's two hundred. */
function proseValues(db: DB, id: number): Record<string, number | null> {
  const out: Record<string, number | null> = {};
  const rows = st(db, `SELECT field_id, value FROM cells WHERE report_id = ? AND field_id IN (${PROSE_FIELDS.map(() => '?').join(', ')})`)
    .raw(true)
    .all(id, ...PROSE_FIELDS) as [string, number | null][];
  for (const [f, v] of rows) out[f] = v;
  return out;
}

function compute(run: Run, id: number): number[] {
  const info = run.info(id);
  if (!info) return [];
  const p = run.prepared(id, info.text);
  if (!p) {
    save(run.db, id, []);
    return [];
  }
  const findings = checkReport(
    p,
    {
      year: info.year,
      template: reportTemplate(info.template, info.year),
      publishedAt: info.published_at,
      agencyKind: info.kind ?? agencyKindOf(info.agency),
      values: proseValues(run.db, id),
    },
    run.settings,
  );
  const c = copied(run, info, p);
  save(run.db, id, [...findings, ...c.findings]);
  const affected = [...c.affected];
  // The agency's next year: its copied_text finding may rest on this report. (The year before never depends on a later
  // report — a copy is found in the later one — so it is not checked again; a report that moves or leaves passes its
  // old neighbours itself: archive/derived.ts.)
  if (info.agency_id !== null && info.year !== null)
    for (const r of st(run.db, 'SELECT id FROM reports INDEXED BY reports_agency_year WHERE agency_id = ? AND year = ? AND active = 1').all(
      info.agency_id,
      info.year + 1,
    ) as { id: number }[])
      affected.push(r.id);
  return affected;
}

/**
 * (Re)compute the quality flags of `ids` (in the caller's transaction), then
 * of the reports whose findings they can change. Returns the reports computed.
 */
export function refreshQuality(db: DB, ids: Iterable<number>): number {
  const run = new Run(db);
  const list = [...new Set(ids)];
  for (const id of list) {
    const info = run.info(id);
    if (info) learn(run, info);
    run.trim();
  }
  const done = new Set<number>();
  const next = new Set<number>();
  for (const id of list) {
    done.add(id);
    for (const a of compute(run, id)) next.add(a);
    run.trim();
  }
  if (run.grew.size > 0)
    // Copied findings resting on a sentence that is boilerplate now are checked again.
    for (const r of st(
      db,
      // driven from the copied_text flags (few), never a scan of every report's sections
      "SELECT s.report_id, s.sentences FROM flags f INDEXED BY flags_quality_kind CROSS JOIN quality_sections s ON s.report_id = f.report_id WHERE f.source = 'quality' AND f.kind = 'copied_text'",
    ).all() as { report_id: number; sentences: Buffer }[]) {
      const hs = new Int32Array(r.sentences.buffer.slice(r.sentences.byteOffset, r.sentences.byteOffset + r.sentences.byteLength));
      if (hs.some((h) => run.grew.has(h))) next.add(r.report_id);
    }
  for (const id of next) if (!done.has(id)) done.add(id), compute(run, id), run.trim();
  run.flushBands();
  return done.size;
}

/** The agency kind (deadline) set by a person, or null to go back to the kind read from the name. Re-checks its reports. */
export function setAgencyKind(db: DB, agencyId: number, kind: AgencyKind | null): number {
  if (kind !== null && !['department', 'government', 'township'].includes(kind))
    throw new ArchiveError('invalid', `unknown agency kind "${kind}" (department, government or township)`, {
      field: 'kind',
      expect: 'one_of',
      values: 'department,government,township',
    });
  st(db, 'UPDATE agencies SET kind = ? WHERE id = ?').run(kind, agencyId);
  const ids = (st(db, 'SELECT id FROM reports WHERE agency_id = ?').all(agencyId) as { id: number }[]).map((r) => r.id);
  return refreshQuality(db, ids);
}

export interface Passage {
  reportId: number;
  agency: string | null;
  year: number | null;
  section: number;
  text: string;
  /** [start, end) spans of `text` the other passage shares. */
  common: [number, number][];
}

/** The two passages of a copied_text flag side by side, common parts marked. */
export function copiedPassages(db: DB, reportId: number, flagId: number): { percent: number | null; a: Passage; b: Passage } {
  const f = st(db, "SELECT kind, detail FROM flags WHERE id = ? AND report_id = ? AND source = 'quality'").get(flagId, reportId) as
    | { kind: string; detail: string | null }
    | undefined;
  if (!f || f.kind !== 'copied_text' || !f.detail)
    throw new ArchiveError('not_found', `report ${reportId} has no copied-text flag ${flagId}`, { problem: 'no_copied_flag', id: reportId, flag: flagId });
  const d = JSON.parse(f.detail) as { section: number; percent: number; otherId: number };
  const run = new Run(db);
  const side = (id: number) => {
    const info = run.info(id);
    if (!info) throw new ArchiveError('not_found', `no report ${id}`, { problem: 'no_report', id });
    const sec = run.prepared(id, info.text)?.sections.find((s) => s.n === d.section);
    return { reportId: id, agency: info.agency, year: info.year, section: d.section, text: sec?.text.trim() ?? '' };
  };
  const a = side(reportId);
  const b = side(d.otherId);
  const spans = commonSpans(a.text, b.text);
  return { percent: d.percent ?? null, a: { ...a, common: spans.a }, b: { ...b, common: spans.b } };
}
