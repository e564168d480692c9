import { z } from 'zod';
import { ShopIdSchema, SlugSchema } from './ids.js';

/** The shop every fresh install has (DESIGN: "The default shop is `main`"). */
export const DEFAULT_SHOP_ID = 'main';

/** The name the default shop gets when it is created. */
export const DEFAULT_SHOP_NAME = 'Coffee bar';

/**
 * DESIGN's defaults for a shop's limits: a QR code every 5 minutes admitting 10 drinks, 20 open
 * orders in the barista queue, 5 drinks per customer a day, 5 minutes for the customer to choose
 * and 15 for the barista to complete.
 */
export const DEFAULT_LIMITS = {
  drinksPerCode: 10,
  codeSeconds: 300,
  capacity: 20,
  dailyLimit: 5,
  customerTimeoutSeconds: 300,
  baristaTimeoutSeconds: 900,
} as const;

/**
 * The inclusive integer bounds of each limit. DESIGN names none; these keep a pop-up shop sane —
 * a code lives at most an hour, no timeout is longer than a shift — while still letting a
 * rehearsal or a browser test run the whole flow with timeouts of a few seconds.
 */
export const LIMIT_BOUNDS = {
  drinksPerCode: { min: 1, max: 5000 },
  codeSeconds: { min: 10, max: 3600 },
  capacity: { min: 1, max: 5000 },
  dailyLimit: { min: 1, max: 100 },
  customerTimeoutSeconds: { min: 5, max: 3600 },
  baristaTimeoutSeconds: { min: 10, max: 14_400 },
} as const satisfies Record<keyof typeof DEFAULT_LIMITS, { min: number; max: number }>;

/** The name of a limit, e.g. `capacity`. */
export type LimitName = keyof typeof DEFAULT_LIMITS;

/** The environment variable that seeds each limit of the default shop when it is created. */
export const LIMIT_ENV_VARS = {
  drinksPerCode: 'COFFEE_DRINKS_PER_CODE',
  codeSeconds: 'COFFEE_CODE_SECONDS',
  capacity: 'COFFEE_CAPACITY',
  dailyLimit: 'COFFEE_DAILY_LIMIT',
  customerTimeoutSeconds: 'COFFEE_CUSTOMER_TIMEOUT_SECONDS',
  baristaTimeoutSeconds: 'COFFEE_BARISTA_TIMEOUT_SECONDS',
} as const satisfies Record<LimitName, string>;

/**
 * The variable naming the shops served besides the default one, e.g.
 * `COFFEE_SHOPS="terrace=Terrace bar,stage"`: one bar per counter at an event, each with its own
 * code, queue and limits, reached by `?shop=<id>` in every app.
 */
export const SHOPS_ENV_VAR = 'COFFEE_SHOPS';

/** Every variable the shops are created from: what an operator sets for `npm start` or a deployment. */
export const SHOP_SETTINGS = [...Object.values(LIMIT_ENV_VARS), SHOPS_ENV_VAR] as const;

const bounded = (name: LimitName) => z.int().min(LIMIT_BOUNDS[name].min).max(LIMIT_BOUNDS[name].max);

/** A shop's limits (DESIGN "Business rules"), each an integer within {@link LIMIT_BOUNDS}. */
export const LimitsSchema = z.object({
  drinksPerCode: bounded('drinksPerCode'),
  codeSeconds: bounded('codeSeconds'),
  capacity: bounded('capacity'),
  dailyLimit: bounded('dailyLimit'),
  customerTimeoutSeconds: bounded('customerTimeoutSeconds'),
  baristaTimeoutSeconds: bounded('baristaTimeoutSeconds'),
});

/** See {@link LimitsSchema}. */
export type Limits = z.infer<typeof LimitsSchema>;

/** A choice on a drink, e.g. milk or size. The first option is the default. */
export const ModifierSchema = z.object({
  id: SlugSchema,
  name: z.string().min(1).max(60),
  options: z
    .array(z.string().min(1).max(40))
    .min(1)
    .refine((options) => new Set(options).size === options.length, 'Options must be distinct'),
});

/** See {@link ModifierSchema}. */
export type Modifier = z.infer<typeof ModifierSchema>;

/** A drink on the menu. */
export const DrinkSchema = z.object({
  id: SlugSchema,
  name: z.string().min(1).max(60),
  /** A short picture of the drink: an emoji or an icon name the apps know. */
  icon: z.string().min(1).max(32),
  available: z.boolean(),
  modifiers: z
    .array(ModifierSchema)
    .refine((modifiers) => distinct(modifiers.map((m) => m.id)), 'Modifier ids must be distinct'),
});

/** See {@link DrinkSchema}. */
export type Drink = z.infer<typeof DrinkSchema>;

/** A shop's menu: drinks with distinct ids, in the order the apps show them. */
export const MenuSchema = z
  .array(DrinkSchema)
  .refine((drinks) => distinct(drinks.map((d) => d.id)), 'Drink ids must be distinct');

/** See {@link MenuSchema}. */
export type Menu = z.infer<typeof MenuSchema>;

/** A shop's configuration, public to anyone (`GET /api/shops/{shopId}/config`). */
export const ShopConfigSchema = z.object({
  shopId: ShopIdSchema,
  name: z.string().min(1).max(80),
  open: z.boolean(),
  menu: MenuSchema,
  limits: LimitsSchema,
});

/** See {@link ShopConfigSchema}. */
export type ShopConfig = z.infer<typeof ShopConfigSchema>;

/** The parts of a shop's config one change can touch, as `ConfigChanged` reports them. */
export const ConfigPartSchema = z.enum(['name', 'open', 'menu', 'limits']);

/** See {@link ConfigPartSchema}. */
export type ConfigPart = z.infer<typeof ConfigPartSchema>;

const MILK_OPTIONS = ['Whole', 'Oat', 'Skim', 'Almond', 'Soy'];
const MILK: Modifier = { id: 'milk', name: 'Milk', options: MILK_OPTIONS };
const SIZE: Modifier = { id: 'size', name: 'Size', options: ['Regular', 'Large'] };

/**
 * The menu a new shop starts with: espresso drinks, with milk and size where they make sense. The
 * first option of each modifier is the default.
 */
export const DEMO_MENU: Menu = [
  {
    id: 'espresso',
    name: 'Espresso',
    icon: '☕',
    available: true,
    modifiers: [{ id: 'shots', name: 'Shots', options: ['Single', 'Double'] }],
  },
  {
    id: 'americano',
    name: 'Americano',
    icon: '💧',
    available: true,
    modifiers: [{ id: 'milk', name: 'Milk', options: ['No milk', ...MILK_OPTIONS] }, SIZE],
  },
  { id: 'flat-white', name: 'Flat white', icon: '🤍', available: true, modifiers: [MILK] },
  { id: 'latte', name: 'Latte', icon: '🥛', available: true, modifiers: [MILK, SIZE] },
  { id: 'cappuccino', name: 'Cappuccino', icon: '☁️', available: true, modifiers: [MILK, SIZE] },
  { id: 'mocha', name: 'Mocha', icon: '🍫', available: true, modifiers: [MILK, SIZE] },
  { id: 'hot-chocolate', name: 'Hot chocolate', icon: '🔥', available: true, modifiers: [MILK, SIZE] },
];

function distinct(values: readonly string[]): boolean {
  return new Set(values).size === values.length;
}
