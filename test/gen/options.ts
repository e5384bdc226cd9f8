// Random generator options by seed, so property tests and benchmarks cover
// every layout, encoding and damage in a reproducible mix.
import type { Encoding, GenOptions, Layout, TitleStyle } from './generate.js';
import { rng } from './generate.js';

const LAYOUTS: Layout[] = ['tabs', 'spaces', 'lines', 'markdown', 'html'];
const TITLES: TitleStyle[] = ['plain', 'plain', 'plain', 'agencyLine', 'guanyu', 'yearFirst', 'bracket', 'cnYear'];
const ENCODINGS: Encoding[] = ['utf8', 'utf8', 'utf8', 'utf8bom', 'gbk', 'utf16le', 'utf16be'];

export function mixedOptions(seed: number): GenOptions {
  const r = rng(seed ^ 0x5bd1e995);
  const layout = LAYOUTS[Math.floor(r() * LAYOUTS.length)]!;
  const traditional = r() < 0.25;
  const template = r() < 0.5 ? '2019' : '2021';
  const opts: GenOptions = {
    template,
    layout,
    encoding: ENCODINGS[Math.floor(r() * ENCODINGS.length)]!,
    traditional,
    pinyin: traditional && r() < 0.6,
    brokenLabels: r() < 0.3,
    pageBreak: r() < 0.3,
    hybrid: template === '2021' && r() < 0.1,
  };
  // drawn last so the earlier choices stay what they were for each seed
  opts.titleStyle = TITLES[Math.floor(r() * TITLES.length)]!;
  return opts;
}
