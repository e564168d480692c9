import type { LimitName, Limits, UpdateLimitsRequest } from '@coffee/backend/contracts';
import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import {
  boundsWords,
  type DurationUnit,
  entryOf,
  LIMIT_FIELDS,
  LIMIT_NAMES,
  type LimitEntry,
  limitChanges,
} from '../utils/limit-fields';

/** Props of {@link ShopLimitsForm}. */
export interface ShopLimitsFormProps {
  /** The shop's limits now (kept live): what the fields show until the barista edits them. */
  limits: Limits;
  /** Whether a save is on its way (the Save button waits). */
  pending?: boolean;
  /** Why the last save failed, in words for the barista. */
  error?: string | undefined;
  /** Sends only the limits that changed; resolves whether they were saved. */
  onSave: (changes: UpdateLimitsRequest) => Promise<boolean>;
  /** Called as the barista edits a field (a past failure no longer applies). */
  onEdit?: () => void;
}

type Entries = Partial<Record<LimitName, LimitEntry>>;

/**
 * The shop's limits as a form in a barista's words: a labelled field per limit showing its value
 * now, times in seconds or minutes. Each field is checked against its bounds before anything is
 * sent (a message beside the field, focus on the first wrong one); only the limits changed are
 * sent. Fields not edited follow the shop's limits as they change, here or on another tablet.
 */
export function ShopLimitsForm({ limits, pending = false, error, onSave, onEdit }: ShopLimitsFormProps) {
  const [edited, setEdited] = useState<Entries>({});
  const [errors, setErrors] = useState<Partial<Record<LimitName, string>>>({});
  const [status, setStatus] = useState<string>();
  const inputs = useRef<Partial<Record<LimitName, HTMLInputElement | null>>>({});
  const focusInvalid = useRef(false);
  const id = useId();

  useEffect(() => {
    if (!focusInvalid.current) return;
    focusInvalid.current = false;
    const first = LIMIT_NAMES.find((name) => errors[name]);
    if (first) inputs.current[first]?.focus();
  }, [errors]);

  const entry = (name: LimitName): LimitEntry => edited[name] ?? entryOf(name, limits[name]);

  const edit = (name: LimitName, change: Partial<LimitEntry>) => {
    setEdited((current) => ({
      ...current,
      [name]: { ...(current[name] ?? entryOf(name, limits[name])), ...change },
    }));
    setErrors(({ [name]: _fixed, ...rest }) => rest);
    setStatus(undefined);
    onEdit?.();
  };

  const undo = () => {
    setEdited({});
    setErrors({});
    setStatus(undefined);
    onEdit?.();
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const { changes, errors: invalid } = limitChanges(limits, edited);
    if (Object.keys(invalid).length > 0) {
      focusInvalid.current = true;
      setErrors(invalid);
      return;
    }
    if (Object.keys(changes).length === 0) {
      setEdited({});
      setStatus('Nothing changed.');
      return;
    }
    if (await onSave(changes)) {
      setEdited({});
      setStatus('Limits saved.');
    }
  };

  return (
    <section className="shop-limits" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Limits</h2>
      <p className="shop-limits__intro">New times apply to orders placed after saving.</p>
      <form noValidate onSubmit={(event) => void submit(event)} aria-busy={pending}>
        <div className="shop-limits__fields">
          {LIMIT_NAMES.map((name) => {
            const field = LIMIT_FIELDS[name];
            const value = entry(name);
            const inputId = `${id}-${name}`;
            const message = errors[name];
            return (
              <div key={name} className="limit-field">
                <label htmlFor={inputId}>{field.label}</label>
                <div className="limit-field__value">
                  <input
                    id={inputId}
                    ref={(input) => {
                      inputs.current[name] = input;
                    }}
                    type="text"
                    inputMode={field.kind === 'count' ? 'numeric' : 'decimal'}
                    autoComplete="off"
                    value={value.text}
                    aria-invalid={message ? true : undefined}
                    aria-describedby={`${inputId}-hint${message ? ` ${inputId}-error` : ''}`}
                    onChange={(event) => edit(name, { text: event.target.value })}
                  />
                  {field.kind === 'time' && (
                    <select
                      aria-label={`${field.label}, unit`}
                      value={value.unit}
                      onChange={(event) => edit(name, { unit: event.target.value as DurationUnit })}
                    >
                      <option value="seconds">seconds</option>
                      <option value="minutes">minutes</option>
                    </select>
                  )}
                </div>
                <p id={`${inputId}-hint`} className="limit-field__hint">
                  {field.hint} {boundsWords(name)}
                </p>
                {message && (
                  <p id={`${inputId}-error`} className="limit-field__error">
                    {message}
                  </p>
                )}
              </div>
            );
          })}
        </div>
        <div className="shop-limits__actions">
          <button type="submit" className="button button--primary" disabled={pending}>
            {pending ? 'Saving…' : 'Save limits'}
          </button>
          {Object.keys(edited).length > 0 && (
            <button type="button" className="button" onClick={undo} disabled={pending}>
              Undo changes
            </button>
          )}
          <p role="status" className="shop-limits__status">
            {status}
          </p>
        </div>
        {error && (
          <p className="notice" role="alert">
            {error}
          </p>
        )}
      </form>
    </section>
  );
}
