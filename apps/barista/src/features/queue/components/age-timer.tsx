import { AGE_LEVEL_LABEL, ageLevel, formatDuration, spokenDuration } from '../utils/age';

/** Props of {@link AgeTimer}. */
export interface AgeTimerProps {
  /** When the wait started (epoch ms). */
  since: number;
  /** The current time (epoch ms), ticked by the board so that every timer moves together. */
  now: number;
  /** The shop's barista timeout, which the colours are relative to. */
  baristaTimeoutSeconds: number;
  /** A ready order's timer counts time since ready and is never "late". */
  ready?: boolean;
}

/**
 * How long an order has waited, coloured by urgency and labelled in words (colour is never the
 * only cue). Fixed-width digits, so the card does not shift as seconds tick.
 */
export function AgeTimer({ since, now, baristaTimeoutSeconds, ready = false }: AgeTimerProps) {
  const age = now - since;
  const level = ready ? 'fresh' : ageLevel(age, baristaTimeoutSeconds);
  const words = ready ? 'ready for' : AGE_LEVEL_LABEL[level];
  return (
    <span
      className={`age-timer age-timer--${ready ? 'ready' : level}`}
      role="timer"
      aria-label={ready ? `Ready for ${spokenDuration(age)}` : `Waiting ${spokenDuration(age)}, ${words}`}
      data-level={ready ? 'ready' : level}
    >
      <span aria-hidden="true" className="age-timer__time">
        {formatDuration(age)}
      </span>
      <span aria-hidden="true" className="age-timer__level">
        {ready ? 'ready' : words}
      </span>
    </span>
  );
}
