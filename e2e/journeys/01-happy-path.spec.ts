import { newCustomerEmail, orderDrink, signInCustomer } from '../support/customer.js';
import { expect, expectNotReloaded, markLoaded, test } from '../support/fixtures.js';
import {
  boardColumn,
  boardNumber,
  completeOrder,
  expectNewOrder,
  makeOrder,
  openStaffScreens,
  orderCard,
  queueColumn,
  scanQrCode,
} from '../support/staff.js';

test.use({ runtimeOptions: { name: 'happy-path' } });

test('a customer scans the display, orders a latte with oat milk, and collects it when the barista is done', async ({
  openScreen,
  runtime,
  snap,
}) => {
  const { display, barista } = await openStaffScreens(openScreen);
  const phone = await openScreen('phone', 'customer');
  await markLoaded(display.page);
  await markLoaded(barista.page);

  // The phone scans the code on the display.
  const url = await scanQrCode(display.page);
  expect(new URL(url).pathname).toBe('/order');
  expect(new URL(url).searchParams.get('shop')).toBe('main');
  await snap(display.page, 'display-qr-code');

  // The phone's vibrations are recorded as they happen (the browser's own vibrate still runs).
  await phone.page.addInitScript(() => {
    const vibrate = navigator.vibrate.bind(navigator);
    const recorded: VibratePattern[] = [];
    Object.assign(window, { recordedVibrations: recorded });
    Object.defineProperty(navigator, 'vibrate', {
      value: (pattern: VibratePattern) => {
        recorded.push(pattern);
        return vibrate(pattern);
      },
    });
  });
  const vibrations = () =>
    phone.page.evaluate(
      () => (window as unknown as { recordedVibrations: VibratePattern[] }).recordedVibrations,
    );

  // The customer signs in with an emailed code and orders.
  await phone.page.goto(url);
  await snap(phone.page, 'customer-sign-in');
  await signInCustomer(phone.page, runtime.edgeUrl, newCustomerEmail('ada'));
  await expect(phone.page.getByRole('heading', { name: 'Choose your drink' })).toBeVisible();
  await markLoaded(phone.page);
  await expect(phone.page.getByRole('timer')).toContainText('left to choose');
  await snap(phone.page, 'customer-menu');
  const number = await orderDrink(phone.page, { drink: 'Latte', option: 'Oat' });
  await expect(phone.page.getByRole('heading', { name: 'In the queue' })).toBeVisible();
  await expect(phone.page).toHaveTitle(`In the queue · #${number} · Order coffee`);
  await expect(phone.page.getByText('Yours is next.')).toBeVisible();
  await expect(phone.page.getByText('Latte · Oat · Regular')).toBeVisible();
  await snap(phone.page, 'customer-in-queue');

  // The order appears on the tablet without a reload, with its drink and modifier.
  const card = await expectNewOrder(barista.page, number);
  await expect(card).toContainText('Latte');
  await expect(card).toContainText('Oat');
  await snap(barista.page, 'barista-new-order');

  // The barista makes it: the customer and the display follow live.
  await makeOrder(barista.page, number);
  await expect(orderCard(queueColumn(barista.page, 'Making'), number)).toBeVisible();
  await expect(phone.page.getByRole('heading', { name: 'Being made' })).toBeVisible();
  await expect(boardNumber(boardColumn(display.page, 'Being made'), number)).toBeVisible();
  await snap(display.page, 'display-being-made');

  // The barista completes it: "ready" on the phone, the ready column on the display.
  await completeOrder(barista.page, number);
  await expect(orderCard(queueColumn(barista.page, 'Ready'), number)).toBeVisible();
  await expect(phone.page.getByRole('heading', { name: 'Ready for pickup' })).toBeVisible();
  // For a customer looking away: the phone buzzes twice, and its tab says so.
  await expect(phone.page).toHaveTitle(`Ready for pickup · #${number} · Order coffee`);
  expect(await vibrations()).toEqual([[400, 200, 400]]);
  // The display's new ready number pulses, for people across the room.
  const readyNumber = boardNumber(boardColumn(display.page, 'Ready for pickup'), number);
  await expect(readyNumber).toBeVisible();
  await expect(readyNumber).toHaveCSS('animation-name', 'just-ready');
  await expect(boardNumber(boardColumn(display.page, 'Being made'), number)).toBeHidden();
  for (const screen of [display, barista, phone]) await expectNotReloaded(screen.page);
  await snap(phone.page, 'customer-ready');
  await snap(barista.page, 'barista-queue');
  await snap(display.page, 'display-ready');
});
