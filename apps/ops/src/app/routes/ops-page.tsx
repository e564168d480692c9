import { useMemo, useState } from 'react';
import { useOrderHistory } from '../../features/history/api/use-order-history';
import { ExecutionHistoryState } from '../../features/history/components/execution-history';
import { OrderPicker } from '../../features/history/components/order-picker';
import { pathOf } from '../../features/history/utils/history-summary';
import { WaitTimesPanel } from '../../features/insight/components/wait-times-panel';
import { WorkflowPanel } from '../../features/workflow/components/workflow-panel';

/**
 * The ops page: the OrderProcessor graph with live counts beside the execution of the order
 * picked (its path highlighted on the graph), and the shop's wait times below.
 */
export function OpsPage({ shopId }: { shopId: string }) {
  const [orderId, setOrderId] = useState<string>();
  const history = useOrderHistory(shopId, orderId);
  const path = useMemo(() => (history.data ? pathOf(history.data.events) : undefined), [history.data]);
  return (
    <div className="ops-page">
      <WorkflowPanel shopId={shopId} {...(path && { visited: path.visited })} current={path?.current} />
      <section aria-labelledby="execution-heading" className="panel execution-panel">
        <h2 id="execution-heading">Order execution</h2>
        <OrderPicker shopId={shopId} selected={orderId} onSelect={setOrderId} />
        <ExecutionHistoryState
          orderId={orderId}
          history={history.data}
          error={history.error}
          isPending={history.isPending}
        />
      </section>
      <WaitTimesPanel shopId={shopId} />
    </div>
  );
}
