import { describe, expect, it } from 'vitest';
import { move, type CellRect } from '../../src-renderer/features/report/grid-nav.js';

const cell = (field: string, left: number, top: number, w = 40, h = 20): CellRect => ({ field, left, top, right: left + w, bottom: top + h });

describe('keyboard movement by drawn position', () => {
  // row a: three cells; row b: two wider cells under them; a lone cell far below (another table)
  const cells = [cell('a.1', 0, 0), cell('a.2', 40, 0), cell('a.3', 80, 0), cell('b.1', 0, 20, 60), cell('b.2', 60, 20, 60), cell('c.1', 100, 200)];
  it('left and right stay on the line', () => {
    expect(move(cells, 'a.1', 'right')).toBe('a.2');
    expect(move(cells, 'a.3', 'right')).toBeNull();
    expect(move(cells, 'a.2', 'left')).toBe('a.1');
    expect(move(cells, 'b.1', 'right')).toBe('b.2');
  });
  it('down takes the nearest line below that overlaps the column, up comes back', () => {
    expect(move(cells, 'a.1', 'down')).toBe('b.1');
    expect(move(cells, 'a.3', 'down')).toBe('b.2');
    expect(move(cells, 'b.2', 'down')).toBe('c.1');
    expect(move(cells, 'b.2', 'up')).toBe('a.3'); // the column nearest b.2's centre
    expect(move(cells, 'a.1', 'up')).toBeNull();
  });
  it('nothing selected: the first cell', () => {
    expect(move(cells, null, 'down')).toBe('a.1');
    expect(move([], null, 'down')).toBeNull();
  });
});
