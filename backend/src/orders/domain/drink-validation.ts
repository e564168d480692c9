import type { Menu } from '../../contracts/config.js';
import type { DrinkChoice } from '../../contracts/orders.js';
import {
  type CoffeeError,
  DrinkUnavailableError,
  DrinkUnknownError,
  OptionInvalidError,
} from '../../errors.js';

/** A drink checked against the menu: the choice completed with defaults, or why it is refused. */
export type DrinkValidation = { ok: true; drink: DrinkChoice } | { ok: false; error: CoffeeError };

/**
 * Checks a customer's drink against the shop's menu (DESIGN "Menu"): an unknown drink is
 * `drink-unknown`, an unavailable one `drink-unavailable`, a modifier the drink does not have or
 * an option not among a modifier's options `option-invalid`. A modifier left out takes its first
 * option: DESIGN refuses only what is unknown or unavailable, and the menu lists the usual choice
 * first, so a customer who takes a latte "as it comes" gets whole milk, regular. The answer names
 * every modifier of the drink, in menu order.
 */
export function validateDrink(menu: Menu, choice: DrinkChoice): DrinkValidation {
  const item = menu.find((drink) => drink.id === choice.drinkId);
  if (!item) return refuse(new DrinkUnknownError(`There is no drink "${choice.drinkId}" on the menu.`));
  if (!item.available) return refuse(new DrinkUnavailableError(`${item.name} is not available right now.`));

  for (const modifierId of Object.keys(choice.modifiers)) {
    if (!item.modifiers.some((modifier) => modifier.id === modifierId))
      return refuse(new OptionInvalidError(`${item.name} has no choice "${modifierId}".`));
  }
  const modifiers: Record<string, string> = {};
  for (const modifier of item.modifiers) {
    const option = choice.modifiers[modifier.id];
    if (option === undefined) {
      // The schema guarantees at least one option.
      modifiers[modifier.id] = modifier.options[0] as string;
    } else if (modifier.options.includes(option)) {
      modifiers[modifier.id] = option;
    } else {
      return refuse(
        new OptionInvalidError(`"${option}" is not a ${modifier.name.toLowerCase()} for ${item.name}.`),
      );
    }
  }
  return { ok: true, drink: { drinkId: item.id, modifiers } };
}

/** Whether two drinks are the same drink with the same options, whatever the order of the modifiers. */
export function sameDrink(a: DrinkChoice | undefined, b: DrinkChoice | undefined): boolean {
  if (!a || !b) return a === b;
  const keys = Object.keys(a.modifiers);
  return (
    a.drinkId === b.drinkId &&
    keys.length === Object.keys(b.modifiers).length &&
    keys.every((key) => a.modifiers[key] === b.modifiers[key])
  );
}

function refuse(error: CoffeeError): DrinkValidation {
  return { ok: false, error };
}
