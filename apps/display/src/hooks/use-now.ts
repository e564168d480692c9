import { useEffect, useState } from 'react';

/**
 * The current time (epoch ms), re-read every `intervalMs`: one clock for a whole screen, so that
 * every timer on it moves in step and only one interval runs.
 */
export function useNow(intervalMs = 1000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}
