import { newCustomerEmail, openShopWithOrder } from '../support/customer.js';
import { expect, test } from '../support/fixtures.js';
import { completeOrder, makeOrder, orderCard, queueColumn } from '../support/staff.js';

test.use({ runtimeOptions: { name: 'offline' } });

test('a customer’s phone loses the connection and comes back: the order status catches up', async ({
  openScreen,
  runtime,
  snap,
}) => {
  const { barista, phone, number } = await openShopWithOrder(
    openScreen,
    runtime.edgeUrl,
    newCustomerEmail('tim'),
    { drink: 'Espresso', option: 'Double' },
  );

  // The phone goes offline: it says so.
  await phone.context.setOffline(true);
  const banner = phone.page.getByRole('status').filter({ hasText: 'Offline' });
  await expect(banner).toBeVisible();
  await snap(phone.page, 'customer-offline');

  // Meanwhile the barista makes and completes the drink; the offline phone cannot know yet.
  await makeOrder(barista.page, number);
  await completeOrder(barista.page, number);
  await expect(orderCard(queueColumn(barista.page, 'Ready'), number)).toBeVisible();
  // Give a live message time to (wrongly) arrive: the phone must still show the old status.
  await phone.page.waitForTimeout(2_000);
  await expect(phone.page.getByRole('heading', { name: 'In the queue' })).toBeVisible();

  // Back online: the banner goes and the status catches up, without a reload.
  await phone.context.setOffline(false);
  await expect(banner).toBeHidden();
  await expect(phone.page.getByRole('heading', { name: 'Ready for pickup' })).toBeVisible();
});
