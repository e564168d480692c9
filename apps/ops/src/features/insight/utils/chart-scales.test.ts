import { describe, expect, it } from 'vitest';
import { linear, linePath, niceCeil, ticks } from './chart-scales';

describe('niceCeil', () => {
  it.each([
    [0, 1],
    [0.3, 0.5],
    [1, 1],
    [3, 5],
    [7, 10],
    [12, 20],
    [240, 500],
  ])('%d → %d', (value, nice) => {
    expect(niceCeil(value)).toBe(nice);
  });
});

describe('ticks and linear', () => {
  it('spaces ticks evenly and maps them onto pixels, inverted for a y axis', () => {
    expect(ticks(10, 2)).toEqual([0, 5, 10]);
    const y = linear(10, 100, 0);
    expect([y(0), y(5), y(10)]).toEqual([100, 50, 0]);
  });
});

describe('linePath', () => {
  it('draws segments and lifts the pen over gaps', () => {
    expect(
      linePath([
        { x: 0, y: 1 },
        { x: 1, y: 2 },
        { x: 2, y: undefined },
        { x: 3, y: 4 },
      ]),
    ).toBe('M 0.0 1.0 L 1.0 2.0 M 3.0 4.0');
  });
});
