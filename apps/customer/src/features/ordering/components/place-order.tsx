import { ERROR_MESSAGES, errorMessage, isApiError } from '@coffee/app-shared';
import { ErrorCode, isOpenState, type OrderLink } from '@coffee/backend/contracts';
import { useCallback, useEffect, useRef } from 'react';
import { navigate } from '../../../lib/navigation';
import { useMyOrders } from '../../history/api/use-my-orders';
import { usePlaceOrder } from '../api/use-place-order';

/** What the customer can do about each refusal of the QR code, beyond the message. */
const ADVICE: Partial<Record<string, string>> = {
  [ErrorCode.TokenExpired]: 'Codes change every few minutes: scan the one on the screen now.',
  [ErrorCode.TokenUsedUp]: 'Each code admits a few drinks; the screen shows when new orders open.',
  [ErrorCode.QueueFull]: 'Scan the code again in a few minutes.',
};

function OpenOrderLink() {
  const orders = useMyOrders();
  const open = orders.data?.orders.find((order) => isOpenState(order.state));
  if (!open) return null;
  return (
    <button type="button" className="coffee-button" onClick={() => navigate({ order: open.orderId })}>
      Go to your open order
    </button>
  );
}

/**
 * Posts the QR code's token once signed in, then shows the order (the token leaves the URL). A
 * refusal says why and what to do: used up, expired, shop closed, queue full, an order already
 * open, the daily limit.
 */
export function PlaceOrder({ link }: { link: OrderLink }) {
  const place = usePlaceOrder();
  const posted = useRef<string | undefined>(undefined);
  const { mutate } = place;
  const post = useCallback(
    () => mutate(link, { onSuccess: ({ orderId }) => navigate({ order: orderId }, { replace: true }) }),
    [link, mutate],
  );

  useEffect(() => {
    if (posted.current === link.token) return;
    posted.current = link.token;
    post();
  }, [link.token, post]);

  if (place.error) {
    const code = isApiError(place.error) ? place.error.code : undefined;
    const retryable = isApiError(place.error) && place.error.retryable;
    return (
      <section className="status ended" aria-labelledby="refused">
        <h2 id="refused">We could not take this order</h2>
        <p role="alert" className="coffee-error">
          {code ? ERROR_MESSAGES[code] : errorMessage(place.error)}
        </p>
        {code && ADVICE[code] && <p>{ADVICE[code]}</p>}
        {code === ErrorCode.OrderOpen && <OpenOrderLink />}
        {retryable && (
          <button type="button" className="coffee-button" onClick={post}>
            Try again
          </button>
        )}
        <button type="button" className="coffee-link-button" onClick={() => navigate({})}>
          See your orders
        </button>
      </section>
    );
  }
  return (
    <section className="status" aria-live="polite">
      <h2>Placing your order…</h2>
      <p>Checking your code with the coffee bar.</p>
    </section>
  );
}
