import { randomUUID } from 'node:crypto';
import { expect, type Page } from '@playwright/test';
import type { OpenScreen, Screen } from './fixtures.js';
import { expectNewOrder, openStaffScreens, type StaffScreens, scanQrCode } from './staff.js';

/** A message the local cloud "sent", as `GET /_localcloud/outbox` lists it. */
interface OutboxMessage {
  to: string;
  subject: string;
  body: string;
  code?: string;
  time: string;
}

/** A fresh customer email, so that no journey meets another's orders or daily limit. */
export function newCustomerEmail(name: string): string {
  return `${name}.${randomUUID().slice(0, 8)}@example.com`;
}

/** The codes sent to `email` so far, oldest first, as the edge's outbox lists them. */
async function codesSentTo(edgeUrl: string, email: string): Promise<string[]> {
  const response = await fetch(`${edgeUrl}/_localcloud/outbox`);
  const messages = (await response.json()) as OutboxMessage[];
  return messages.flatMap((message) => (message.to === email && message.code ? [message.code] : []));
}

/**
 * The latest one-time code sent to `email` once more than `seen` codes went to it, and how many
 * went, waiting for it to arrive in the edge's outbox (where a real provider would deliver it).
 */
async function nextCode(
  edgeUrl: string,
  email: string,
  seen: number,
): Promise<{ code: string; sent: number }> {
  let codes: string[] = [];
  await expect
    .poll(
      async () => {
        codes = await codesSentTo(edgeUrl, email);
        return codes.length;
      },
      { message: `one-time code number ${seen + 1} for ${email} in the outbox` },
    )
    .toBeGreaterThan(seen);
  return { code: codes[codes.length - 1] as string, sent: codes.length };
}

/** How many codes a sign-in may take: a new account's confirmation, then the sign-in itself. */
const MAX_CODE_STEPS = 2;

/** The first step of the customer's sign-in form: the email, then "Email me a code". */
export async function requestCode(page: Page, email: string): Promise<void> {
  await page.getByLabel('Email').fill(email);
  await page.getByRole('button', { name: 'Email me a code' }).click();
  await expect(page.getByLabel('One-time code')).toBeVisible();
}

/**
 * The code step of the customer's sign-in form: the code from the outbox, "Sign in" — and, when
 * the form asks for one more code (a new account is confirmed first, then signed in), the next
 * code from the outbox. Resolves once the form is gone.
 */
export async function enterCodes(page: Page, edgeUrl: string, email: string): Promise<void> {
  const codeField = page.getByLabel('One-time code');
  const oneMore = page.getByText(/one more code/);
  const refused = page.locator('form').getByRole('alert');
  let used = 0;
  for (let step = 1; step <= MAX_CODE_STEPS; step += 1) {
    const { code, sent } = await nextCode(edgeUrl, email, used);
    used = sent;
    await codeField.fill(code);
    await page.getByRole('button', { name: 'Sign in' }).click();
    let outcome = '';
    await expect
      .poll(
        async () => {
          if (await refused.isVisible()) outcome = `refused: ${await refused.textContent()}`;
          else if (!(await codeField.isVisible())) outcome = 'signed in';
          else if (step === 1 && (await oneMore.isVisible()) && (await codeField.isEditable()))
            outcome = 'one more';
          else outcome = '';
          return outcome;
        },
        { message: `the customer app's answer to code ${step} for ${email}` },
      )
      .not.toBe('');
    if (outcome === 'signed in') return;
    if (outcome !== 'one more') throw new Error(`Sign-in of ${email} failed: ${outcome}`);
  }
  throw new Error(`Sign-in of ${email} took more than ${MAX_CODE_STEPS} codes`);
}

/** Signs a customer in on the customer app's form: {@link requestCode}, then {@link enterCodes}. */
export async function signInCustomer(page: Page, edgeUrl: string, email: string): Promise<void> {
  await requestCode(page, email);
  await enterCodes(page, edgeUrl, email);
}

/**
 * Opens the URL of a scanned QR code on a phone and signs in: the app then posts the code's token
 * by itself and shows the order.
 */
export async function scanAndSignIn(page: Page, url: string, edgeUrl: string, email: string): Promise<void> {
  await page.goto(url);
  await signInCustomer(page, edgeUrl, email);
}

/** A drink as the customer picks it on the menu: its name and, optionally, one option. */
export interface DrinkChoice {
  /** The drink, as the menu names it, e.g. `Latte`. */
  drink: string;
  /** One of its options, e.g. `Oat` milk or a `Large` size. */
  option?: string;
}

/** Picks `drink` with `option` (e.g. Latte with Oat milk) on the menu and sends the order. */
export async function chooseDrink(page: Page, drink: string, option?: string): Promise<void> {
  await page.getByRole('radio', { name: drink, exact: true }).check();
  if (option) await page.getByRole('radio', { name: option, exact: true }).check();
  await page.getByRole('button', { name: `Order ${drink}` }).click();
}

/** The order number the customer's screen shows (waits until it has one). */
export async function orderNumberShown(page: Page): Promise<number> {
  const line = page.locator('p', { hasText: /^Order number\s*\d+$/ });
  await expect(line).toBeVisible();
  const match = /(\d+)$/.exec((await line.textContent()) ?? '');
  if (!match?.[1]) throw new Error('No order number on the customer screen');
  return Number(match[1]);
}

/**
 * Orders `choice` on the menu ({@link chooseDrink}) and answers the order number the customer's
 * screen then shows ({@link orderNumberShown}).
 */
export async function orderDrink(page: Page, choice: DrinkChoice): Promise<number> {
  await chooseDrink(page, choice.drink, choice.option);
  return orderNumberShown(page);
}

/**
 * A customer's whole order from a scanned QR code: opens `url` and signs in as `email`
 * ({@link scanAndSignIn}), orders `choice` ({@link orderDrink}) and answers the order number shown.
 */
export async function scanAndOrder(
  page: Page,
  url: string,
  edgeUrl: string,
  email: string,
  choice: DrinkChoice,
): Promise<number> {
  await scanAndSignIn(page, url, edgeUrl, email);
  return orderDrink(page, choice);
}

/** An open shop with one customer's order waiting on the barista (see {@link openShopWithOrder}). */
export interface ShopWithOrder extends StaffScreens {
  /** The customer's phone (label `customer`), showing the order in the queue. */
  phone: Screen;
  /** The order's number, as the phone shows it. */
  number: number;
}

/**
 * The start of a journey about one order's life: the staff screens open ({@link openStaffScreens}),
 * a customer's phone scans the display's code, signs in as `email` and orders `choice`
 * ({@link scanAndOrder}), and the order shows in the barista's `New` column.
 */
export async function openShopWithOrder(
  openScreen: OpenScreen,
  edgeUrl: string,
  email: string,
  choice: DrinkChoice,
): Promise<ShopWithOrder> {
  const staff = await openStaffScreens(openScreen);
  const phone = await openScreen('phone', 'customer');
  const url = await scanQrCode(staff.display.page);
  const number = await scanAndOrder(phone.page, url, edgeUrl, email, choice);
  await expectNewOrder(staff.barista.page, number);
  return { ...staff, phone, number };
}
