import { useSyncExternalStore } from 'react';

/**
 * The app's few screens live in the query string (`?shop=&token=` from the QR code, `?order=`),
 * so the history API is all the routing it needs: no router in the bundle.
 */
const NAVIGATED = 'coffee:navigated';

function subscribe(onChange: () => void): () => void {
  window.addEventListener('popstate', onChange);
  window.addEventListener(NAVIGATED, onChange);
  return () => {
    window.removeEventListener('popstate', onChange);
    window.removeEventListener(NAVIGATED, onChange);
  };
}

/** The current URL's query string (`?…`), re-rendering on navigation. */
export function useSearch(): string {
  return useSyncExternalStore(subscribe, () => window.location.search);
}

/**
 * Goes to `params` on the app's own path. `replace` swaps the history entry (used to drop the QR
 * token from the URL once used, so that Back or a reload never posts it again).
 */
export function navigate(params: Record<string, string>, options: { replace?: boolean } = {}): void {
  const query = new URLSearchParams(params).toString();
  const url = `${window.location.pathname}${query ? `?${query}` : ''}`;
  if (options.replace) window.history.replaceState(null, '', url);
  else window.history.pushState(null, '', url);
  window.dispatchEvent(new Event(NAVIGATED));
}
