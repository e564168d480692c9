import { useWaitTimes, waitWords } from '@coffee/app-shared';

/**
 * How long orders take at the shop right now (submitted → ready over the last half hour), for the
 * customer waiting for theirs: their drink's average when the shop made it lately, else the
 * average of every drink. Nothing while the shop has no recent completions or the figure cannot
 * be had: a wait time is a nicety.
 */
export function WaitEstimate({ shopId, drinkId }: { shopId: string; drinkId?: string | undefined }) {
  const waits = useWaitTimes(shopId);
  const stats = waits.data?.drinks.find((drink) => drink.drinkId === drinkId) ?? waits.data?.overall;
  if (!stats) return null;
  return (
    <aside className="wait-estimate" aria-label="Wait time">
      <p>
        Orders are usually ready in <strong>{waitWords(stats.averageSeconds)}</strong>.
      </p>
    </aside>
  );
}
