import { type FormEvent, type KeyboardEvent, useEffect, useId, useRef, useState } from 'react';
import { CANCEL_REASONS } from '../utils/order-actions';

/** The longest reason the API takes (`ReasonSchema`). */
const MAX_REASON_LENGTH = 200;

/** Props of {@link CancelDialog}. */
export interface CancelDialogProps {
  /** The order's number for a person, e.g. `#12`. */
  orderNumber: string;
  /** Whether the cancel request is on its way (the buttons wait). */
  pending?: boolean;
  /** Called with the reason given, trimmed, or `undefined` when none was given. */
  onConfirm: (reason: string | undefined) => void;
  onDismiss: () => void;
}

/**
 * Asks the barista to confirm cancelling an order and why: a one-tap reason or free text (the
 * customer sees it). A modal dialog: focus starts in the reason field, Tab stays inside, Escape
 * keeps the order, and focus returns where it was on close.
 */
export function CancelDialog({ orderNumber, pending = false, onConfirm, onDismiss }: CancelDialogProps) {
  const [reason, setReason] = useState('');
  const titleId = useId();
  const reasonId = useId();
  const dialogRef = useRef<HTMLDivElement>(null);
  const fieldRef = useRef<HTMLTextAreaElement>(null);

  useEffect(() => {
    const previous = document.activeElement instanceof HTMLElement ? document.activeElement : undefined;
    fieldRef.current?.focus();
    return () => previous?.focus();
  }, []);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const trimmed = reason.trim();
    onConfirm(trimmed ? trimmed.slice(0, MAX_REASON_LENGTH) : undefined);
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.stopPropagation();
      onDismiss();
      return;
    }
    if (event.key !== 'Tab' || !dialogRef.current) return;
    const focusable = [...dialogRef.current.querySelectorAll<HTMLElement>('button:not(:disabled), textarea')];
    const first = focusable[0];
    const last = focusable[focusable.length - 1];
    if (event.shiftKey && document.activeElement === first) {
      event.preventDefault();
      last?.focus();
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault();
      first?.focus();
    }
  };

  return (
    <div className="dialog-backdrop">
      <div
        ref={dialogRef}
        className="dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        onKeyDown={onKeyDown}
      >
        <form onSubmit={submit}>
          <h2 id={titleId}>Cancel order {orderNumber}?</h2>
          <p>The customer is told it was cancelled, with the reason you give.</p>
          <fieldset className="dialog__reasons">
            <legend>Common reasons</legend>
            {CANCEL_REASONS.map((choice) => (
              <button
                key={choice}
                type="button"
                className="button button--choice"
                aria-pressed={reason === choice}
                onClick={() => setReason(choice)}
              >
                {choice}
              </button>
            ))}
          </fieldset>
          <label htmlFor={reasonId}>Reason</label>
          <textarea
            id={reasonId}
            ref={fieldRef}
            value={reason}
            maxLength={MAX_REASON_LENGTH}
            rows={2}
            onChange={(event) => setReason(event.target.value)}
          />
          <div className="dialog__actions">
            <button type="button" className="button" onClick={onDismiss} disabled={pending}>
              Keep order
            </button>
            <button type="submit" className="button button--danger" disabled={pending}>
              {pending ? 'Cancelling…' : 'Cancel order'}
            </button>
          </div>
        </form>
      </div>
    </div>
  );
}
