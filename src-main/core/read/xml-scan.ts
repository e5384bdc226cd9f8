// A strict, streaming scanner for the XML that Office writes (word/document.xml).
// It reads one string front to back with indexOf — no DOM, no recursion —
// and hands elements and text to a sink. It accepts only plainly well-formed
// XML: an XML declaration, elements with ASCII names and quoted attributes,
// text, namespaces declared before use. Anything else (a comment, CDATA, a
// DOCTYPE or entity declaration, a processing instruction, a mismatched or
// unclosed tag, a duplicate attribute, an undeclared prefix, nesting deeper
// than MAX_XML_DEPTH) throws `Unsure`, and the caller reads the part with the
// tolerant DOM parser instead, so a file reads exactly as it did before.
// Text is decoded as @xmldom/xmldom decodes it: line endings normalised, the
// five XML entities and character references replaced, anything else kept as
// written (no DTD entity is ever expanded).

/** Deeper nesting is handed to the tolerant path (real documents nest ~40 deep). */
export const MAX_XML_DEPTH = 256;
/** A tag with more attributes is handed to the tolerant path (Word's root element has ~35), so that their check stays cheap. */
export const MAX_XML_ATTRS = 128;

/** The input is outside what the scanner reads with certainty. */
export class Unsure extends Error {}

/** The element being opened: its attributes, read on demand. */
export interface Tag {
  /** The value of the attribute with this qualified name (`w:val`), decoded; null when absent. */
  attr(qname: string): string | null;
}

export interface XmlSink {
  /** An element opens (`local`: its name without prefix); its text is wanted while `wantText` is set. */
  open(local: string, tag: Tag): void;
  /** The element opened last closes. */
  close(): void;
  /** Decoded text inside the innermost element (only called while `wantText`). */
  text(s: string): void;
  wantText: boolean;
}

const XML_DECL =
  /^<\?xml[ \t\r\n]+version[ \t\r\n]*=[ \t\r\n]*(?:"1\.[0-9]+"|'1\.[0-9]+')(?:[ \t\r\n]+encoding[ \t\r\n]*=[ \t\r\n]*(?:"[A-Za-z][-A-Za-z0-9._]*"|'[A-Za-z][-A-Za-z0-9._]*'))?(?:[ \t\r\n]+standalone[ \t\r\n]*=[ \t\r\n]*(?:"(?:yes|no)"|'(?:yes|no)'))?[ \t\r\n]*\?>/;

const isSpace = (c: number) => c === 32 || c === 10 || c === 9 || c === 13;
/** ASCII name characters: letters, digits, `_`, `-`, `.` (`first`: letters and `_` only). */
function isNameChar(c: number, first: boolean): boolean {
  if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95) return true;
  return !first && ((c >= 48 && c <= 57) || c === 45 || c === 46);
}

// Text and attribute values are decoded as @xmldom/xmldom 0.9 does (its
// normalizeLineEndings and entityReplacer for XML), so nothing read changes.
const ENTITY = /&#?\w+;?/g;
const REFERENCE = /^&(?:[A-Za-z_]\w*|#[0-9]+|#x[0-9a-fA-F]+);$/;
const XML_ENTITIES: Record<string, string> = { amp: '&', apos: "'", gt: '>', lt: '<', quot: '"' };
function fromCode(code: number): string {
  if (code > 0xffff) {
    code -= 0x10000;
    return String.fromCharCode(0xd800 + (code >> 10), 0xdc00 + (code & 0x3ff));
  }
  return String.fromCharCode(code);
}
function entity(a: string): string {
  if (a[a.length - 1] !== ';' || !REFERENCE.test(a)) return a;
  const k = a.slice(1, -1);
  if (Object.hasOwn(XML_ENTITIES, k)) return XML_ENTITIES[k]!;
  if (k[0] === '#') return fromCode(Number.parseInt(k.substring(1).replace('x', '0x')));
  return a;
}
const LINE_END = /[\r\u0085\u2028\u2029]/;
function lineEnds(s: string): string {
  return LINE_END.test(s) ? s.replace(/\r[\n\u0085]/g, '\n').replace(/[\r\u0085\u2028\u2029]/g, '\n') : s;
}
/** Text between tags, decoded. */
export function decodeText(raw: string): string {
  const s = lineEnds(raw);
  return s.includes('&') ? s.replace(ENTITY, entity) : s;
}
function decodeAttr(raw: string): string {
  const s = lineEnds(raw).replace(/[\t\n\r]/g, ' ');
  return s.includes('&') ? s.replace(ENTITY, entity) : s;
}

/**
 * Scans `xml`, calling `sink` for every element and the wanted text.
 * Throws `Unsure` for input outside the strict subset (see above).
 */
export function scanXml(xml: string, sink: XmlSink): void {
  new Scanner(xml, sink).run();
}

class Scanner implements Tag {
  /** Attributes of the tag being opened: nameStart, nameEnd, valueStart, valueEnd, colon (or -1) for each. */
  private at: number[] = [];
  private count = 0;
  /** Open elements' qualified names, and the namespace prefixes each declared. */
  private names: string[] = [];
  private declared: (string[] | null)[] = [];
  private prefixes = new Map<string, number>([['xml', 1]]);
  private depth = 0;
  private rootDone = false;
  /** Where the name scanned last by `name()` ends. */
  private nameStop = 0;

  constructor(
    private readonly xml: string,
    private readonly sink: XmlSink,
  ) {}

  attr(qname: string): string | null {
    const { at, xml } = this;
    for (let i = 0; i < this.count; i++) {
      const a = i * 5;
      if (at[a + 1]! - at[a]! === qname.length && xml.startsWith(qname, at[a]!)) return decodeAttr(xml.slice(at[a + 2], at[a + 3]));
    }
    return null;
  }

  run(): void {
    const { xml, sink } = this;
    const n = xml.length;
    let pos = 0;
    if (xml.startsWith('<?xml')) {
      const m = XML_DECL.exec(xml);
      if (!m) throw new Unsure('XML declaration');
      pos = m[0].length;
    }
    for (;;) {
      const lt = xml.indexOf('<', pos);
      const end = lt < 0 ? n : lt;
      if (end > pos) {
        if (this.depth === 0) {
          for (let i = pos; i < end; i++) if (!isSpace(xml.charCodeAt(i))) throw new Unsure('text outside the root element');
        } else if (sink.wantText) sink.text(decodeText(xml.slice(pos, end)));
      }
      if (lt < 0) break;
      pos = xml.charCodeAt(lt + 1) === 47 ? this.endTag(lt) : this.startTag(lt);
    }
    if (this.depth > 0 || !this.rootDone) throw new Unsure('unclosed element or no root element');
  }

  /** `</name S?>` closing the element opened last; returns where the scan goes on. */
  private endTag(lt: number): number {
    const { xml } = this;
    if (this.depth === 0) throw new Unsure('end tag without element');
    const name = this.names[this.depth - 1]!;
    if (!xml.startsWith(name, lt + 2)) throw new Unsure('mismatched end tag');
    let p = lt + 2 + name.length;
    while (isSpace(xml.charCodeAt(p))) p++;
    if (xml.charCodeAt(p) !== 62) throw new Unsure('mismatched end tag');
    this.close();
    return p + 1;
  }

  /** `<name (S attr S? = S? "value")* S? /?>`; returns where the scan goes on. */
  private startTag(lt: number): number {
    const { xml } = this;
    if (this.rootDone) throw new Unsure('content after the root element');
    const colon = this.name(lt + 1);
    const qname = xml.slice(lt + 1, this.nameStop);
    let p = this.nameStop;
    this.count = 0;
    let closed = false;
    let decl: string[] | null = null;
    // the first '<' after this one: no attribute value may reach it (found once a tag, so a long tag costs its length)
    const nextLt = xml.indexOf('<', lt + 1);
    for (;;) {
      const ch = xml.charCodeAt(p);
      if (ch === 62) {
        p++;
        break;
      }
      if (ch === 47) {
        if (xml.charCodeAt(p + 1) !== 62) throw new Unsure('bad tag end');
        closed = true;
        p += 2;
        break;
      }
      if (!isSpace(ch)) throw new Unsure('bad character in a tag');
      while (isSpace(xml.charCodeAt(p))) p++;
      const next = xml.charCodeAt(p);
      if (next === 62 || next === 47) continue;
      const aStart = p;
      const aColon = this.name(p);
      const aEnd = this.nameStop;
      p = aEnd;
      while (isSpace(xml.charCodeAt(p))) p++;
      if (xml.charCodeAt(p) !== 61) throw new Unsure('attribute without value');
      p++;
      while (isSpace(xml.charCodeAt(p))) p++;
      const q = xml.charCodeAt(p);
      if (q !== 34 && q !== 39) throw new Unsure('unquoted attribute value');
      const vEnd = xml.indexOf(q === 34 ? '"' : "'", p + 1);
      if (vEnd < 0) throw new Unsure('unterminated attribute value');
      if (nextLt >= 0 && nextLt < vEnd) throw new Unsure("'<' in an attribute value");
      if (this.count >= MAX_XML_ATTRS) throw new Unsure('too many attributes');
      this.push(aStart, aEnd, p + 1, vEnd, aColon);
      if (aEnd - aStart >= 5 && xml.startsWith('xmlns', aStart) && aColon === aStart + 5) {
        const prefix = xml.slice(aColon + 1, aEnd);
        if (vEnd === p + 1 || prefix === 'xml' || prefix === 'xmlns') throw new Unsure('namespace declaration');
        (decl ??= []).push(prefix);
      }
      p = vEnd + 1;
      const after = xml.charCodeAt(p);
      if (!isSpace(after) && after !== 62 && after !== 47) throw new Unsure('attributes not separated by a space');
    }
    const { prefixes, at } = this;
    if (decl) for (const d of decl) prefixes.set(d, (prefixes.get(d) ?? 0) + 1);
    if (colon >= 0) {
      const prefix = qname.slice(0, colon - lt - 1);
      if (prefix === 'xmlns' || !prefixes.get(prefix)) throw new Unsure('undeclared prefix');
    }
    for (let i = 0; i < this.count; i++) {
      const a = i * 5;
      if (at[a + 4]! < 0) continue;
      const prefix = xml.slice(at[a]!, at[a + 4]!);
      if (prefix !== 'xmlns' && !prefixes.get(prefix)) throw new Unsure('undeclared prefix');
    }
    if (this.depth >= MAX_XML_DEPTH) throw new Unsure('nesting too deep');
    this.names[this.depth] = qname;
    this.declared[this.depth] = decl;
    this.depth++;
    this.sink.open(colon < 0 ? qname : qname.slice(colon - lt), this);
    if (closed) this.close();
    return p;
  }

  /** Records an attribute; a second one of the same local name (or the same declaration) is left to the DOM parser. */
  private push(start: number, end: number, vStart: number, vEnd: number, colon: number): void {
    const { at, xml } = this;
    const local = colon < 0 ? start : colon + 1;
    for (let i = 0; i < this.count; i++) {
      const a = i * 5;
      const other = at[a + 4]! < 0 ? at[a]! : at[a + 4]! + 1;
      if (at[a + 1]! - other === end - local && xml.startsWith(xml.slice(local, end), other)) throw new Unsure('repeated attribute');
    }
    const a = this.count++ * 5;
    at[a] = start;
    at[a + 1] = end;
    at[a + 2] = vStart;
    at[a + 3] = vEnd;
    at[a + 4] = colon;
  }

  private close(): void {
    const depth = --this.depth;
    const decl = this.declared[depth];
    if (decl) for (const d of decl) this.prefixes.set(d, this.prefixes.get(d)! - 1);
    this.sink.close();
    if (depth === 0) this.rootDone = true;
  }

  /** Scans an ASCII name with at most one colon from `start` (its end in `nameStop`); returns the colon's index or -1. */
  private name(start: number): number {
    const { xml } = this;
    if (!isNameChar(xml.charCodeAt(start), true)) throw new Unsure('name');
    let p = start + 1;
    let colon = -1;
    for (;;) {
      const ch = xml.charCodeAt(p);
      if (isNameChar(ch, false)) p++;
      else if (ch === 58 && colon < 0 && isNameChar(xml.charCodeAt(p + 1), true)) {
        colon = p;
        p += 2;
      } else break;
    }
    this.nameStop = p;
    return colon;
  }
}
