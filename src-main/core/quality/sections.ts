// missing_section: the six sections present (一 … 六, numbering damage
// tolerated by text.ts), section 五 with real content (not empty, not 无,
// not a single sentence), and in the 2021 template section 六 stating the
// 信息处理费 collected.
import { FEE_STATEMENT_KEYS, SECTIONS, TEMPLATE_PHRASES, type TemplateId } from '../catalogue/index.js';
import { canon, sentences, type PreparedText } from './text.js';
import type { Finding } from './types.js';

const NOTHING = new Set(TEMPLATE_PHRASES.filter((p) => p.length <= 6).map(canon));

export function checkSections(p: PreparedText, template: TemplateId | null): Finding[] {
  const out: Finding[] = [];
  const have = new Map(p.sections.map((s) => [s.n, s]));
  for (const s of SECTIONS)
    if (!have.has(s.n))
      out.push({
        kind: 'missing_section',
        fields: [s.id],
        message: `section ${s.numeral} (${s.label.zh}) not found`,
        detail: { section: s.n, what: 'missing' },
      });
  const five = have.get(5);
  if (five) {
    const said = sentences(five.text).filter((x) => !NOTHING.has(canon(x)));
    if (said.length < 2)
      out.push({
        kind: 'missing_section',
        fields: ['section.5'],
        message: `section 五 has no real content (${said.length === 0 ? 'empty or 无' : 'a single sentence'})`,
        detail: { section: 5, what: said.length === 0 ? 'empty' : 'one_sentence' },
      });
  }
  const six = have.get(6);
  if (six && template === '2021' && !FEE_STATEMENT_KEYS.some((k) => canon(six.text).includes(k)))
    out.push({
      kind: 'missing_section',
      fields: ['section.6'],
      message: 'section 六 does not state the 信息处理费 collected (2021 template)',
      detail: { section: 6, what: 'no_fee' },
    });
  return out;
}
