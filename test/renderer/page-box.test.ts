import { describe, expect, it } from 'vitest';
import { lineSpan, pageAt, spanBoxes } from '../../src-renderer/features/report/page-box.js';

const pos = (page: number, x: number, y: number, width: number, height = 10) => ({ page, x, y, width, height });

describe('page boxes from stored text positions', () => {
  // "总计 14 3\n" on page 1: one run "总计" and one run "14 3" (two numbers in one pdf.js item)
  const text = {
    positions: [
      { start: 0, end: 2, position: pos(1, 50, 100, 20) },
      { start: 3, end: 7, position: pos(1, 200, 100, 40) },
      { start: 8, end: 10, position: pos(2, 60, 30, 10) },
    ],
    pages: [
      { page: 1, start: 0, end: 8, width: 595, height: 842 },
      { page: 2, start: 8, end: 20, width: 595, height: 842 },
    ],
  };
  it('a number inside a longer run gets its share of the run', () => {
    expect(spanBoxes(text, 3, 5)).toEqual([pos(1, 200, 100, 20)]);
    expect(spanBoxes(text, 6, 7)).toEqual([pos(1, 230, 100, 10)]);
  });
  it('runs on one line join into one box; other pages give their own', () => {
    expect(spanBoxes(text, 0, 7)).toEqual([pos(1, 50, 100, 190)]);
    expect(spanBoxes(text, 0, 10)).toEqual([pos(1, 50, 100, 190), pos(2, 60, 30, 10)]);
  });
  it('no positions, an empty span or text between runs: no box', () => {
    expect(spanBoxes({}, 0, 5)).toEqual([]);
    expect(spanBoxes(text, 4, 4)).toEqual([]);
    expect(spanBoxes(text, 2, 3)).toEqual([]);
  });
  it("page of an offset, and a row's whole line", () => {
    expect(pageAt(text, 9)).toBe(2);
    expect(pageAt(text, 99)).toBeNull();
    const s = 'a\n总计\t14\t3\nb';
    expect(lineSpan(s, 5, 7)).toEqual({ start: 2, end: 9 });
    expect(s.slice(2, 9)).toBe('总计\t14\t3');
    expect(lineSpan(s, 0, 1)).toEqual({ start: 0, end: 1 });
  });
});
