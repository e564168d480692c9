import { ErrorMessage } from '@coffee/app-shared';
import { useState } from 'react';
import { useCancelOrder } from '../api/use-order-actions';

/** Cancels the order after a second tap ("Yes, cancel"), so that a stray tap costs nothing. */
export function CancelOrderButton({ orderId }: { orderId: string }) {
  const cancel = useCancelOrder(orderId);
  const [confirming, setConfirming] = useState(false);
  return (
    <div className="cancel">
      {confirming ? (
        <div className="cancel-confirm">
          <span>Cancel this order?</span>
          <button
            type="button"
            className="coffee-button danger"
            disabled={cancel.isPending}
            onClick={() => cancel.mutate()}
          >
            {cancel.isPending ? 'Cancelling…' : 'Yes, cancel'}
          </button>
          <button type="button" className="coffee-button secondary" onClick={() => setConfirming(false)}>
            Keep it
          </button>
        </div>
      ) : (
        <button type="button" className="coffee-link-button" onClick={() => setConfirming(true)}>
          Cancel order
        </button>
      )}
      <ErrorMessage error={cancel.error} />
    </div>
  );
}
