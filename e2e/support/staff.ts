import { expect, type Locator, type Page } from '@playwright/test';
import jsqr from 'jsqr';
import { PNG } from 'pngjs';
import type { OpenScreen, Screen } from './fixtures.js';
import { STAFF_PASSWORD } from './runtime.js';

/** jsQR is CommonJS typed as an ES module: under NodeNext its function is the `default` of the import. */
const decodeQr = jsqr.default;

/** Signs in on a staff app's form (labels `Username`, `Password`, button `Sign in`). */
export async function signInStaff(page: Page, username: string, password = STAFF_PASSWORD): Promise<void> {
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/** The display app at `/display/` signed in as `display`, showing its board. */
export async function openDisplay(page: Page, shop?: string): Promise<void> {
  await page.goto(shop ? `/display/?shop=${shop}` : '/display/');
  await signInStaff(page, 'display');
  await expect(page.getByRole('region', { name: 'Being made' })).toBeVisible();
}

/**
 * The barista app at `/barista/` (of `shop`, default `main`) signed in as `username` (default
 * `barista`), showing the queue.
 */
export async function openBarista(
  page: Page,
  username = 'barista',
  password = STAFF_PASSWORD,
  shop?: string,
): Promise<void> {
  await page.goto(shop ? `/barista/?shop=${shop}` : '/barista/');
  await signInStaff(page, username, password);
  await expect(page.getByRole('region', { name: /^New/ })).toBeVisible();
}

/** The two staff screens most journeys start from, each signed in on its own device. */
export interface StaffScreens {
  /** The overhead display (label `display`), showing its board and the QR code. */
  display: Screen;
  /** The barista's tablet (label `barista`), showing the queue. */
  barista: Screen;
}

/**
 * Opens the shop as the staff do before customers come: the display signed in as `display`
 * ({@link openDisplay}) and a tablet signed in as `barista` ({@link openBarista}). A journey then
 * adds its customers' phones with `openScreen('phone', …)`.
 */
export async function openStaffScreens(openScreen: OpenScreen): Promise<StaffScreens> {
  const display = await openScreen('display', 'display');
  const barista = await openScreen('tablet', 'barista');
  await openDisplay(display.page);
  await openBarista(barista.page);
  return { display, barista };
}

/** The display's QR code image. */
export function qrCodeImage(page: Page): Locator {
  return page.getByRole('img', { name: /QR code/ });
}

/** A code about to rotate is not scanned: a journey wants the same code for its whole length. */
const STEADY_CODE_SECONDS = 40;

/** The seconds until the display's next code ("New code in m:ss"). */
async function secondsToNextCode(display: Page): Promise<number> {
  const text = (await display.getByText(/New code in/).textContent()) ?? '';
  const match = /(\d+):(\d\d)/.exec(text);
  if (!match) throw new Error(`No time to the next code on the display: "${text}"`);
  return Number(match[1]) * 60 + Number(match[2]);
}

/** Waits, when the display's code rotates within {@link STEADY_CODE_SECONDS}, for the next one. */
async function waitForSteadyCode(display: Page): Promise<void> {
  if ((await secondsToNextCode(display)) >= STEADY_CODE_SECONDS) return;
  await expect
    .poll(() => secondsToNextCode(display).catch(() => 0), {
      message: 'the next QR code on the display',
      timeout: (STEADY_CODE_SECONDS + 30) * 1000,
    })
    .toBeGreaterThanOrEqual(STEADY_CODE_SECONDS);
}

/**
 * Scans the display's QR code as a phone camera would: a screenshot of the code, decoded with
 * jsQR. Answers the URL it encodes.
 */
export async function scanQrCode(display: Page): Promise<string> {
  const image = qrCodeImage(display);
  await expect(image).toBeVisible();
  await waitForSteadyCode(display);
  const png = PNG.sync.read(await image.screenshot({ scale: 'css' }));
  const decoded = decodeQr(new Uint8ClampedArray(png.data), png.width, png.height);
  if (!decoded) throw new Error('The QR code on the display could not be decoded');
  return decoded.data;
}

/** A column of the barista's queue: `New`, `Making` or `Ready`. */
export function queueColumn(barista: Page, title: 'New' | 'Making' | 'Ready'): Locator {
  return barista.getByRole('region', { name: new RegExp(`^${title}\\b`) });
}

/** The card of order `number` (e.g. 3) on the barista's tablet. */
export function orderCard(scope: Page | Locator, number: number): Locator {
  return scope.getByRole('article', { name: `Order #${number}` });
}

/**
 * Waits until order `number` shows in the barista's `New` column, as it does live (over MQTT)
 * once a customer orders, and answers its card for a journey to look closer.
 */
export async function expectNewOrder(barista: Page, number: number): Promise<Locator> {
  const card = orderCard(queueColumn(barista, 'New'), number);
  await expect(card).toBeVisible();
  return card;
}

/** Starts making order `number` on the barista's tablet (its `Make order #n` button). */
export async function makeOrder(barista: Page, number: number): Promise<void> {
  await barista.getByRole('button', { name: `Make order #${number}` }).click();
}

/** Marks order `number` done on the barista's tablet (its `Complete order #n` button). */
export async function completeOrder(barista: Page, number: number): Promise<void> {
  await barista.getByRole('button', { name: `Complete order #${number}` }).click();
}

/** A column of the display's board: `Being made` or `Ready for pickup`. */
export function boardColumn(display: Page, title: 'Being made' | 'Ready for pickup'): Locator {
  return display.getByRole('region', { name: title });
}

/** The tile of order `number` in a column of the display's board. */
export function boardNumber(column: Locator, number: number): Locator {
  return column.getByRole('listitem').filter({ hasText: new RegExp(`^${number}$`) });
}

/** Cancels order `number` from the barista's tablet, giving `reason` in the confirmation dialog. */
export async function cancelAsBarista(barista: Page, number: number, reason: string): Promise<void> {
  await barista.getByRole('button', { name: `Cancel order #${number}` }).click();
  const dialog = barista.getByRole('dialog', { name: `Cancel order #${number}?` });
  await dialog.getByLabel('Reason').fill(reason);
  await dialog.getByRole('button', { name: 'Cancel order' }).click();
  await expect(dialog).toBeHidden();
}
