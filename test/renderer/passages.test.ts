import { describe, expect, it } from 'vitest';
import { segments } from '../../src-renderer/features/report/passages.js';

describe('a passage cut at its common spans (copied_text side by side)', () => {
  it('marks the spans, merges overlapping or touching ones, keeps every character once', () => {
    const text = '一、我局全年发布信息120条，办理申请3件。';
    const s = segments(text, [
      [2, 6],
      [4, 8],
      [8, 10],
      [14, 99],
    ]);
    expect(s).toEqual([
      { text: '一、', common: false },
      { text: '我局全年发布信息', common: true },
      { text: '120条', common: false },
      { text: '，办理申请3件。', common: true },
    ]);
    expect(s.map((x) => x.text).join('')).toBe(text);
    expect(segments(text, [])).toEqual([{ text, common: false }]);
    expect(segments('', [[0, 3]])).toEqual([]);
  });
});
