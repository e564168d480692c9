import { AppLayout, EmailCodeSignInForm, useAuth, useShopConfig } from '@coffee/app-shared';
import { DEFAULT_SHOP_ID, parseOrderLink } from '@coffee/backend/contracts';
import { type ReactNode, useEffect, useRef } from 'react';
import { OrderHistory } from '../features/history/components/order-history';
import { useOrderUpdates } from '../features/ordering/api/use-order-updates';
import { OrderView } from '../features/ordering/components/order-view';
import { PlaceOrder } from '../features/ordering/components/place-order';
import { navigate, useSearch } from '../lib/navigation';

/** The signed-in customer's home: the shop's state and their orders. */
function Home() {
  const config = useShopConfig(DEFAULT_SHOP_ID);
  return (
    <>
      {config.data && !config.data.open && (
        <p className="notice" role="status">
          {config.data.name} is closed right now.
        </p>
      )}
      <OrderHistory menu={config.data?.menu} />
    </>
  );
}

/** Why to sign in, and the form: an email and a one-time code, no password. */
function SignIn({ ordering }: { ordering: boolean }) {
  return (
    <div className="sign-in">
      <p className="intro">
        {ordering
          ? 'Sign in with your email to place your order. It takes a few seconds: we email you a code.'
          : 'Sign in with your email to see your orders. To order, scan the QR code on the screen.'}
      </p>
      <EmailCodeSignInForm />
    </div>
  );
}

/**
 * Drops the link to an order (`?order=`) once its customer is no longer the one signed in (signed
 * out here or in another tab, or someone else signed in): the order is theirs, and whoever signs
 * in next on this phone would only be told that it cannot be found.
 */
function useDropOrderLinkOnSignOut(userId: string | undefined): void {
  const previous = useRef(userId);
  useEffect(() => {
    const left = previous.current !== undefined && previous.current !== userId;
    previous.current = userId;
    if (left && new URLSearchParams(window.location.search).has('order')) navigate({}, { replace: true });
  }, [userId]);
}

/**
 * The customer app's screens, chosen by the URL: `?shop=&token=` (the QR code) places an order
 * once signed in, `?order=` follows one (until its customer signs out), nothing shows the customer's
 * orders.
 */
export function App() {
  const { status, identity } = useAuth();
  const search = useSearch();
  useOrderUpdates(identity?.userId);
  useDropOrderLinkOnSignOut(identity?.userId);
  const params = new URLSearchParams(search);
  const link = parseOrderLink(`http://app/${search}`);
  const orderId = params.get('order');

  let page: ReactNode;
  if (status === 'loading') page = <p className="placeholder">Loading…</p>;
  else if (status === 'signed-out') page = <SignIn ordering={link !== undefined} />;
  else if (link) page = <PlaceOrder key={link.token} link={link} />;
  else if (orderId) page = <OrderView key={orderId} orderId={orderId} />;
  else page = <Home />;

  return (
    <AppLayout title="Order coffee">
      {orderId && status === 'signed-in' && (
        <nav className="back">
          <a
            href="?"
            onClick={(event) => {
              event.preventDefault();
              navigate({});
            }}
          >
            ← Your orders
          </a>
        </nav>
      )}
      {page}
    </AppLayout>
  );
}
