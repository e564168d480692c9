import type { Page } from '@playwright/test';
import { newCustomerEmail, scanAndOrder } from '../support/customer.js';
import { expect, test } from '../support/fixtures.js';
import {
  boardColumn,
  boardNumber,
  expectNewOrder,
  makeOrder,
  openBarista,
  openDisplay,
  orderCard,
  queueColumn,
  scanQrCode,
} from '../support/staff.js';

test.use({ runtimeOptions: { name: 'two-bars', shops: 'terrace=Terrace bar' } });

test('two bars at one event: each has its own code, queue and order numbers', async ({
  openScreen,
  runtime,
  snap,
}) => {
  const mainDisplay = await openScreen('display', 'main display');
  const mainBarista = await openScreen('tablet', 'main barista');
  const terraceDisplay = await openScreen('display', 'terrace display');
  const terraceBarista = await openScreen('tablet', 'terrace barista');
  const mainCustomer = await openScreen('phone', 'customer at the main bar');
  const terraceCustomer = await openScreen('phone', 'customer at the terrace');
  await openDisplay(mainDisplay.page);
  await openBarista(mainBarista.page);
  await openDisplay(terraceDisplay.page, 'terrace');
  await openBarista(terraceBarista.page, undefined, undefined, 'terrace');

  // Each display names its bar and shows its own bar's code.
  await expect(codePanel(mainDisplay.page).getByText('Coffee bar', { exact: true })).toBeVisible();
  await expect(codePanel(terraceDisplay.page).getByText('Terrace bar', { exact: true })).toBeVisible();
  const mainUrl = await scanQrCode(mainDisplay.page);
  const terraceUrl = await scanQrCode(terraceDisplay.page);
  expect(new URL(mainUrl).searchParams.get('shop')).toBe('main');
  expect(new URL(terraceUrl).searchParams.get('shop')).toBe('terrace');

  // One order at each bar: each bar numbers its own from 1.
  const mainNumber = await scanAndOrder(
    mainCustomer.page,
    mainUrl,
    runtime.edgeUrl,
    newCustomerEmail('mia'),
    {
      drink: 'Americano',
      option: 'Oat',
    },
  );
  const terraceNumber = await scanAndOrder(
    terraceCustomer.page,
    terraceUrl,
    runtime.edgeUrl,
    newCustomerEmail('tess'),
    { drink: 'Americano', option: 'Oat' },
  );
  expect([mainNumber, terraceNumber]).toEqual([1, 1]);
  await expectNewOrder(mainBarista.page, mainNumber);
  await expectNewOrder(terraceBarista.page, terraceNumber);
  await expect(queueColumn(mainBarista.page, 'New').getByRole('article')).toHaveCount(1);
  await expect(queueColumn(terraceBarista.page, 'New').getByRole('article')).toHaveCount(1);

  // The terrace's barista makes theirs: only the terrace's screens move.
  await makeOrder(terraceBarista.page, terraceNumber);
  await expect(boardNumber(boardColumn(terraceDisplay.page, 'Being made'), terraceNumber)).toBeVisible();
  await expect(terraceCustomer.page.getByRole('heading', { name: 'Being made' })).toBeVisible();
  await expect(orderCard(queueColumn(mainBarista.page, 'New'), mainNumber)).toBeVisible();
  await expect(boardColumn(mainDisplay.page, 'Being made').getByRole('listitem')).toHaveCount(0);
  await snap(terraceDisplay.page, 'terrace-display-making');
});

/** The display's QR panel. */
const codePanel = (display: Page) => display.getByRole('region', { name: 'Scan to order' });
