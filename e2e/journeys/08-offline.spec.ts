import { chooseDrink, newCustomerEmail, orderNumberShown, scanAndSignIn } from '../support/customer.js';
import { expect, test } from '../support/fixtures.js';
import { openBarista, openDisplay, orderCard, queueColumn, scanQrCode } from '../support/staff.js';

test.use({ runtimeOptions: { name: 'offline' } });

test('a customer’s phone loses the connection and comes back: the order status catches up', async ({
  openScreen,
  runtime,
  snap,
}) => {
  const display = await openScreen('display', 'display');
  const barista = await openScreen('tablet', 'barista');
  const phone = await openScreen('phone', 'customer');
  await openDisplay(display.page);
  await openBarista(barista.page);
  await scanAndSignIn(phone.page, await scanQrCode(display.page), runtime.edgeUrl, newCustomerEmail('tim'));
  await chooseDrink(phone.page, 'Espresso', 'Double');
  const number = await orderNumberShown(phone.page);
  await expect(orderCard(queueColumn(barista.page, 'New'), number)).toBeVisible();

  // The phone goes offline: it says so.
  await phone.context.setOffline(true);
  const banner = phone.page.getByRole('status').filter({ hasText: 'Offline' });
  await expect(banner).toBeVisible();
  await snap(phone.page, 'customer-offline');

  // Meanwhile the barista makes and completes the drink; the offline phone cannot know yet.
  await barista.page.getByRole('button', { name: `Make order #${number}` }).click();
  await barista.page.getByRole('button', { name: `Complete order #${number}` }).click();
  await expect(orderCard(queueColumn(barista.page, 'Ready'), number)).toBeVisible();
  // Give a live message time to (wrongly) arrive: the phone must still show the old status.
  await phone.page.waitForTimeout(2_000);
  await expect(phone.page.getByRole('heading', { name: 'In the queue' })).toBeVisible();

  // Back online: the banner goes and the status catches up, without a reload.
  await phone.context.setOffline(false);
  await expect(banner).toBeHidden();
  await expect(phone.page.getByRole('heading', { name: 'Ready for pickup' })).toBeVisible();
});
