import { useEffect, useState } from 'react';
import { useConnectionStatus } from '../realtime/realtime-provider';

/** Whether the browser says it has a network, kept up to date. */
function useBrowserOnline(): boolean {
  const [online, setOnline] = useState(() => typeof navigator === 'undefined' || navigator.onLine !== false);
  useEffect(() => {
    const update = () => setOnline(navigator.onLine !== false);
    window.addEventListener('online', update);
    window.addEventListener('offline', update);
    return () => {
      window.removeEventListener('online', update);
      window.removeEventListener('offline', update);
    };
  }, []);
  return online;
}

/**
 * A banner shown while live updates are down (the realtime link lost, or the browser offline),
 * announced politely to screen readers. It takes no room while online, so nothing jumps.
 */
export function OfflineIndicator() {
  const status = useConnectionStatus();
  const browserOnline = useBrowserOnline();
  const offline = !browserOnline || status === 'offline';
  return (
    <div className="coffee-offline" role="status" aria-live="polite" data-offline={offline}>
      {offline ? 'Offline — live updates paused. Reconnecting…' : ''}
    </div>
  );
}
