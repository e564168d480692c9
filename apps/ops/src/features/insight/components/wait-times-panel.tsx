import { ErrorMessage, queryKeys, useTopic, useWaitTimes, waitWords } from '@coffee/app-shared';
import { EventType, shopQueueTopic } from '@coffee/backend/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { DrinkWaitChart, OrdersPerMinuteChart } from './wait-charts';

/**
 * The operator's wait-time section: the window's average and p90 (submitted → ready), orders per
 * minute with the wait as a chart, and the wait per drink. Refreshed when an order is completed.
 */
export function WaitTimesPanel({ shopId }: { shopId: string }) {
  const waits = useWaitTimes(shopId);
  const queryClient = useQueryClient();
  useTopic(shopQueueTopic(shopId), (message) => {
    if (message.type === EventType.OrderCompleted || message.type === EventType.OrderSubmitted)
      void queryClient.invalidateQueries({ queryKey: queryKeys.waitTimes(shopId) });
  });
  return (
    <section aria-labelledby="wait-heading" className="panel wait-panel">
      <h2 id="wait-heading">Wait times</h2>
      {waits.isPending && <p role="status">Loading wait times…</p>}
      {waits.isError && <ErrorMessage error={waits.error} />}
      {waits.data && (
        <>
          <p className="wait-summary">
            {waits.data.overall
              ? `Last ${waits.data.windowMinutes} min: ${waits.data.overall.count} ready, average ${waitWords(
                  waits.data.overall.averageSeconds,
                )}, p90 ${waitWords(waits.data.overall.p90Seconds)} (submitted → ready).`
              : `No order was made ready in the last ${waits.data.windowMinutes} min.`}
          </p>
          <OrdersPerMinuteChart data={waits.data} />
          <h3>Wait per drink (average / p90)</h3>
          <DrinkWaitChart data={waits.data} />
        </>
      )}
    </section>
  );
}
