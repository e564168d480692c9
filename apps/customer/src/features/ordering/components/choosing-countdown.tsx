import { useNow } from '@coffee/app-shared';

/** `m:ss` of a number of seconds. */
export function formatSeconds(seconds: number): string {
  const whole = Math.max(0, Math.ceil(seconds));
  return `${Math.floor(whole / 60)}:${String(whole % 60).padStart(2, '0')}`;
}

/**
 * The time left to choose: `seconds` (the order's own customer timeout, its `chooseSeconds`)
 * counted from `since`, when the order was admitted (`CREATED`). When it runs out the backend
 * cancels the order; this only shows it.
 */
export function ChoosingCountdown({ since, seconds }: { since: string; seconds: number }) {
  const now = useNow(1000);
  const left = (Date.parse(since) + seconds * 1000 - now) / 1000;
  const urgent = left <= 30;
  return (
    <p className="countdown" role="timer" data-urgent={urgent || undefined}>
      {left > 0 ? (
        <>
          <strong>{formatSeconds(left)}</strong> left to choose
        </>
      ) : (
        'Time is up'
      )}
    </p>
  );
}
