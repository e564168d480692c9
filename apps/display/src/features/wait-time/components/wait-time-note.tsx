import { useWaitTimes, waitWords } from '@coffee/app-shared';

/**
 * The shop's usual wait on the overhead screen — "Usual wait about 4 min", the average from
 * submitted to ready over the last half hour — so that people deciding whether to order know.
 * Nothing while the shop has no recent completions, or when the figure cannot be had.
 */
export function WaitTimeNote({ shopId }: { shopId: string }) {
  const waits = useWaitTimes(shopId);
  const overall = waits.data?.overall;
  if (!overall) return null;
  return (
    <aside className="wait-note" aria-label="Wait time">
      Usual wait <strong>{waitWords(overall.averageSeconds)}</strong>
    </aside>
  );
}
