import { useEffect, useState } from 'react';

/**
 * The current time (epoch ms), re-read every `intervalMs` while `active`: one clock for a whole
 * screen, so that every timer on it moves in step and only one interval runs.
 */
export function useNow(intervalMs = 1000, active = true): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!active) return;
    setNow(Date.now());
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs, active]);
  return now;
}
