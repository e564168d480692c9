import { type Order, OrderState } from '@coffee/backend/contracts';
import { useEffect, useRef } from 'react';
import { STATE_LABELS } from '../order-words';

/** Two long buzzes: the drink is ready. */
export const READY_VIBRATION = [400, 200, 400];

/** One buzz: someone else ended the order (a barista, the timeout, a fault). */
export const ENDED_VIBRATION = [400];

/**
 * What the page's title starts with while an order is followed, e.g. `Ready for pickup · #12`: a
 * browser tab and the phone's app switcher show the start of a page's title.
 */
function orderTitle(order: Order): string {
  const number = order.orderNumber === undefined ? '' : ` · #${order.orderNumber}`;
  return `${STATE_LABELS[order.state]}${number}`;
}

/**
 * How the phone buzzes for an order that was `before` a moment ago and is `now` as it is: for a
 * drink now ready, and for an order someone else ended. None for an order opened as it was
 * (nothing happened while watched), nor for the customer's own cancellation.
 */
function alertVibration(before: OrderState | undefined, now: Order): number[] | undefined {
  if (before === undefined || before === now.state) return undefined;
  if (now.state === OrderState.Ready) return READY_VIBRATION;
  if (now.state === OrderState.Cancelled && now.by !== 'customer') return ENDED_VIBRATION;
  return undefined;
}

/**
 * Tells a customer who looks away what became of their order: the page's title follows it (what a
 * tab and the app switcher show; restored when the order is left), and the phone buzzes when the
 * drink is ready or the order was ended for them (see {@link alertVibration}), where the browser
 * vibrates: Android's while the page is showing, not iPhones'.
 */
export function useOrderAlerts(order: Order): void {
  const seen = useRef<OrderState | undefined>(undefined);
  useEffect(() => {
    const vibration = alertVibration(seen.current, order);
    seen.current = order.state;
    if (vibration) navigator.vibrate?.(vibration);
  }, [order]);

  const title = orderTitle(order);
  useEffect(() => {
    const appTitle = document.title;
    document.title = `${title} · ${appTitle}`;
    return () => {
      document.title = appTitle;
    };
  }, [title]);
}
