import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import {
  type BrowserContext,
  type BrowserContextOptions,
  test as base,
  devices,
  expect,
  type Page,
  type TestInfo,
} from '@playwright/test';
import { REPO_ROOT, type Runtime, type RuntimeOptions, startRuntime } from './runtime.js';

/** The three kinds of screen the shop runs on. */
export type Device = 'display' | 'tablet' | 'phone';

/** Each device as a browser context: the overhead monitor, the barista's tablet, a customer's phone. */
const DEVICE_OPTIONS: Record<Device, BrowserContextOptions> = {
  display: { viewport: { width: 1920, height: 1080 }, deviceScaleFactor: 1 },
  tablet: { ...devices['Galaxy Tab S4 landscape'], deviceScaleFactor: 1 },
  phone: { ...devices['Pixel 7'] },
};

/** Where journeys save the screenshots they take on purpose (git-ignored; a few are copied for the README). */
export const SCREENSHOT_DIR = join(REPO_ROOT, 'e2e', 'screenshots');

/** One screen of a journey: a page in its own browser context, and what its console said. */
export interface Screen {
  /** Who holds it, e.g. `customer`, `barista 2`: names the attachments of a failed journey. */
  label: string;
  page: Page;
  context: BrowserContext;
  /** Console messages, page errors and failed requests, in order, one line each. */
  logs: string[];
}

/** Opens screens for a journey; each gets its own context (its own storage: its own sign-in). */
export type OpenScreen = (device: Device, label: string) => Promise<Screen>;

interface WorkerFixtures {
  /** The runtime the journeys of this file run against; set with `test.use({ runtimeOptions })`. */
  runtimeOptions: RuntimeOptions;
  runtime: Runtime;
}

interface TestFixtures {
  /** Opens a screen (see {@link OpenScreen}); every one is closed after the journey. */
  openScreen: OpenScreen;
  /** Saves a screenshot of `page` as `e2e/screenshots/<name>.png` and attaches it to the report. */
  snap: (page: Page, name: string) => Promise<void>;
}

function record(screen: Screen, line: string): void {
  screen.logs.push(`${new Date().toISOString()} ${line}`);
}

function watch(screen: Screen): void {
  const { page } = screen;
  page.on('console', (message) => record(screen, `console.${message.type()}: ${message.text()}`));
  page.on('pageerror', (error) => record(screen, `page error: ${error.stack ?? error.message}`));
  page.on('requestfailed', (request) =>
    record(
      screen,
      `request failed: ${request.method()} ${request.url()} ${request.failure()?.errorText ?? ''}`,
    ),
  );
  page.on('websocket', (socket) => {
    record(screen, `websocket opened: ${socket.url().replace(/token=[^&]+/, 'token=…')}`);
    socket.on('close', () => record(screen, 'websocket closed'));
  });
}

/** What a failed journey leaves behind: each screen's screenshot and console, and the runtime's output. */
async function reportFailure(screens: Screen[], runtime: Runtime, testInfo: TestInfo): Promise<void> {
  for (const screen of screens) {
    const name = screen.label.replace(/\W+/g, '-');
    if (!screen.page.isClosed()) {
      const shot = await screen.page.screenshot({ fullPage: true, scale: 'css' }).catch(() => undefined);
      if (shot) await testInfo.attach(`${name}-screenshot`, { body: shot, contentType: 'image/png' });
    }
    const logs = screen.logs.join('\n') || '(nothing logged)';
    await testInfo.attach(`${name}-console`, { body: logs, contentType: 'text/plain' });
    console.log(`\n----- browser console of ${screen.label} -----\n${logs}`);
  }
  const tail = runtime.output.slice(-200).join('\n');
  await testInfo.attach('runtime-output', { body: tail, contentType: 'text/plain' });
  console.log(`\n----- runtime output (last 200 lines) -----\n${tail}`);
}

export { expect };

/**
 * The journeys' `test`: a runtime per worker (one per distinct `runtimeOptions`: every journey file
 * names its own, so each starts from a fresh data folder), and screens that report their console
 * and a screenshot when the journey fails.
 */
export const test = base.extend<TestFixtures, WorkerFixtures>({
  runtimeOptions: [{ name: 'default' }, { option: true, scope: 'worker' }],

  runtime: [
    async ({ runtimeOptions }, use) => {
      const runtime = await startRuntime(runtimeOptions);
      await use(runtime);
      await runtime.stop();
    },
    { scope: 'worker', timeout: 90_000 },
  ],

  openScreen: async ({ browser, runtime }, use, testInfo) => {
    const screens: Screen[] = [];
    await use(async (device, label) => {
      const context = await browser.newContext({ ...DEVICE_OPTIONS[device], baseURL: runtime.webUrl });
      const screen: Screen = { label, context, page: await context.newPage(), logs: [] };
      watch(screen);
      screens.push(screen);
      return screen;
    });
    if (testInfo.status !== testInfo.expectedStatus) await reportFailure(screens, runtime, testInfo);
    for (const screen of screens) await screen.context.close();
  },

  // biome-ignore lint/correctness/noEmptyPattern: Playwright reads the fixtures a fixture needs from this pattern.
  snap: async ({}, use, testInfo) => {
    await mkdir(SCREENSHOT_DIR, { recursive: true });
    await use(async (page, name) => {
      const path = join(SCREENSHOT_DIR, `${name}.png`);
      await page.screenshot({ path, scale: 'css', animations: 'disabled' });
      await testInfo.attach(name, { path, contentType: 'image/png' });
    });
  },
});

const LOADED_MARK = '__coffeeE2eLoaded';

/** Marks the page's document, so that {@link expectNotReloaded} can tell it was never reloaded. */
export async function markLoaded(page: Page): Promise<void> {
  await page.evaluate((mark) => Object.assign(window, { [mark]: true }), LOADED_MARK);
}

/** Asserts the page still shows the document {@link markLoaded} marked: every update came live. */
export async function expectNotReloaded(page: Page): Promise<void> {
  const marked = await page.evaluate((mark) => mark in window, LOADED_MARK);
  expect(marked, `${page.url()} was reloaded or navigated away`).toBe(true);
}
