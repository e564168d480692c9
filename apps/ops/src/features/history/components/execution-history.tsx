import { ErrorMessage } from '@coffee/app-shared';
import type { OrderHistoryResponse } from '@coffee/backend/contracts';
import { durationWords, historyRows, prettyJson } from '../utils/history-summary';

/**
 * One execution's history as the Step Functions console shows it: status and times, then every
 * event — its id, type, state, time since the start and since the event before — with its input,
 * output, parameters or error to unfold.
 */
export function ExecutionHistory({ history }: { history: OrderHistoryResponse }) {
  const rows = historyRows(history.events);
  const ran =
    history.stopDate !== undefined
      ? durationWords(Date.parse(history.stopDate) - Date.parse(history.startDate))
      : undefined;
  return (
    <div className="execution-history">
      <dl className="execution-facts">
        <dt>Status</dt>
        <dd>{history.status}</dd>
        <dt>Started</dt>
        <dd>{new Date(history.startDate).toLocaleTimeString()}</dd>
        {ran && (
          <>
            <dt>Duration</dt>
            <dd>{ran}</dd>
          </>
        )}
        <dt>Execution</dt>
        <dd className="arn">{history.executionArn}</dd>
      </dl>
      {history.truncated && <p>Only the first {history.events.length} events are shown.</p>}
      <table className="history-table">
        <caption>Events of order {history.orderId}</caption>
        <thead>
          <tr>
            <th scope="col">#</th>
            <th scope="col">Type</th>
            <th scope="col">State</th>
            <th scope="col">Since start</th>
            <th scope="col">Step</th>
            <th scope="col">Details</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(({ event, sinceStartMs, sincePreviousMs }) => (
            <tr
              key={event.id}
              className={event.type.endsWith('Failed') || event.type.endsWith('TimedOut') ? 'failed' : ''}
            >
              <td>{event.id}</td>
              <td>{event.type}</td>
              <td>{event.stateName ?? ''}</td>
              <td>{durationWords(sinceStartMs)}</td>
              <td>{durationWords(sincePreviousMs)}</td>
              <td>
                <EventDetails event={event} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function EventDetails({ event }: { event: OrderHistoryResponse['events'][number] }) {
  const parts = (['input', 'output', 'parameters'] as const).filter((field) => event[field] !== undefined);
  return (
    <>
      {event.resource && <div className="resource">{event.resource}</div>}
      {event.error && (
        <div className="event-error">
          {event.error}
          {event.cause ? `: ${event.cause}` : ''}
        </div>
      )}
      {parts.map((field) => (
        <details key={field}>
          <summary>{field[0]?.toUpperCase() + field.slice(1)}</summary>
          <pre>{prettyJson(event[field] as string)}</pre>
        </details>
      ))}
    </>
  );
}

/** The history section's body for a query's state: loading, error or the history. */
export function ExecutionHistoryState({
  orderId,
  history,
  error,
  isPending,
}: {
  orderId: string | undefined;
  history: OrderHistoryResponse | undefined;
  error: unknown;
  isPending: boolean;
}) {
  if (!orderId) return <p>Pick an order to see its execution.</p>;
  if (error) return <ErrorMessage error={error} />;
  if (isPending || !history) return <p role="status">Loading the history…</p>;
  return <ExecutionHistory history={history} />;
}
