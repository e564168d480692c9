/** Props of {@link ShopOpenSwitch}. */
export interface ShopOpenSwitchProps {
  open: boolean;
  /** Whether a change is on its way (the switch waits). */
  pending?: boolean;
  onChange: (open: boolean) => void;
}

/**
 * Opens or closes the shop: a switch named "Shop open", with the state also in words, so that a
 * closed shop is obvious at a glance and to a screen reader.
 */
export function ShopOpenSwitch({ open, pending = false, onChange }: ShopOpenSwitchProps) {
  return (
    <button
      type="button"
      role="switch"
      aria-checked={open}
      className={`switch switch--shop ${open ? 'switch--on' : 'switch--off'}`}
      disabled={pending}
      onClick={() => onChange(!open)}
    >
      <span className="switch__label">Shop open</span>
      <span className="switch__state" aria-hidden="true">
        {open ? 'Open' : 'Closed'}
      </span>
    </button>
  );
}
