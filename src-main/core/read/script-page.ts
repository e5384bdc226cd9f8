// Saved pages whose report is not in the page but in a script: the site's
// template fills the body at load time from a string such as
// `let content = "<p style=\"…\">…<td>&nbsp;</td>…"`. Without a browser the
// body is empty; the string, decoded, is the report's HTML.

/** Words only a report's tables have: the embedded string must hold them and the visible page must not. */
const REPORT_WORDS = /主动公开政府信息|收到和处理政府信息公开申请|政府信息公开申请/;
const ASSIGN = /(?:\b(?:let|var|const)\s+)?[A-Za-z_$][\w$]*\s*=\s*(["'`])/g;
/** Longest string we decode (a report's HTML is well under this). */
const MAX = 4 << 20;

/**
 * The page with the script that carries the report replaced by the report's
 * HTML, or null when the page holds its report itself (or none is embedded).
 */
export function inlineScriptReport(html: string): string | null {
  if (!/<script/i.test(html)) return null;
  const visible = html.replace(/<script\b[\s\S]*?<\/script\s*>/gi, '');
  if (REPORT_WORDS.test(visible)) return null;
  const scripts = html.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script\s*>/gi);
  for (const m of scripts) {
    const body = m[1]!;
    if (!/<(?:p|table|div|span)\b/i.test(body) && !/\\u003c/i.test(body)) continue;
    ASSIGN.lastIndex = 0;
    let a: RegExpExecArray | null;
    while ((a = ASSIGN.exec(body))) {
      const lit = readLiteral(body, a.index + a[0].length, a[1]!);
      if (!lit) continue;
      ASSIGN.lastIndex = lit.end;
      if (!/<\w/.test(lit.value) || !REPORT_WORDS.test(lit.value)) continue;
      const at = m.index! + m[0].length;
      return `${html.slice(0, m.index!)}${lit.value}${html.slice(at)}`;
    }
  }
  return null;
}

/** A JavaScript string literal's value from just after its opening quote. */
function readLiteral(s: string, from: number, quote: string): { value: string; end: number } | null {
  const out: string[] = [];
  for (let i = from; i < s.length && i - from < MAX; i++) {
    const c = s[i]!;
    if (c === quote) return { value: out.join(''), end: i + 1 };
    if (c === '\n' && quote !== '`') return null;
    if (c !== '\\') {
      out.push(c);
      continue;
    }
    const n = s[++i];
    if (n === undefined) return null;
    if (n === 'n') out.push('\n');
    else if (n === 't') out.push('\t');
    else if (n === 'r') out.push('\r');
    else if (n === 'u' && /^[0-9a-fA-F]{4}$/.test(s.slice(i + 1, i + 5))) {
      out.push(String.fromCharCode(parseInt(s.slice(i + 1, i + 5), 16)));
      i += 4;
    } else if (n === 'x' && /^[0-9a-fA-F]{2}$/.test(s.slice(i + 1, i + 3))) {
      out.push(String.fromCharCode(parseInt(s.slice(i + 1, i + 3), 16)));
      i += 2;
    } else if (n === '\n')
      continue; // a line continuation
    else out.push(n); // \" \' \\ \/ and the rest stand for themselves
  }
  return null;
}
