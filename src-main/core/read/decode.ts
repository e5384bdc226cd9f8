// Bytes → string for text-like files, with the encoding detected, never
// assumed: BOM first, then strict UTF-8, then UTF-16 without BOM (NUL
// pattern), then the legacy CJK encodings (GB18030/GBK, Big5) chosen by
// chardet and checked by how much of the result is common Chinese.
import chardet from 'chardet';
import iconv from 'iconv-lite';
import { ReadError } from '../model.js';

export interface Decoded {
  text: string;
  encoding: string;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

// Frequent characters of the reports (simplified and traditional).
const COMMON = new Set(
  '的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处队南给色光门即保治北造百规热领七海口东导器压志世金增争济阶油思术极交受联什认六共权收证改清己美再采转更单风切打白教速花带安场身车例真务具万每目至达走积示议声报斗完类八离华名确才科张信马节话米整空元况今集温传土许步群广石记需段研界拉林律叫且究观越织装影算低持音众书布复容儿须际商非验连断深难近矿千周委素技备半办青省列习响约支般史感劳便团往酸历市克何除消构府称太准精值号率族维划选标写存候毛亲快效斯院查江型眼王按格养易置派层片始却专状育厂京识适属圆包火住调满县局照参红细引听该铁价严龙飞' +
    '們國開處報與會這機關條經內對數規費採購總結訴復審請訊務體應當為項轉將據樣區縣廣實際於發動過產種麵後學現實進還單則陽淨權從點業時見裡頭長問義東車馬門間電話說讓' +
    '公开申请年度信息政府工作报告行政许可处罚强制规章规范性文件予以部分不予无法提供处理其他总计自然商业企科研机构社会益组织律服务结果维持纠正尚未审复议诉讼起',
);

/** COMMON by UTF-16 code unit (1: in the set), for counting without a string per character. */
const COMMON_UNITS = new Uint8Array(65536);
for (const ch of COMMON) if (ch.length === 1) COMMON_UNITS[ch.charCodeAt(0)] = 1;

function score(text: string): number {
  let good = 0;
  let bad = 0;
  const n = Math.min(text.length, 20000);
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 0xfffd) bad += 4;
    else if (COMMON_UNITS[c] === 1) good++;
    else if (c >= 0xe000 && c <= 0xf8ff) bad += 2; // private use: wrong decoding
  }
  return good - bad;
}

/** The bytes as a Buffer over the same memory (iconv reads them; no copy). */
function view(b: Uint8Array): Buffer {
  return Buffer.from(b.buffer, b.byteOffset, b.byteLength);
}

/** Share of control bytes that no text file has: decides "binary". */
function looksBinary(b: Uint8Array): boolean {
  const n = Math.min(b.length, 4096);
  let ctl = 0;
  for (let i = 0; i < n; i++) {
    const c = b[i]!;
    if (c < 0x09 || (c > 0x0d && c < 0x20 && c !== 0x1b)) ctl++;
  }
  return ctl > n * 0.02;
}

/** UTF-16 without BOM: NULs sit at every other byte. */
function utf16Guess(b: Uint8Array, cjkCheck: boolean): 'UTF-16LE' | 'UTF-16BE' | null {
  const n = Math.min(b.length & ~1, 4096);
  if (n < 4) return null;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < n; i += 2) {
    if (b[i] === 0) evenZero++;
    if (b[i + 1] === 0) oddZero++;
  }
  const pairs = n / 2;
  // ASCII-heavy text shows many NULs; CJK-only text shows few, so also accept
  // a clean decode that is mostly CJK.
  if (oddZero > pairs * 0.3 && evenZero < pairs * 0.05) return 'UTF-16LE';
  if (evenZero > pairs * 0.3 && oddZero < pairs * 0.05) return 'UTF-16BE';
  if (!cjkCheck || (b.length & 1) === 1) return null;
  for (const enc of ['UTF-16LE', 'UTF-16BE'] as const) {
    const t = iconv.decode(view(b.subarray(0, n)), enc);
    let cjk = 0;
    // by code point, as for…of counts (a surrogate pair is one character)
    for (let i = 0; i < t.length; i++) {
      const c = t.charCodeAt(i);
      if (c >= 0xd800 && c <= 0xdbff && i + 1 < t.length) {
        const d = t.charCodeAt(i + 1);
        if (d >= 0xdc00 && d <= 0xdfff) {
          if (COMMON.has(t.slice(i, i + 2))) cjk++;
          i++;
          continue;
        }
      }
      if (COMMON_UNITS[c] === 1 || c === 0x0a || c === 0x09) cjk++;
    }
    if (cjk > t.length * 0.3) return enc;
  }
  return null;
}

export function decodeText(bytes: Uint8Array): Decoded {
  const b = bytes;
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return { text: utf8Lenient(b.subarray(3)), encoding: 'UTF-8' };
  if (b[0] === 0xff && b[1] === 0xfe) return { text: iconv.decode(Buffer.from(b.subarray(2)), 'UTF-16LE'), encoding: 'UTF-16LE' };
  if (b[0] === 0xfe && b[1] === 0xff) return { text: iconv.decode(Buffer.from(b.subarray(2)), 'UTF-16BE'), encoding: 'UTF-16BE' };
  // NUL-heavy UTF-16 first (a strict UTF-8 decode would accept it)
  const u16 = utf16Guess(b, false);
  if (u16) return { text: iconv.decode(Buffer.from(b), u16), encoding: u16 };
  if (!looksBinary(b)) {
    try {
      return { text: utf8.decode(b), encoding: 'UTF-8' };
    } catch {
      // not UTF-8: UTF-16 without NULs (all CJK) or a legacy encoding
    }
  }
  const u16cjk = utf16Guess(b, true);
  if (u16cjk) return { text: iconv.decode(Buffer.from(b), u16cjk), encoding: u16cjk };
  if (looksBinary(b)) throw new ReadError('not_text', 'this is not a text file (binary content)');
  // GB18030 and Big5 are scored by how much common Chinese they give; chardet
  // is asked only when neither reads well.
  let best: Decoded | null = null;
  let bestScore = -Infinity;
  const tryEnc = (enc: string) => {
    if (!iconv.encodingExists(enc)) return;
    const text = iconv.decode(view(b), enc);
    const sc = score(text);
    if (sc > bestScore) {
      bestScore = sc;
      best = { text, encoding: enc.toUpperCase() === 'BIG5' ? 'Big5' : enc };
    }
  };
  tryEnc('GB18030');
  tryEnc('Big5');
  if (bestScore < Math.min(200, b.length / 20)) {
    for (const m of chardet.analyse(b).slice(0, 3)) {
      const name = m.name.toUpperCase();
      if (name.startsWith('GB') || name === 'BIG5' || name.startsWith('UTF-16') || name === 'EUC-TW') tryEnc(name === 'GB2312' ? 'GB18030' : name);
    }
  }
  const found = best as Decoded | null;
  if (!found || bestScore < 0) throw new ReadError('not_text', 'the text encoding could not be recognised (not UTF-8, UTF-16, GB18030 or Big5)');
  return found;
}

function utf8Lenient(b: Uint8Array): string {
  return Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString('utf8');
}
