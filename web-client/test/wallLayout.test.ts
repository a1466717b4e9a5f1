import { describe, expect, it } from 'vitest';
import { layout } from '../src/pages/display/Wall';

describe('the wall layout', () => {
  it('gives each count from 1 to 8 its grid, rows filled evenly', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8].map((n) => layout(n))).toEqual([
      [1], [2], [3], [2, 2], [3, 2], [3, 3], [4, 3], [4, 4],
    ]);
  });

  it('never leaves a row more than one tile short, however many sessions', () => {
    for (let n = 1; n <= 20; n++) {
      for (const portrait of [false, true]) {
        const rows = layout(n, portrait);
        expect(rows.reduce((a, b) => a + b, 0)).toBe(n);
        expect(Math.max(...rows) - Math.min(...rows)).toBeLessThanOrEqual(1);
      }
    }
  });

  it('stacks tiles on a screen turned on its side', () => {
    expect(layout(2, true)).toEqual([1, 1]);
    expect(layout(3, true)).toEqual([2, 1]);
  });
});
