import type { AslDefinition } from '@coffee/backend/contracts';

/** Why one state leads to another: `Next`, a Choice rule, a Choice's `Default`, or a `Catch`. */
export type EdgeKind = 'next' | 'choice' | 'default' | 'catch';

/** One transition of the definition. */
export interface GraphEdge {
  from: string;
  to: string;
  kind: EdgeKind;
  /** For a `catch`, the errors it catches (`States.Timeout`, …). */
  label?: string;
}

/** A point of the drawing, in SVG user units. */
export interface Point {
  x: number;
  y: number;
}

/** A state placed on the drawing: its box's top-left corner and size. */
export interface PlacedNode {
  name: string;
  type: string;
  /** The row, 0 for `StartAt`: every forward transition goes down at least one row. */
  layer: number;
  x: number;
  y: number;
  width: number;
  height: number;
  /** Whether the execution ends here (`End`, Succeed, Fail). */
  terminal: boolean;
}

/** A transition placed on the drawing: a line down (bending at waypoints), or a cubic curve back up (a loop). */
export interface PlacedEdge extends GraphEdge {
  /** The polyline for a forward edge (start, waypoints, end); `[start, control1, control2, end]` for a back edge. */
  points: Point[];
  back: boolean;
}

/** The whole drawing. */
export interface GraphLayout {
  nodes: PlacedNode[];
  edges: PlacedEdge[];
  width: number;
  height: number;
}

/** Box size and spacing of the drawing. */
export const LAYOUT = {
  nodeWidth: 176,
  nodeHeight: 36,
  gapX: 24,
  gapY: 56,
  margin: 24,
  waypointWidth: 10,
} as const;

/** The id prefix of a waypoint: a bend of an edge that spans several rows (never a state name). */
const WAYPOINT = '\u0000';

/** Barycenter sweeps that untangle the rows (a few are enough for a workflow of tens of states). */
const SWEEPS = 4;

/**
 * The transitions of an ASL definition's top-level states, in declaration order: `Next`, each
 * Choice rule's `Next`, the `Default`, each `Catch` target. A transition to a state that does not
 * exist is left out; repeats (two Catch clauses to the same state) count once.
 */
export function edgesOf(definition: AslDefinition): GraphEdge[] {
  const edges: GraphEdge[] = [];
  const seen = new Set<string>();
  const add = (edge: GraphEdge) => {
    const key = `${edge.from}\u0000${edge.to}\u0000${edge.kind}`;
    if (seen.has(key) || !(edge.to in definition.States)) return;
    seen.add(key);
    edges.push(edge);
  };
  for (const [name, state] of Object.entries(definition.States)) {
    if (state.Next) add({ from: name, to: state.Next, kind: 'next' });
    for (const choice of state.Choices ?? []) add({ from: name, to: choice.Next, kind: 'choice' });
    if (state.Default) add({ from: name, to: state.Default, kind: 'default' });
    for (const caught of state.Catch ?? [])
      add({ from: name, to: caught.Next, kind: 'catch', label: caught.ErrorEquals.join(', ') });
  }
  return edges;
}

/**
 * The definition without its `Catch` clauses: the happy paths only, for a less crowded drawing
 * (error handlers that nothing else reaches then stand apart).
 */
export function withoutCatch(definition: AslDefinition): AslDefinition {
  return {
    ...definition,
    States: Object.fromEntries(
      Object.entries(definition.States).map(([name, { Catch: _, ...state }]) => [name, state]),
    ),
  };
}

/**
 * A layered drawing of the definition, computed in code (a simple Sugiyama-style layout):
 * 1. back edges (those closing a loop, found by a depth-first walk from `StartAt`) are set aside;
 * 2. each state's row is the longest path to it from `StartAt`, so every transition goes down;
 * 3. an edge spanning several rows gets a waypoint in each row between; the states and waypoints
 *    of each row are ordered by the mean position of their neighbours, sweeping down and up a few
 *    times, which removes most crossings;
 * 4. rows are centred; forward edges run from the bottom of one box through their waypoints to the
 *    top of the next, so they pass between boxes; back edges curve round the right-hand side.
 */
export function layoutWorkflow(definition: AslDefinition): GraphLayout {
  const names = Object.keys(definition.States);
  const edges = edgesOf(definition);
  const outgoing = new Map(names.map((name) => [name, [] as GraphEdge[]]));
  for (const edge of edges) outgoing.get(edge.from)?.push(edge);

  // 1. Depth-first from StartAt, then from any state it does not reach: edges to a state on the stack are back edges.
  const back = new Set<GraphEdge>();
  const visited = new Set<string>();
  const onStack = new Set<string>();
  const discovery: string[] = [];
  const visit = (name: string) => {
    visited.add(name);
    onStack.add(name);
    discovery.push(name);
    for (const edge of outgoing.get(name) ?? []) {
      if (onStack.has(edge.to)) back.add(edge);
      else if (!visited.has(edge.to)) visit(edge.to);
    }
    onStack.delete(name);
  };
  const roots = definition.StartAt in definition.States ? [definition.StartAt, ...names] : names;
  for (const root of roots) if (!visited.has(root)) visit(root);

  // 2. Longest path over the forward edges, in topological order (Kahn).
  const forward = edges.filter((edge) => !back.has(edge));
  const indegree = new Map(names.map((name) => [name, 0]));
  for (const edge of forward) indegree.set(edge.to, (indegree.get(edge.to) ?? 0) + 1);
  const layer = new Map(names.map((name) => [name, 0]));
  const ready = discovery.filter((name) => indegree.get(name) === 0);
  while (ready.length > 0) {
    const name = ready.shift() as string;
    for (const edge of forward) {
      if (edge.from !== name) continue;
      layer.set(edge.to, Math.max(layer.get(edge.to) ?? 0, (layer.get(name) ?? 0) + 1));
      const left = (indegree.get(edge.to) ?? 0) - 1;
      indegree.set(edge.to, left);
      if (left === 0) ready.push(edge.to);
    }
  }

  // 3. Rows in discovery order; an edge spanning several rows gets a waypoint in each row between,
  //    so that it bends round the boxes instead of running through them. Then barycenter sweeps.
  const rowCount = Math.max(0, ...[...layer.values()].map((r) => r + 1));
  const rows: string[][] = Array.from({ length: rowCount }, () => []);
  for (const name of discovery) rows[layer.get(name) ?? 0]?.push(name);
  const up = new Map<string, string[]>();
  const down = new Map<string, string[]>();
  const link = (a: string, b: string) => {
    down.set(a, [...(down.get(a) ?? []), b]);
    up.set(b, [...(up.get(b) ?? []), a]);
  };
  const waypoints = new Map<GraphEdge, string[]>();
  forward.forEach((edge, e) => {
    const top = layer.get(edge.from) ?? 0;
    const bottom = layer.get(edge.to) ?? 0;
    const chain = [];
    for (let r = top + 1; r < bottom; r++) {
      const id = `${WAYPOINT}${e}:${r}`;
      rows[r]?.push(id);
      chain.push(id);
    }
    waypoints.set(edge, chain);
    [edge.from, ...chain, edge.to].reduce((a, b) => {
      link(a, b);
      return b;
    });
  });
  const position = new Map<string, number>();
  const place = (row: string[]) => {
    for (const [i, name] of row.entries()) position.set(name, i / Math.max(1, row.length - 1));
  };
  for (const row of rows) place(row);
  for (let sweep = 0; sweep < SWEEPS; sweep++) {
    const downwards = sweep % 2 === 0;
    const order = downwards ? [...rows.keys()] : [...rows.keys()].reverse();
    for (const r of order) {
      const row = rows[r] as string[];
      const weight = new Map(
        row.map((name) => {
          const linked = (downwards ? up : down).get(name) ?? [];
          const mean =
            linked.length === 0
              ? (position.get(name) ?? 0)
              : linked.reduce((sum, other) => sum + (position.get(other) ?? 0), 0) / linked.length;
          return [name, mean];
        }),
      );
      row.sort((a, b) => (weight.get(a) ?? 0) - (weight.get(b) ?? 0));
      place(row);
    }
  }

  // 4. Coordinates: boxes and waypoints left to right, each row centred.
  const { nodeWidth, nodeHeight, gapX, gapY, margin, waypointWidth } = LAYOUT;
  const widthOf = (id: string) => (id.startsWith(WAYPOINT) ? waypointWidth : nodeWidth);
  const gapBetween = (a: string, b: string) =>
    a.startsWith(WAYPOINT) || b.startsWith(WAYPOINT) ? waypointWidth : gapX;
  const rowWidth = (row: string[]) =>
    row.reduce((sum, id, i) => sum + widthOf(id) + (i > 0 ? gapBetween(row[i - 1] as string, id) : 0), 0);
  const contentWidth = Math.max(nodeWidth, ...rows.map(rowWidth));
  const loopRoom = back.size > 0 ? 48 : 0;
  const nodes: PlacedNode[] = [];
  const placed = new Map<string, PlacedNode>();
  const waypointX = new Map<string, number>();
  const rowTop = (r: number) => margin + r * (nodeHeight + gapY);
  rows.forEach((row, r) => {
    let x = margin + (contentWidth - rowWidth(row)) / 2;
    row.forEach((id, i) => {
      if (i > 0) x += gapBetween(row[i - 1] as string, id);
      if (id.startsWith(WAYPOINT)) waypointX.set(id, x + waypointWidth / 2);
      else {
        const state = definition.States[id];
        const type = state?.Type ?? 'Unknown';
        const node: PlacedNode = {
          name: id,
          type,
          layer: r,
          x,
          y: rowTop(r),
          width: nodeWidth,
          height: nodeHeight,
          terminal: state?.End === true || type === 'Succeed' || type === 'Fail',
        };
        nodes.push(node);
        placed.set(id, node);
      }
      x += widthOf(id);
    });
  });
  let loops = 0;
  const placedEdges: PlacedEdge[] = edges.map((edge) => {
    const from = placed.get(edge.from) as PlacedNode;
    const to = placed.get(edge.to) as PlacedNode;
    if (!back.has(edge)) {
      const through = (waypoints.get(edge) ?? []).flatMap((id) => {
        const r = Number(id.split(':')[1]);
        const x = waypointX.get(id) ?? 0;
        return [
          { x, y: rowTop(r) },
          { x, y: rowTop(r) + nodeHeight },
        ];
      });
      return {
        ...edge,
        back: false,
        points: [
          { x: from.x + from.width / 2, y: from.y + from.height },
          ...through,
          { x: to.x + to.width / 2, y: to.y },
        ],
      };
    }
    const start = { x: from.x + from.width, y: from.y + from.height / 2 };
    const end = { x: to.x + to.width, y: to.y + to.height / 2 };
    // Outside every row, each loop a little further out so that they stay apart.
    const bulge = margin + contentWidth + 12 + (loops++ % 4) * 10;
    return {
      ...edge,
      back: true,
      points: [start, { x: bulge, y: start.y }, { x: bulge, y: end.y }, end],
    };
  });
  return {
    nodes,
    edges: placedEdges,
    width: contentWidth + 2 * margin + loopRoom,
    height: rows.length * nodeHeight + Math.max(0, rows.length - 1) * gapY + 2 * margin,
  };
}
