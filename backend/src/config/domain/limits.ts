import { UpdateLimitsRequestSchema } from '../../contracts/api.js';
import {
  DEFAULT_LIMITS,
  LIMIT_BOUNDS,
  LIMIT_ENV_VARS,
  type LimitName,
  type Limits,
  LimitsSchema,
} from '../../contracts/config.js';
import { InvalidRequestError } from '../../errors.js';

/** Limits checked against {@link LIMIT_BOUNDS}: integers within bounds. Throws an `InvalidRequestError` otherwise. */
export function validateLimits(input: unknown): Limits {
  const parsed = LimitsSchema.safeParse(input);
  if (!parsed.success) throw InvalidRequestError.fromZod(parsed.error, 'The limits');
  return parsed.data;
}

/**
 * The limits after a `PUT /limits` body: the fields given replace the current ones, the others
 * stay. An empty body changes nothing. Throws an `InvalidRequestError` for an unknown field or a
 * value out of bounds, changing nothing.
 */
export function applyLimitsUpdate(limits: Limits, update: unknown): { limits: Limits; changed: boolean } {
  const parsed = UpdateLimitsRequestSchema.safeParse(update);
  if (!parsed.success) throw InvalidRequestError.fromZod(parsed.error, 'The limits');
  const next = validateLimits({ ...limits, ...stripUndefined(parsed.data) });
  const changed = (Object.keys(next) as LimitName[]).some((name) => next[name] !== limits[name]);
  return { limits: changed ? next : limits, changed };
}

/**
 * The default shop's first limits: each `COFFEE_*` variable of {@link LIMIT_ENV_VARS} that is set
 * (non-blank) replaces the default. Throws an `InvalidRequestError` naming the variable when one
 * is not a whole number within its bounds, so a typo stops the start instead of being ignored.
 */
export function limitsFromEnvironment(
  env: Readonly<Record<string, string | undefined>>,
  base: Limits = DEFAULT_LIMITS,
): Limits {
  const limits: Limits = { ...base };
  for (const name of Object.keys(LIMIT_ENV_VARS) as LimitName[]) {
    const variable = LIMIT_ENV_VARS[name];
    const text = env[variable]?.trim();
    if (!text) continue;
    const { min, max } = LIMIT_BOUNDS[name];
    const value = /^\d+$/.test(text) ? Number(text) : Number.NaN;
    if (!(value >= min && value <= max))
      throw new InvalidRequestError(
        `${variable} must be a whole number from ${min} to ${max}; it is "${text}".`,
      );
    limits[name] = value;
  }
  return limits;
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
