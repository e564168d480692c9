import { ErrorMessage } from '@coffee/app-shared';
import type { Drink, Menu, Order } from '@coffee/backend/contracts';
import { type FormEvent, useId, useState } from 'react';
import { useSubmitDrink } from '../api/use-order-actions';

/** The first option of each modifier: the menu's defaults. */
export function defaultModifiers(drink: Drink): Record<string, string> {
  return Object.fromEntries(
    drink.modifiers.flatMap((modifier) => (modifier.options[0] ? [[modifier.id, modifier.options[0]]] : [])),
  );
}

/**
 * The menu as a form: one drink (unavailable ones shown greyed and disabled), its modifiers
 * (the first option preselected), and a button that sends the choice.
 */
export function DrinkPicker({ order, menu }: { order: Order; menu: Menu }) {
  const submit = useSubmitDrink(order.orderId, order.shopId);
  const [drinkId, setDrinkId] = useState<string>();
  const [modifiers, setModifiers] = useState<Record<string, string>>({});
  const headingId = useId();
  const drink = menu.find((item) => item.id === drinkId && item.available);

  function choose(next: Drink) {
    setDrinkId(next.id);
    setModifiers(defaultModifiers(next));
  }

  function send(event: FormEvent) {
    event.preventDefault();
    if (!drink || submit.isPending) return;
    submit.mutate({ drinkId: drink.id, modifiers: { ...defaultModifiers(drink), ...modifiers } });
  }

  return (
    <form className="picker" aria-labelledby={headingId} onSubmit={send}>
      <h2 id={headingId}>Choose your drink</h2>
      <fieldset className="menu">
        <legend className="visually-hidden">Drink</legend>
        {menu.map((item) => (
          <label key={item.id} className="drink" data-unavailable={!item.available || undefined}>
            <input
              type="radio"
              name="drink"
              value={item.id}
              checked={drink?.id === item.id}
              disabled={!item.available || submit.isPending}
              onChange={() => choose(item)}
            />
            <span className="drink-icon" aria-hidden="true">
              {item.icon}
            </span>
            <span className="drink-name">{item.name}</span>
            {!item.available && <span className="drink-note">Unavailable</span>}
          </label>
        ))}
      </fieldset>
      {drink?.modifiers.map((modifier) => (
        <fieldset key={`${drink.id}-${modifier.id}`} className="modifier">
          <legend>{modifier.name}</legend>
          <div className="options">
            {modifier.options.map((option) => (
              <label key={option} className="option">
                <input
                  type="radio"
                  name={`modifier-${modifier.id}`}
                  value={option}
                  checked={(modifiers[modifier.id] ?? modifier.options[0]) === option}
                  disabled={submit.isPending}
                  onChange={() => setModifiers((current) => ({ ...current, [modifier.id]: option }))}
                />
                <span>{option}</span>
              </label>
            ))}
          </div>
        </fieldset>
      ))}
      <ErrorMessage error={submit.error} />
      <button type="submit" className="coffee-button order-button" disabled={!drink || submit.isPending}>
        {submit.isPending ? 'Sending your order…' : drink ? `Order ${drink.name}` : 'Pick a drink above'}
      </button>
    </form>
  );
}
