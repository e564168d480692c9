import type { AslDefinition } from '@coffee/backend/contracts';
import { useId, useMemo } from 'react';
import { type EdgeKind, layoutWorkflow, type PlacedEdge, type PlacedNode } from '../utils/graph-layout';

/** What the graph shows besides the definition. */
export interface WorkflowGraphProps {
  definition: AslDefinition;
  /** Running executions per state. */
  counts?: Readonly<Record<string, number>>;
  /** States one execution went through (the selected order's), highlighted. */
  visited?: ReadonlySet<string>;
  /** The state that execution is in now, or ended in. */
  current?: string | undefined;
  /** The accessible name of the drawing. */
  label?: string;
}

const EDGE_CLASS: Record<EdgeKind, string> = {
  next: 'edge edge-next',
  choice: 'edge edge-choice',
  default: 'edge edge-default',
  catch: 'edge edge-catch',
};

/**
 * The accessible name of the drawing: how many states, where executions are running and where the
 * selected order is, e.g. "OrderProcessor: 45 states; running: WaitForCompletion 3; the selected
 * order is at WaitForCompletion".
 */
export function graphSummary(
  label: string,
  stateCount: number,
  counts: Readonly<Record<string, number>>,
  current: string | undefined,
): string {
  const running = Object.entries(counts)
    .filter(([, n]) => n > 0)
    .map(([state, n]) => `${state} ${n}`);
  const parts = [
    `${label}: ${stateCount} states`,
    running.length > 0 ? `running: ${running.join(', ')}` : 'nothing running',
  ];
  if (current) parts.push(`the selected order is at ${current}`);
  return parts.join('; ');
}

/**
 * The state machine drawn as a graph from its ASL: a box per state (its type in the colour, the
 * running executions in a badge), an arrow per transition — `Next` solid, Choice rules and
 * `Default` blue, `Catch` red and dashed, loops curving round the right. One image whose name
 * ({@link graphSummary}) says what the drawing shows; each box has its name as a tooltip. The
 * drawing sits in a region named `label` that scrolls and takes keyboard focus.
 */
export function WorkflowGraph({
  definition,
  counts = {},
  visited,
  current,
  label = 'Workflow',
}: WorkflowGraphProps) {
  const layout = useMemo(() => layoutWorkflow(definition), [definition]);
  const arrow = useId();
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: the drawing scrolls; a keyboard must reach it to scroll it.
    <section className="graph-scroll" aria-label={label} tabIndex={0}>
      <svg
        role="img"
        aria-label={graphSummary(label, layout.nodes.length, counts, current)}
        width={layout.width}
        height={layout.height}
        viewBox={`0 0 ${layout.width} ${layout.height}`}
        className="workflow-graph"
      >
        <defs>
          {(['next', 'choice', 'default', 'catch'] as const).map((kind) => (
            <marker
              key={kind}
              id={`${arrow}-${kind}`}
              viewBox="0 0 10 10"
              refX="9"
              refY="5"
              markerWidth="7"
              markerHeight="7"
              orient="auto-start-reverse"
            >
              <path d="M 0 0 L 10 5 L 0 10 z" className={`arrow arrow-${kind}`} />
            </marker>
          ))}
        </defs>
        <g>
          {layout.edges.map((edge) => (
            <Edge key={`${edge.from}-${edge.to}-${edge.kind}`} edge={edge} marker={`${arrow}-${edge.kind}`} />
          ))}
        </g>
        {layout.nodes.map((node) => (
          <Node
            key={node.name}
            node={node}
            count={counts[node.name] ?? 0}
            visited={visited?.has(node.name) ?? false}
            current={current === node.name}
          />
        ))}
      </svg>
    </section>
  );
}

function Edge({ edge, marker }: { edge: PlacedEdge; marker: string }) {
  const [a, b, c, d] = edge.points;
  if (!a || !b) return null;
  const path =
    edge.back && c && d
      ? `M ${a.x} ${a.y} C ${b.x} ${b.y} ${c.x} ${c.y} ${d.x} ${d.y}`
      : edge.points.map((p, i) => `${i === 0 ? 'M' : 'L'} ${p.x} ${p.y}`).join(' ');
  return (
    <path d={path} className={EDGE_CLASS[edge.kind]} markerEnd={`url(#${marker})`}>
      <title>{`${edge.from} → ${edge.to} (${edge.label ?? edge.kind})`}</title>
    </path>
  );
}

function Node({
  node,
  count,
  visited,
  current,
}: {
  node: PlacedNode;
  count: number;
  visited: boolean;
  current: boolean;
}) {
  const classes = ['state', `state-${node.type.toLowerCase()}`];
  if (node.terminal) classes.push('state-terminal');
  if (visited) classes.push('state-visited');
  if (current) classes.push('state-current');
  const words = [`${node.name} (${node.type})`];
  if (count > 0) words.push(`${count} running`);
  if (current) words.push('the selected order is here');
  else if (visited) words.push('the selected order passed here');
  return (
    <g className={classes.join(' ')} data-state={node.name}>
      <title>{words.join(': ')}</title>
      <rect
        x={node.x}
        y={node.y}
        width={node.width}
        height={node.height}
        rx={node.type === 'Choice' ? 18 : 6}
      />
      <text
        x={node.x + node.width / 2}
        y={node.y + node.height / 2}
        dominantBaseline="central"
        textAnchor="middle"
      >
        {node.name}
      </text>
      {count > 0 && (
        <g className="count-badge">
          <circle cx={node.x + node.width - 2} cy={node.y + 2} r={12} />
          <text x={node.x + node.width - 2} y={node.y + 2} dominantBaseline="central" textAnchor="middle">
            {count}
          </text>
        </g>
      )}
    </g>
  );
}
