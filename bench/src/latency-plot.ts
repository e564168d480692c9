/** One line of a latency plot. */
export interface LatencySeries {
  name: string;
  /** Latencies in milliseconds. */
  samples: number[];
  color: string;
}

const WIDTH = 720;
const HEIGHT = 360;
const MARGIN = { left: 60, right: 20, top: 40, bottom: 50 };

/**
 * An SVG plot of latency distributions: for each series, the share of samples (y, 0–100 %) at or
 * under each latency (x, milliseconds on a log scale), with the p50 and p99 marked — an image the
 * Markdown report embeds.
 */
export function latencyPlotSvg(title: string, series: LatencySeries[]): string {
  const all = series.flatMap((s) => s.samples).filter((ms) => ms > 0);
  const low = Math.max(0.1, 10 ** Math.floor(Math.log10(Math.min(...all))));
  const high = 10 ** Math.ceil(Math.log10(Math.max(...all)));
  const plotWidth = WIDTH - MARGIN.left - MARGIN.right;
  const plotHeight = HEIGHT - MARGIN.top - MARGIN.bottom;
  const x = (ms: number) =>
    MARGIN.left +
    ((Math.log10(Math.max(ms, low)) - Math.log10(low)) / (Math.log10(high) - Math.log10(low))) * plotWidth;
  const y = (share: number) => MARGIN.top + (1 - share) * plotHeight;
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}" font-family="sans-serif" font-size="12">`,
    `<rect width="${WIDTH}" height="${HEIGHT}" fill="white"/>`,
    `<text x="${WIDTH / 2}" y="22" text-anchor="middle" font-size="15">${escapeXml(title)}</text>`,
  ];
  for (let decade = low; decade <= high; decade *= 10) {
    parts.push(
      `<line x1="${x(decade)}" y1="${MARGIN.top}" x2="${x(decade)}" y2="${MARGIN.top + plotHeight}" stroke="#ddd"/>`,
      `<text x="${x(decade)}" y="${HEIGHT - MARGIN.bottom + 18}" text-anchor="middle">${decade >= 1 ? decade : decade.toFixed(1)} ms</text>`,
    );
  }
  for (const share of [0, 0.5, 0.99, 1]) {
    parts.push(
      `<line x1="${MARGIN.left}" y1="${y(share)}" x2="${MARGIN.left + plotWidth}" y2="${y(share)}" stroke="#ddd"/>`,
      `<text x="${MARGIN.left - 6}" y="${y(share) + 4}" text-anchor="end">${share * 100}%</text>`,
    );
  }
  series.forEach((s, index) => {
    const sorted = [...s.samples].sort((a, b) => a - b);
    const points = sorted.map((ms, i) => `${x(ms).toFixed(1)},${y((i + 1) / sorted.length).toFixed(1)}`);
    parts.push(`<polyline fill="none" stroke="${s.color}" stroke-width="2" points="${points.join(' ')}"/>`);
    const legendY = MARGIN.top + 16 + index * 18;
    parts.push(
      `<line x1="${MARGIN.left + 12}" y1="${legendY - 4}" x2="${MARGIN.left + 36}" y2="${legendY - 4}" stroke="${s.color}" stroke-width="3"/>`,
      `<text x="${MARGIN.left + 42}" y="${legendY}">${escapeXml(s.name)}</text>`,
    );
  });
  parts.push(
    `<text x="${MARGIN.left + plotWidth / 2}" y="${HEIGHT - 10}" text-anchor="middle">latency (log scale)</text>`,
    `<text x="16" y="${MARGIN.top + plotHeight / 2}" text-anchor="middle" transform="rotate(-90 16 ${MARGIN.top + plotHeight / 2})">share of requests at or under</text>`,
    '</svg>',
  );
  return parts.join('\n');
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
