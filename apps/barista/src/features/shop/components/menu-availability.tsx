import type { Menu } from '@coffee/backend/contracts';

/** Props of {@link MenuAvailability}. */
export interface MenuAvailabilityProps {
  menu: Menu;
  /** The drinks whose change is on its way, by id. */
  pending?: ReadonlySet<string>;
  onChange: (drinkId: string, available: boolean) => void;
}

/** The menu as a list of switches, one per drink: on means customers can order it. */
export function MenuAvailability({ menu, pending, onChange }: MenuAvailabilityProps) {
  return (
    <section className="menu-availability" aria-labelledby="menu-availability-title">
      <h2 id="menu-availability-title">Drinks available</h2>
      <ul className="menu-availability__list">
        {menu.map((drink) => (
          <li key={drink.id}>
            <button
              type="button"
              role="switch"
              aria-checked={drink.available}
              aria-label={drink.name}
              className={`switch ${drink.available ? 'switch--on' : 'switch--off'}`}
              disabled={pending?.has(drink.id)}
              onClick={() => onChange(drink.id, !drink.available)}
            >
              <span aria-hidden="true" className="switch__icon">
                {drink.icon}
              </span>
              <span aria-hidden="true" className="switch__label">
                {drink.name}
              </span>
              <span aria-hidden="true" className="switch__state">
                {drink.available ? 'On' : 'Off'}
              </span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
