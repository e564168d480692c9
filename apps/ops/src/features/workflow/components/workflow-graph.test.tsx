import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { DEFINITION } from '../../../testing/fixtures';
import { graphSummary, WorkflowGraph } from './workflow-graph';

describe('WorkflowGraph', () => {
  it('draws every state as one image named by what it shows, with badges for running executions', () => {
    // Act
    const { container } = render(
      <WorkflowGraph definition={DEFINITION} counts={{ WaitForCompletion: 3 }} label="OrderProcessor" />,
    );

    // Assert
    expect(
      screen.getByRole('img', { name: 'OrderProcessor: 6 states; running: WaitForCompletion 3' }),
    ).toBeTruthy();
    expect(container.querySelectorAll('[data-state]')).toHaveLength(6);
    const waiting = container.querySelector('[data-state="WaitForCompletion"]');
    expect(waiting?.querySelector('.count-badge')?.textContent).toBe('3');
    expect(waiting?.querySelector('title')?.textContent).toBe('WaitForCompletion (Task): 3 running');
    expect(container.querySelector('[data-state="IsShopOpen"]')?.classList.contains('state-choice')).toBe(
      true,
    );
  });

  it('scrolls in a named region that a keyboard can reach, the drawing inside it', () => {
    // Act
    render(<WorkflowGraph definition={DEFINITION} label="OrderProcessor" />);

    // Assert
    const scroller = screen.getByRole('region', { name: 'OrderProcessor' });
    expect(scroller.classList.contains('graph-scroll')).toBe(true);
    expect(scroller.getAttribute('tabindex')).toBe('0');
    expect(within(scroller).getByRole('img', { name: /^OrderProcessor: 6 states/ })).toBeTruthy();
  });

  it('draws an arrow per transition, Catch and Default included', () => {
    const { container } = render(<WorkflowGraph definition={DEFINITION} />);
    expect(container.querySelectorAll('path.edge')).toHaveLength(5);
    expect(container.querySelectorAll('path.edge-catch')).toHaveLength(1);
    expect(container.querySelectorAll('path.edge-default')).toHaveLength(1);
  });

  it('highlights the path of the selected order and where it is', () => {
    // Act
    const { container } = render(
      <WorkflowGraph
        definition={DEFINITION}
        visited={new Set(['ReadShop', 'IsShopOpen', 'WaitForCompletion'])}
        current="WaitForCompletion"
      />,
    );

    // Assert
    expect(screen.getByRole('img', { name: /the selected order is at WaitForCompletion$/ })).toBeTruthy();
    const classes = (state: string) => [
      ...(container.querySelector(`[data-state="${state}"]`)?.classList ?? []),
    ];
    expect(classes('WaitForCompletion')).toContain('state-current');
    expect(classes('ReadShop')).toContain('state-visited');
    expect(classes('Done')).not.toContain('state-visited');
  });
});

describe('graphSummary', () => {
  it('says when nothing runs', () => {
    expect(graphSummary('X', 2, { A: 0 }, undefined)).toBe('X: 2 states; nothing running');
  });
});
