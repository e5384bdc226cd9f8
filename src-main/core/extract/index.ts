// Extraction: ReportDocument → Extraction (agency, year, template, every
// field of the template as number|null, flags, and each cell's source).
// Nothing here knows file formats; it reads the document's text through the
// normaliser, whose offset map gives every value its span in the original.

import {
  coversField,
  FALLBACK_TEMPLATE,
  flagCoversField,
  rowSum,
  rowsOfTable,
  SECTIONS,
  tableDef,
  TEMPLATES,
  templateForYear,
  valueProblem,
  VALUE_PROBLEM_WORDS,
  type FieldDef,
  type RowDef,
  type TableId,
  type TemplateId,
} from '../catalogue/index.js';
import { ReadError, type CellSource, type Extraction, type Flag, type ReportDocument } from '../model.js';
import { compact, normalize, origSpan, squeeze, type Normalized } from '../normalize/index.js';
import { readDocument, readPath, type ReadOptions } from '../read/index.js';
import { validate } from '../validate/index.js';
import { findMeta, templateByLabels } from './meta.js';
import { canonicalAgency } from './agency.js';
import { readGlued } from './glued.js';
import { readGrids } from './grid.js';
import { readAppeals } from './appeals.js';
import { rowOf } from './labels.js';
import { markOcr } from './ocr.js';
import { readRows, type RowCheck, type RowRead } from './rows.js';
import { hasWideSpaces, tokenize } from './tokens.js';
import { round } from './values.js';

/** Bump whenever the output for the same input changes. */
export const EXTRACTOR_VERSION = '1.18.4';

interface Zones {
  main: [number, number];
  appeals: [number, number] | null;
}

/** A heading key without its closing 情况 (a heading may read 情况统计, or lose the word). */
const CLOSING = '情况';
const stems = (t: TableId) => tableDef(t).headingKeys.map((k) => (k.endsWith(CLOSING) ? k.slice(0, -CLOSING.length) : k));
const ACTIVE_STEMS = stems('active');
const REQUEST_STEMS = stems('requests');
const APPEALS_DEF = tableDef('review');
/** The section number of a table, as a numeral or a digit (二 / 2). */
const numbered = (t: TableId) => {
  const s = SECTIONS.find((x) => x.numeral === tableDef(t).numeral)!;
  return new RegExp(`^[${s.numeral}${s.n}]`);
};
const ACTIVE_NUMBERED = numbered('active');
const APPEALS_NUMBERED = new RegExp(`^${APPEALS_DEF.numeral}[、.．]`);
/** Table 四's first group (行政复议): a line opening with it is the table's header. */
const RECONSIDERATION = rowsOfTable('2021', 'review').find((r) => !r.group)!.keys[0]!;

/** Section 五's heading (存在的主要问题…), where the tables end. */
const SECTION_FIVE = /^(?:五[、.．]?)?存在的?主要问题/;
/**
 * A line can be one of the headings findZones looks for only if it holds the
 * first character of a word each test below needs (a heading stem, table 四's
 * words or first group, 存 of section 五): other lines are passed over without
 * being squeezed.
 */
const ZONE_WORDS = [
  ...ACTIVE_STEMS,
  ...REQUEST_STEMS,
  ...(APPEALS_DEF.headingWords?.length ? [APPEALS_DEF.headingWords[0]!] : [RECONSIDERATION, APPEALS_DEF.numeral]),
  RECONSIDERATION,
  '存',
];
// (an empty word is in every line: then every line is looked at)
const ZONE_CHARS = ZONE_WORDS.every((w) => w.length > 0) ? [...new Set(ZONE_WORDS.map((w) => w[0]!))] : null;
const ZONE_CHAR = ZONE_CHARS && new RegExp(`[${ZONE_CHARS.map((c) => c.replace(/[\\\]^-]/g, '\\$&')).join('')}]`, 'g');

/** Where the tables sit: from the first table heading to section 五 (or the end). */
function findZones(text: string): Zones {
  let activeAt = -1;
  let requestsAt = -1;
  let appealsAt = -1;
  let endAt = -1;
  let headerAt = -1;
  for (let pos = 0; pos <= text.length; ) {
    if (ZONE_CHAR) {
      // on to the line of the next character that may open a heading word
      ZONE_CHAR.lastIndex = pos;
      const m = ZONE_CHAR.exec(text);
      if (!m) break;
      pos = m.index === 0 ? 0 : text.lastIndexOf('\n', m.index - 1) + 1;
    }
    const start = pos;
    let nl = text.indexOf('\n', pos);
    if (nl < 0) nl = text.length;
    pos = nl + 1;
    if (nl - start > 200) continue;
    const sq = squeeze(text.slice(start, nl));
    if (sq.length === 0 || sq.length > 40) continue;
    const c0 = sq.charCodeAt(0);
    const isNumbered = c0 !== 0x28 && c0 !== 0xff08; // not `(…` / `（…`
    if (activeAt < 0 && isNumbered && ACTIVE_STEMS.some((k) => sq.includes(k)) && (sq.endsWith(CLOSING) || ACTIVE_NUMBERED.test(sq)) && !/[,，。]/.test(sq))
      activeAt = start;
    else if (requestsAt < 0 && REQUEST_STEMS.some((k) => sq.includes(k))) requestsAt = start;
    else if (appealsAt < 0 && (requestsAt >= 0 || activeAt >= 0) && isAppealsHeading(sq)) appealsAt = start;
    else if (appealsAt < 0 && headerAt < 0 && requestsAt >= 0 && sq.startsWith(RECONSIDERATION))
      headerAt = start; // table 四's header, no heading
    else if (endAt < 0 && (appealsAt >= 0 || requestsAt >= 0) && SECTION_FIVE.test(sq)) endAt = start;
  }
  if (appealsAt < 0 && headerAt >= 0) appealsAt = headerAt;
  const firstTable = [activeAt, requestsAt].filter((x) => x >= 0);
  const mainStart = firstTable.length ? Math.min(...firstTable) : 0;
  const end = endAt >= 0 ? endAt : text.length;
  if (appealsAt < 0) return { main: [mainStart, end], appeals: null };
  return { main: [mainStart, appealsAt], appeals: [appealsAt, end] };
}

/** Table 四's heading: its words (复议, 诉讼) under the numeral 四, or naming 行政复议 and closing with 情况. */
function isAppealsHeading(sq: string): boolean {
  if (!(APPEALS_DEF.headingWords ?? []).every((w) => sq.includes(w))) return false;
  if (sq.includes(RECONSIDERATION) && sq.includes(CLOSING)) return true;
  return APPEALS_NUMBERED.test(sq);
}

const FIELDS_OF_ROW = Object.fromEntries(
  (['2019', '2021'] as TemplateId[]).map((t) => {
    const m = new Map<string, FieldDef[]>();
    for (const f of TEMPLATES[t].fields) m.set(f.row.id, [...(m.get(f.row.id) ?? []), f]);
    return [t, m];
  }),
) as Record<TemplateId, Map<string, FieldDef[]>>;

/** The catalogue's rule inside a row (R3 on table 三) picks between readings of the row. */
const rowCheck = (row: RowDef): RowCheck | null => rowSum(row)?.holds ?? null;

/**
 * Money in the catalogue's 万元 columns (采购总金额, 本年收费金额) headed in 元 without a
 * unit on the cell: the column's label (its 本年 optional) followed by 元 or 单位元.
 */
const YUAN_HEADER = new RegExp(
  `(?:${[...new Set(Object.values(TEMPLATES).flatMap((t) => t.fields.filter((f) => f.unit === 'wan').map((f) => f.column.label.zh.replace(/^本年/, ''))))].join('|')})(?:单位)?元`,
);
const yuanHeader = (c: string): boolean => YUAN_HEADER.test(c);

export function extractDocument(doc: ReportDocument, file: string): Extraction {
  return extractWithText(doc, file).extraction;
}

/** The extraction plus the normalised text it read (the import keeps it for search). */
export function extractWithText(doc: ReportDocument, file: string): { extraction: Extraction; normalized: string } {
  const norm = normalize(doc.text);
  const text = norm.text;
  const meta = findMeta(text);
  const zones = findZones(text);
  const wide = hasWideSpaces(text);
  const mainToks = tokenize(text, zones.main[0], zones.main[1], wide);
  const zoneCompact = compact(text.slice(zones.main[0], zones.main[1]));
  const flags: Flag[] = [];

  // Template: by year and by the labels found; the labels win on a mismatch
  // (they decide which cells exist), and the mismatch is flagged.
  const byYear = meta.year !== null ? templateForYear(meta.year) : null;
  const byLabels = templateByLabels(zoneCompact).template;
  const template: TemplateId = byLabels ?? byYear ?? FALLBACK_TEMPLATE;
  if (byYear && byLabels && byYear !== byLabels) {
    flags.push({
      kind: 'template_mismatch',
      fields: ['active'],
      message: `a report on ${meta.year} should use the ${byYear} template, but its tables carry the ${byLabels} labels`,
    });
  }
  flags.push(...meta.flags);

  const rows = readRows(mainToks, template, rowCheck);
  const appeals = zones.appeals ? readAppeals(tokenize(text, zones.appeals[0], zones.appeals[1], wide)) : null;
  let all = new Map<string, RowRead>(rows);
  if (appeals) for (const [k, v] of appeals) all.set(k, v);
  // Crawler text with every separator lost (one long line): read by label, split by the rules.
  if (seen(all) < 3 && /[^\n]{400}/.test(text)) {
    const g = readGlued(text, template);
    if (g && seen(g) > seen(all)) all = g;
  }

  const tpl = TEMPLATES[template];
  const values: Record<string, number | null> = {};
  const cells: Record<string, CellSource> = {};
  const yuan = yuanHeader(zoneCompact);

  // Hybrid: a row the template splits (（六）其他处理 in 2021) printed whole, none of its parts.
  const hybridParts = new Set<string>();
  for (const row of tpl.rows) {
    if (!row.splitInto || !row.optionalIn?.includes(template) || all.get(row.id)?.slots == null) continue;
    if (row.splitInto.some((p) => all.get(p)?.slots)) continue;
    for (const p of row.splitInto) hybridParts.add(p);
    flags.push({
      kind: 'hybrid_template',
      fields: [row.id, ...row.splitInto],
      message: `${rowOf(template, row.splitInto[0]!)?.group?.zh ?? row.label.zh} is a single row as in the 2019 template; its values are kept in ${row.id} and the ${template} sub-rows (${row.splitInto.join(', ')}) are left blank`,
    });
  }

  const tablesSeen = { active: false, requests: false, review: false };
  for (const r of all.values()) if (r.status !== 'absent') tablesSeen[r.row.table] = true;
  for (const t of ['active', 'requests', 'review'] as const) {
    if (!tablesSeen[t]) flags.push({ kind: 'missing_table', fields: [t], message: `table ${tableDef(t).numeral} was not found` });
  }

  const appealsFlagged = new Set<string>();
  for (const row of tpl.rows) {
    const r = all.get(row.id);
    const optional = row.optionalIn?.includes(template) ?? false;
    const fieldsOfRow = FIELDS_OF_ROW[template].get(row.id) ?? [];
    for (const f of fieldsOfRow) values[f.id] = null;
    const hybridSub = hybridParts.has(row.id);
    if (!r || r.status === 'absent') {
      if (!optional && !hybridSub && tablesSeen[row.table]) flags.push({ kind: 'missing_row', fields: [row.id], message: `row ${row.label.zh} was not found` });
      continue;
    }
    if (!r.slots) {
      if ((optional || hybridSub) && r.found === 0) {
        // （六）其他处理 as a 2021 group heading, 其他 as a column header — but a whole row whose parts were not read
        // either lost its numbers (printed whole, as in 2019, away from them): a doubt, never a silent blank
        if (row.splitInto && tablesSeen[row.table] && !row.splitInto.some((p) => all.get(p)?.slots))
          flags.push({
            kind: 'incomplete_row',
            fields: [row.id],
            message: `row ${row.label.zh}: neither its numbers nor its parts' were read; its cells are left blank`,
          });
        continue;
      }
      const kind = r.status === 'ambiguous' ? 'ambiguous' : 'incomplete_row';
      if (row.table === 'review') {
        if (!appealsFlagged.has(r.status)) {
          appealsFlagged.add(r.status);
          flags.push({ kind, fields: ['review'], message: `table 四: ${r.message ?? 'incomplete'}; its cells are left blank` });
        }
      } else flags.push({ kind, fields: [row.id], message: `row ${row.label.zh}: ${r.message ?? 'incomplete'}; its cells are left blank` });
      continue;
    }
    if (r.status === 'extra' || r.status === 'glued') {
      const scope = row.table === 'review' ? 'review' : row.id;
      if (!appealsFlagged.has(`${scope}:${r.status}`)) {
        appealsFlagged.add(`${scope}:${r.status}`);
        if (r.status === 'glued' || (r.message ?? '').includes('adds up'))
          flags.push({ kind: r.status === 'glued' ? 'inferred' : 'extra_cells', fields: [scope], message: `${scope}: ${r.message}` });
      }
    }
    fieldsOfRow.forEach((f, i) => {
      const slot = r.slots![i];
      if (!slot) return; // 总计 left blank (status blank_total): null as printed
      const [s, e] = origSpan(norm, slot.tok.start, slot.tok.end);
      const conv = convert(f, slot.value, slot.tok.v.unit, yuan);
      const src: CellSource = { raw: doc.text.slice(s, e), start: s, end: e, confidence: slot.confidence };
      if (slot.tok.v.note) src.note = slot.tok.v.note;
      if (conv.error) {
        flags.push({ kind: 'unparseable', fields: [f.id], message: `${f.id}: "${src.raw}" ${conv.error}` });
        src.confidence = 0;
      } else values[f.id] = conv.value;
      if (r.status === 'glued') src.inferred = true;
      cells[f.id] = src;
    });
  }

  taint(all, cells, flags);
  if (GRID_FORMATS.has(doc.format) && doc.grids.length) overlayGrid(doc, template, values, cells, flags, yuan);
  flags.push(...blankDoubts(values, tpl.rows));
  flags.push(...validate(values, template));
  const extraction: Extraction = {
    file,
    agency: meta.agency,
    agencyCanonical: meta.agency ? canonicalAgency(meta.agency) : null,
    year: meta.year,
    template,
    publishedAt: meta.publishedAt,
    values,
    flags,
    cells,
    format: doc.format,
  };
  markOcr(extraction, doc);
  return { extraction, normalized: text };
}

/** Formats whose readers build cell grids (PDF: from where its cells stand, read/pdf-grid.ts). */
const GRID_FORMATS: ReadonlySet<string> = new Set(['docx', 'html', 'xlsx', 'xls', 'et', 'csv', 'pdf']);
/** Text-reading doubts a clean grid row settles. */
const SETTLED: ReadonlySet<Flag['kind']> = new Set([
  'incomplete_row',
  'ambiguous',
  'missing_row',
  'extra_cells',
  'inferred',
  'layout_doubt',
  'unparseable',
  'missing_table',
]);

/**
 * Grid first: every row the grids read in full replaces the text's reading
 * of it (and the text's doubts about it); where the text read a number too
 * and it differs, the cell is flagged with both. A grid cell that is no
 * number (a merge's shadow, words) leaves the text's reading and, where the
 * text read a number, says so.
 */
function overlayGrid(
  doc: ReportDocument,
  template: TemplateId,
  values: Record<string, number | null>,
  cells: Record<string, CellSource>,
  flags: Flag[],
  yuan: boolean,
): void {
  const grid = readGrids(doc.grids, template);
  // rows the text reading had doubts about (before the grid settles them)
  const doubtedRows = flags.filter((f) => SETTLED.has(f.kind) && f.kind !== 'missing_row' && f.kind !== 'missing_table').flatMap((f) => f.fields);
  const doubted = (rowId: string) => doubtedRows.some((p) => coversField(p, rowId) || coversField(rowId, p));
  const settled = new Set<string>();
  const tables = new Set<string>();
  const differ: Flag[] = [];
  for (const gr of grid.values()) {
    const fields = FIELDS_OF_ROW[template].get(gr.row.id) ?? [];
    if (fields.length !== gr.vals.length || gr.vals.some((v) => v === null)) continue;
    const read = gr.vals.map((gv, i) => {
      if (!gv || gv.kind === 'bad') return { bad: gv?.kind === 'bad' ? gv.why : 'no cell' };
      if (gv.kind === 'blank') return { value: null };
      const c = convert(fields[i]!, gv.v.value, gv.v.unit, yuan);
      return c.error ? { bad: c.error } : { value: c.value };
    });
    const clean = read.every((x) => !('bad' in x));
    // An empty cell of a Word/HTML/spreadsheet grid is printed so: a blank, even where the text
    // found its row short. A PDF grid's empty position is inferred from the layout (a cell lost
    // in the rendering looks the same), so there it is a doubt when the text found the row short.
    const inferredBlanks = doc.format === 'pdf';
    // one empty cell among the numbers of a row the catalogue sums (R3/R4)
    const loneBlank = rowSum(gr.row) !== null && read.filter((x) => !('bad' in x) && x.value === null).length === 1 && read.length > 2;
    fields.forEach((f, i) => {
      const g = read[i]!;
      const gv = gr.vals[i]!;
      const had = cells[f.id] !== undefined && values[f.id] !== null && values[f.id] !== undefined ? values[f.id]! : null;
      if ('bad' in g) {
        // the text may have read the merge's shadow as a blank, or a neighbour's number: never unflagged
        if (had !== null)
          differ.push({
            kind: 'readings_differ',
            fields: [f.id],
            message: `${f.id}: the text reads ${had}, but its cell in the table grid is not a number (${g.bad}); the text's is kept`,
          });
        else differ.push({ kind: 'ambiguous', fields: [f.id], message: `${f.id}: its cell in the table grid is not a number (${g.bad}); left blank` });
        return;
      }
      if (!clean) return;
      const v = g.value ?? null;
      if (had !== null && (v === null || Math.abs(v - had) > 1e-9))
        differ.push({ kind: 'readings_differ', fields: [f.id], message: `${f.id}: the table grid reads ${v ?? 'blank'}, the text ${had}; the grid's is kept` });
      else if (v === null && had === null && inferredBlanks && doubted(gr.row.id))
        // an empty position of a PDF grid in a row the text found short
        differ.push({
          kind: 'ambiguous',
          fields: [f.id],
          message: `${f.id}: its cell in the table grid is empty, but the text found the row short of numbers; left blank`,
        });
      else if (v === null && had === null && inferredBlanks && loneBlank)
        // a merged value cell leaves no mark in a PDF: its number stands in the first column, the next looks
        // blank, and where the number it hides is 0 the row's sum still holds
        differ.push({
          kind: 'ambiguous',
          fields: [f.id],
          message: `${f.id}: the only empty cell of a row of numbers in a PDF table (a blank, or a number hidden by a merged cell); left blank`,
        });
      values[f.id] = v;
      const raw = doc.text.slice(gv.cell.start, gv.cell.end);
      cells[f.id] = { raw, start: gv.cell.start, end: gv.cell.end, confidence: had !== null && v !== had ? 0.7 : 1 };
      if (gv.kind === 'num' && gv.v.note) cells[f.id]!.note = gv.v.note;
    });
    if (clean) {
      settled.add(gr.row.id);
      tables.add(gr.row.table);
    }
  }
  const inRow = (p: string) => flagCoversField([...settled], p); // a flag on a settled row, or on a cell of it
  const appealsAll = APPEALS_IDS.every((r) => settled.has(r));
  for (let i = flags.length - 1; i >= 0; i--) {
    const f = flags[i]!;
    if (!SETTLED.has(f.kind) || f.fields.length === 0) continue;
    const gone = f.fields.every((p) => inRow(p) || (p === 'review' && appealsAll) || (f.kind === 'missing_table' && tables.has(p)));
    if (gone) flags.splice(i, 1);
  }
  flags.push(...differ);
}
const APPEALS_IDS = TEMPLATES['2021'].rows.filter((r) => r.table === 'review').map((r) => r.id);

/** Rows read with doubt about their place: shifted between rows, or several readings. */
const DOUBT: ReadonlySet<RowRead['status']> = new Set(['shifted', 'ambiguous']);

/**
 * A scrambled table taints itself: when two or more of its rows were read as
 * shifted or ambiguous, nothing read in it stays unflagged — every row with a
 * value gets a layout_doubt flag naming it (its neighbours may hold its numbers).
 */
function taint(all: Map<string, RowRead>, cells: Record<string, CellSource>, flags: Flag[]): void {
  const byTable: Record<TableId, RowRead[]> = { active: [], requests: [], review: [] };
  for (const r of all.values()) byTable[r.row.table].push(r);
  for (const table of ['active', 'requests', 'review'] as const) {
    const rows = byTable[table];
    // table 四 read as one run: its three groups share one status, count it once
    const bad = table === 'review' ? (rows.some((r) => DOUBT.has(r.status)) ? 1 : 0) : rows.filter((r) => DOUBT.has(r.status)).length;
    if (bad < 2) continue;
    for (const r of rows) {
      if (!r.slots || !r.slots.some(Boolean)) continue;
      flags.push({
        kind: 'layout_doubt',
        fields: [r.row.id],
        message: `row ${r.row.label.zh}: read in table ${tableDef(table).numeral}, where ${bad} rows were shifted or ambiguous; its numbers may be a neighbour's`,
      });
      for (const id of Object.keys(cells)) if (id.startsWith(`${r.row.id}.`)) cells[id]!.confidence = Math.min(cells[id]!.confidence, 0.5);
    }
  }
}

/**
 * A blank part in a row whose printed total its other parts do not reach
 * (R3/R4 with the blank as 0 fails): the blank may be a lost or merged cell.
 * The rule itself is not checked with a null operand (validate), so say it
 * here: never an unflagged null where the row's own sums want a number.
 */
function blankDoubts(values: Record<string, number | null>, rows: readonly RowDef[]): Flag[] {
  const out: Flag[] = [];
  for (const row of rows) {
    const sum = rowSum(row);
    if (!sum) continue;
    const vals = fieldIdsOf(row).map((id) => values[id] ?? null);
    if (vals[sum.total] === null || !sum.parts.some((p) => vals[p] === null) || sum.holds(vals.map((v) => v ?? 0))) continue;
    for (const p of sum.parts)
      if (vals[p] === null)
        out.push({
          kind: 'ambiguous',
          fields: [`${row.id}.${row.columns[p]!.id}`],
          message: `${row.id}.${row.columns[p]!.id}: blank, but the row's other cells do not reach its total (${sum.rule}) without a number here; left blank`,
        });
  }
  return out;
}

/** A row's field ids in column order (`row.column`), built once per row. */
const ROW_FIELD_IDS = new Map<RowDef, string[]>();
function fieldIdsOf(row: RowDef): string[] {
  let ids = ROW_FIELD_IDS.get(row);
  if (!ids) ROW_FIELD_IDS.set(row, (ids = row.columns.map((c) => `${row.id}.${c.id}`)));
  return ids;
}

/** Rows of tables 二 and 三 that were found at all. */
function seen(m: Map<string, RowRead>): number {
  let n = 0;
  for (const r of m.values()) if (r.row.table !== 'review' && r.status !== 'absent') n++;
  return n;
}

function convert(f: FieldDef, v: number | null, unit: 'yuan' | 'wan' | null, yuanHeader: boolean): { value: number | null; error?: string } {
  if (v === null) return { value: null };
  if (f.unit === 'wan') {
    const w = unit === 'yuan' || (unit === null && yuanHeader) ? round(v / 10000) : round(v);
    const p = valueProblem('wan', w);
    return p ? { value: null, error: VALUE_PROBLEM_WORDS[p].en } : { value: w };
  }
  if (unit) return { value: null, error: 'is money where a count was expected' };
  const p = valueProblem(f.unit, v);
  return p ? { value: null, error: VALUE_PROBLEM_WORDS[p].en } : { value: v };
}

function errorResult(file: string, e: unknown): Extraction {
  const msg = e instanceof ReadError ? e.message : e instanceof Error ? `could not read the file: ${e.message}` : String(e);
  const code = e instanceof ReadError ? e.code : 'extract_failed';
  const params = e instanceof ReadError && e.params ? { errorParams: e.params } : {};
  return { file, error: msg, errorCode: code, ...params, agency: null, year: null, template: null, values: {}, flags: [], cells: {} };
}

/** Read and extract one file; never throws (a read error becomes `error`). */
export async function extractFile(path: string, opts?: ReadOptions): Promise<Extraction> {
  try {
    const doc = await readPath(path, opts);
    return finish(doc, path);
  } catch (e) {
    return errorResult(path, e);
  }
}

export async function extractBytes(bytes: Uint8Array, name: string, opts?: ReadOptions): Promise<Extraction> {
  try {
    const doc = await readDocument(bytes, name, opts);
    return finish(doc, name);
  } catch (e) {
    return errorResult(name, e);
  }
}

function finish(doc: ReportDocument, file: string): Extraction {
  if (doc.needsOcr) {
    const x = extractDocument(doc, file);
    x.flags.unshift({ kind: 'needs_ocr', fields: [], message: `a scan without a text layer (${doc.needsOcr.pages} pages): nothing to extract until OCR` });
    return x;
  }
  return extractDocument(doc, file);
}

export type { Normalized };
