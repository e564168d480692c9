import { ErrorMessage } from '@coffee/app-shared';
import { useMemo, useState } from 'react';
import { useWorkflow } from '../api/use-workflow';
import { withoutCatch } from '../utils/graph-layout';
import { WorkflowGraph } from './workflow-graph';

/**
 * The workflow section: the OrderProcessor's graph with live counts of running executions per
 * state, and the selected order's path through it.
 */
export function WorkflowPanel({
  shopId,
  visited,
  current,
}: {
  shopId: string;
  visited?: ReadonlySet<string>;
  current?: string | undefined;
}) {
  const workflow = useWorkflow(shopId);
  const [showCatch, setShowCatch] = useState(true);
  const definition = workflow.data?.definition;
  const drawn = useMemo(
    () => (definition && !showCatch ? withoutCatch(definition) : definition),
    [definition, showCatch],
  );
  return (
    <section aria-labelledby="workflow-heading" className="panel workflow-panel">
      <h2 id="workflow-heading">Workflow {workflow.data ? `— ${workflow.data.name}` : ''}</h2>
      {workflow.isPending && <p role="status">Loading the workflow…</p>}
      {workflow.isError && <ErrorMessage error={workflow.error} />}
      {workflow.data && (
        <>
          <p role="status" className="running-total">
            {workflow.data.running} running {workflow.data.running === 1 ? 'execution' : 'executions'}
          </p>
          <RunningNow counts={workflow.data.counts} />
          <Legend />
          <label className="catch-toggle">
            <input
              type="checkbox"
              checked={showCatch}
              onChange={(event) => setShowCatch(event.target.checked)}
            />
            Show Catch transitions
          </label>
          <WorkflowGraph
            definition={drawn ?? workflow.data.definition}
            counts={workflow.data.counts}
            label={`${workflow.data.name} states`}
            {...(visited && { visited })}
            current={current}
          />
        </>
      )}
    </section>
  );
}

/** The states with running executions, most first: the graph's badges as a list. */
function RunningNow({ counts }: { counts: Readonly<Record<string, number>> }) {
  const states = Object.entries(counts)
    .filter(([, n]) => n > 0)
    .sort(([a, x], [b, y]) => y - x || a.localeCompare(b));
  if (states.length === 0) return null;
  return (
    <ul className="running-now" aria-label="Running now">
      {states.map(([state, n]) => (
        <li key={state}>
          {state}: {n}
        </li>
      ))}
    </ul>
  );
}

function Legend() {
  return (
    <ul className="legend" aria-label="Legend">
      <li className="legend-next">Next</li>
      <li className="legend-choice">Choice / Default</li>
      <li className="legend-catch">Catch</li>
      <li className="legend-count">Running executions</li>
      <li className="legend-visited">The selected order’s path</li>
    </ul>
  );
}
