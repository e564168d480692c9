import { waitWords } from '@coffee/app-shared';
import type { WaitTimesResponse } from '@coffee/backend/contracts';
import { linear, linePath, niceCeil, ticks } from '../utils/chart-scales';

const WIDTH = 720;
const HEIGHT = 260;
const PAD = { left: 44, right: 52, top: 16, bottom: 32 };

/** Minutes, for the wait axis and values: whole minutes as they are, else one decimal under ten. */
function minutes(seconds: number): string {
  const m = seconds / 60;
  if (Number.isInteger(m) || m >= 10) return String(Math.round(m));
  return m.toFixed(1);
}

/**
 * Orders per minute (bars: placed) and the average wait of the orders made ready in each minute
 * (line, minutes on the right axis) over the window — an SVG chart with a summary as its
 * accessible name.
 */
export function OrdersPerMinuteChart({ data }: { data: WaitTimesResponse }) {
  const points = data.perMinute;
  const placed = points.reduce((n, m) => n + m.placed, 0);
  const ready = points.reduce((n, m) => n + m.ready, 0);
  const countMax = niceCeil(Math.max(...points.map((m) => m.placed), 1));
  const waitMax = 60 * niceCeil(Math.max(...points.map((m) => m.averageSeconds ?? 0), 60) / 60);
  const plotW = WIDTH - PAD.left - PAD.right;
  const slot = plotW / Math.max(1, points.length);
  const yCount = linear(countMax, HEIGHT - PAD.bottom, PAD.top);
  const yWait = linear(waitMax, HEIGHT - PAD.bottom, PAD.top);
  const x = (i: number) => PAD.left + i * slot;
  const summary = [
    `Orders per minute and wait times over the last ${data.windowMinutes} minutes: ${placed} placed, ${ready} ready`,
    data.overall
      ? `average wait ${waitWords(data.overall.averageSeconds)}, 90% within ${waitWords(data.overall.p90Seconds)}`
      : 'no completed orders yet',
  ].join('; ');
  const line = linePath(
    points.map((m, i) => ({
      x: x(i) + slot / 2,
      y: m.averageSeconds === undefined ? undefined : yWait(m.averageSeconds),
    })),
  );
  return (
    <svg role="img" aria-label={summary} viewBox={`0 0 ${WIDTH} ${HEIGHT}`} className="chart orders-chart">
      {ticks(countMax).map((tick) => (
        <g key={`c${tick}`} className="grid">
          <line x1={PAD.left} x2={WIDTH - PAD.right} y1={yCount(tick)} y2={yCount(tick)} />
          <text x={PAD.left - 6} y={yCount(tick)} textAnchor="end" dominantBaseline="central">
            {Number.isInteger(tick) ? tick : tick.toFixed(1)}
          </text>
        </g>
      ))}
      {ticks(waitMax).map((tick) => (
        <text
          key={`w${tick}`}
          className="axis-wait"
          x={WIDTH - PAD.right + 6}
          y={yWait(tick)}
          dominantBaseline="central"
        >
          {minutes(tick)}
        </text>
      ))}
      <text className="axis-title" x={4} y={PAD.top - 4}>
        orders
      </text>
      <text className="axis-title" x={WIDTH - 4} y={PAD.top - 4} textAnchor="end">
        wait (min)
      </text>
      {points.map((m, i) => (
        <rect
          key={m.minute}
          className="bar"
          x={x(i) + 1}
          y={yCount(m.placed)}
          width={Math.max(1, slot - 2)}
          height={HEIGHT - PAD.bottom - yCount(m.placed)}
        >
          <title>{`${new Date(m.minute).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' })}: ${m.placed} placed, ${m.ready} ready`}</title>
        </rect>
      ))}
      {line && <path className="wait-line" d={line} />}
      {points.map((m, i) =>
        i % 5 === 0 ? (
          <text key={`t${m.minute}`} className="axis-time" x={x(i)} y={HEIGHT - PAD.bottom + 16}>
            {new Date(m.minute).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' })}
          </text>
        ) : null,
      )}
    </svg>
  );
}

/** Average and p90 wait per drink as horizontal bars (the p90 a tick past the bar). */
export function DrinkWaitChart({ data }: { data: WaitTimesResponse }) {
  const rows = data.drinks;
  const rowH = 28;
  const height = PAD.top + rows.length * rowH + 24;
  const labelW = 140;
  const max = 60 * niceCeil(Math.max(60, ...rows.map((d) => d.p90Seconds)) / 60);
  const xScale = linear(max, labelW, WIDTH - PAD.right);
  const summary =
    rows.length === 0
      ? 'Wait per drink: no completed orders yet'
      : `Wait per drink: ${rows
          .map((d) => `${d.name ?? d.drinkId} ${waitWords(d.averageSeconds)} on average (${d.count})`)
          .join(', ')}`;
  return (
    <svg role="img" aria-label={summary} viewBox={`0 0 ${WIDTH} ${height}`} className="chart drink-chart">
      {rows.map((d, i) => {
        const y = PAD.top + i * rowH;
        return (
          <g key={d.drinkId}>
            <text x={labelW - 8} y={y + rowH / 2} textAnchor="end" dominantBaseline="central">
              {d.name ?? d.drinkId}
            </text>
            <rect
              className="bar"
              x={labelW}
              y={y + 4}
              width={xScale(d.averageSeconds) - labelW}
              height={rowH - 8}
            />
            <line
              className="p90"
              x1={xScale(d.p90Seconds)}
              x2={xScale(d.p90Seconds)}
              y1={y + 2}
              y2={y + rowH - 2}
            />
            <text className="value" x={xScale(d.p90Seconds) + 6} y={y + rowH / 2} dominantBaseline="central">
              {`${minutes(d.averageSeconds)} / ${minutes(d.p90Seconds)} min (${d.count})`}
            </text>
          </g>
        );
      })}
      {ticks(max).map((tick) => (
        <text key={tick} className="axis-time" x={xScale(tick)} y={height - 6} textAnchor="middle">
          {minutes(tick)}
        </text>
      ))}
    </svg>
  );
}
