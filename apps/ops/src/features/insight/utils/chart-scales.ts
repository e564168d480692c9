/** The smallest "nice" number (1, 2, 5 × 10ⁿ) at or above `value`; 1 for zero or less. */
export function niceCeil(value: number): number {
  if (!(value > 0)) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  for (const step of [1, 2, 5, 10]) if (step * power >= value) return step * power;
  return 10 * power;
}

/** `count + 1` evenly spaced ticks from 0 to `max` included. */
export function ticks(max: number, count = 4): number[] {
  return Array.from({ length: count + 1 }, (_, i) => (max * i) / count);
}

/** A linear scale from `[0, domainMax]` onto `[from, to]` (pixels; `to` may be smaller, for a y axis). */
export function linear(domainMax: number, from: number, to: number): (value: number) => number {
  const span = domainMax > 0 ? domainMax : 1;
  return (value) => from + ((to - from) * value) / span;
}

/** The SVG path through `points`, skipping gaps (`undefined` y) by starting a new segment. */
export function linePath(points: ReadonlyArray<{ x: number; y: number | undefined }>): string {
  let path = '';
  let pen = false;
  for (const { x, y } of points) {
    if (y === undefined) {
      pen = false;
      continue;
    }
    path += `${pen ? 'L' : 'M'} ${x.toFixed(1)} ${y.toFixed(1)} `;
    pen = true;
  }
  return path.trim();
}
