import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type AslDefinition, AslDefinitionSchema } from '@coffee/backend/contracts';
import { describe, expect, it } from 'vitest';
import { edgesOf, LAYOUT, layoutWorkflow, type PlacedNode, withoutCatch } from './graph-layout';

/** A small workflow with every kind of transition and a loop. */
const DEFINITION: AslDefinition = {
  StartAt: 'Read',
  States: {
    Read: { Type: 'Task', Next: 'IsOpen', Catch: [{ ErrorEquals: ['States.ALL'], Next: 'Oops' }] },
    IsOpen: { Type: 'Choice', Choices: [{ Next: 'Wait' }], Default: 'Closed' },
    Wait: { Type: 'Wait', Next: 'Poll' },
    Poll: {
      Type: 'Task',
      Next: 'Done',
      Catch: [
        { ErrorEquals: ['States.Timeout'], Next: 'Wait' },
        { ErrorEquals: ['States.ALL'], Next: 'Oops' },
      ],
    },
    Closed: { Type: 'Succeed' },
    Oops: { Type: 'Fail' },
    Done: { Type: 'Pass', End: true },
  },
};

const byName = (nodes: PlacedNode[]) => Object.fromEntries(nodes.map((node) => [node.name, node]));

describe('edgesOf', () => {
  it('lists Next, Choice rules, Default and Catch targets, in declaration order', () => {
    expect(edgesOf(DEFINITION)).toEqual([
      { from: 'Read', to: 'IsOpen', kind: 'next' },
      { from: 'Read', to: 'Oops', kind: 'catch', label: 'States.ALL' },
      { from: 'IsOpen', to: 'Wait', kind: 'choice' },
      { from: 'IsOpen', to: 'Closed', kind: 'default' },
      { from: 'Wait', to: 'Poll', kind: 'next' },
      { from: 'Poll', to: 'Done', kind: 'next' },
      { from: 'Poll', to: 'Wait', kind: 'catch', label: 'States.Timeout' },
      { from: 'Poll', to: 'Oops', kind: 'catch', label: 'States.ALL' },
    ]);
  });

  it('leaves out transitions to unknown states and repeats', () => {
    const definition: AslDefinition = {
      StartAt: 'A',
      States: {
        A: {
          Type: 'Task',
          Next: 'Missing',
          Catch: [
            { ErrorEquals: ['X'], Next: 'B' },
            { ErrorEquals: ['Y'], Next: 'B' },
          ],
        },
        B: { Type: 'Succeed' },
      },
    };
    expect(edgesOf(definition)).toEqual([{ from: 'A', to: 'B', kind: 'catch', label: 'X' }]);
  });
});

describe('layoutWorkflow', () => {
  it('puts StartAt on top and every forward transition at least one row down', () => {
    // Act
    const layout = layoutWorkflow(DEFINITION);
    const nodes = byName(layout.nodes);

    // Assert
    expect(nodes.Read?.layer).toBe(0);
    expect(layout.nodes).toHaveLength(7);
    for (const edge of layout.edges.filter((e) => !e.back))
      expect(nodes[edge.to]?.layer).toBeGreaterThan(nodes[edge.from]?.layer as number);
  });

  it('places states on the longest path: a catch target sits below every state that reaches it', () => {
    const nodes = byName(layoutWorkflow(DEFINITION).nodes);
    expect(nodes.Oops?.layer).toBe((nodes.Poll?.layer as number) + 1);
    expect(nodes.Done?.layer).toBe((nodes.Poll?.layer as number) + 1);
  });

  it('draws the loop back as a curve round the right-hand side', () => {
    const layout = layoutWorkflow(DEFINITION);
    const loop = layout.edges.filter((edge) => edge.back);
    expect(loop.map(({ from, to }) => `${from}→${to}`)).toEqual(['Poll→Wait']);
    expect(loop[0]?.points).toHaveLength(4);
    expect(loop[0]?.points[1]?.x).toBeGreaterThan(Math.max(...layout.nodes.map((n) => n.x + n.width)));
    expect(layout.width).toBeGreaterThan(loop[0]?.points[1]?.x as number);
  });

  it('marks terminal states', () => {
    const nodes = byName(layoutWorkflow(DEFINITION).nodes);
    expect(
      Object.values(nodes)
        .filter((n) => n.terminal)
        .map((n) => n.name)
        .sort(),
    ).toEqual(['Closed', 'Done', 'Oops']);
  });

  it('lays out the real OrderProcessor without overlapping boxes, inside the drawing', () => {
    // Arrange
    const file = join(
      import.meta.dirname,
      '../../../../../../backend/statemachines/order-processor.asl.json',
    );
    const definition = AslDefinitionSchema.parse(JSON.parse(readFileSync(file, 'utf8')));

    // Act
    const layout = layoutWorkflow(definition);

    // Assert
    expect(layout.nodes.map((n) => n.name).sort()).toEqual(Object.keys(definition.States).sort());
    for (const a of layout.nodes) {
      expect(a.x + a.width).toBeLessThanOrEqual(layout.width);
      expect(a.y + a.height).toBeLessThanOrEqual(layout.height);
      for (const b of layout.nodes) {
        if (a === b || a.layer !== b.layer) continue;
        expect(Math.abs(a.x - b.x)).toBeGreaterThanOrEqual(LAYOUT.nodeWidth);
      }
    }
    expect(layout.nodes.find((n) => n.name === definition.StartAt)?.layer).toBe(0);
  });
});

describe('layoutWorkflow, edges spanning rows', () => {
  it('bends a long edge through a waypoint in each row between, clear of every box', () => {
    // Arrange: A → B → C → D, and A → D skipping two rows
    const definition: AslDefinition = {
      StartAt: 'A',
      States: {
        A: { Type: 'Task', Next: 'B', Catch: [{ ErrorEquals: ['States.ALL'], Next: 'D' }] },
        B: { Type: 'Pass', Next: 'C' },
        C: { Type: 'Pass', Next: 'D' },
        D: { Type: 'Succeed' },
      },
    };

    // Act
    const layout = layoutWorkflow(definition);

    // Assert
    const long = layout.edges.find((e) => e.from === 'A' && e.to === 'D');
    expect(long?.points).toHaveLength(2 + 2 * 2);
    for (const point of long?.points.slice(1, -1) ?? [])
      for (const node of layout.nodes)
        expect(
          point.x >= node.x &&
            point.x <= node.x + node.width &&
            point.y > node.y &&
            point.y < node.y + node.height,
        ).toBe(false);
  });
});

describe('withoutCatch', () => {
  it('drops every Catch clause and keeps the rest', () => {
    const edges = edgesOf(withoutCatch(DEFINITION));
    expect(edges.some((edge) => edge.kind === 'catch')).toBe(false);
    expect(edges).toHaveLength(5);
    expect(DEFINITION.States.Poll?.Catch).toHaveLength(2);
  });
});
