import { newCustomerEmail, openShopWithOrder } from '../support/customer.js';
import { expect, test } from '../support/fixtures.js';
import { cancelAsBarista, makeOrder, orderCard, queueColumn } from '../support/staff.js';

test.use({ runtimeOptions: { name: 'cancellations' } });

test('a customer cancels their order before it is made: it leaves the queue', async ({
  openScreen,
  runtime,
  snap,
}) => {
  const { barista, phone, number } = await openShopWithOrder(
    openScreen,
    runtime.edgeUrl,
    newCustomerEmail('grace'),
    { drink: 'Cappuccino', option: 'Large' },
  );
  const card = orderCard(queueColumn(barista.page, 'New'), number);

  // A stray tap costs nothing: the customer is asked to confirm.
  await phone.page.getByRole('button', { name: 'Cancel order' }).click();
  await phone.page.getByRole('button', { name: 'Yes, cancel' }).click();

  await expect(phone.page.getByRole('heading', { name: 'Cancelled' })).toBeVisible();
  await expect(phone.page.getByText('You cancelled this order.')).toBeVisible();
  await expect(phone.page.getByRole('button', { name: 'Cancel order' })).toBeHidden();
  await expect(card).toBeHidden();
  await expect(queueColumn(barista.page, 'New')).toContainText('No new orders');
  await snap(phone.page, 'customer-cancelled');
});

test('a barista cancels an order with a reason: the customer sees it', async ({
  openScreen,
  runtime,
  snap,
}) => {
  const { barista, phone, number } = await openShopWithOrder(
    openScreen,
    runtime.edgeUrl,
    newCustomerEmail('alan'),
    { drink: 'Mocha', option: 'Soy' },
  );

  // The barista starts it, then runs out of soy milk.
  await makeOrder(barista.page, number);
  await expect(phone.page.getByRole('heading', { name: 'Being made' })).toBeVisible();
  await barista.page.getByRole('button', { name: `Cancel order #${number}` }).click();
  await snap(barista.page, 'barista-cancel-dialog');
  await barista.page.getByRole('button', { name: 'Keep order' }).click();
  await cancelAsBarista(barista.page, number, 'Sorry, we ran out of soy milk');

  await expect(orderCard(queueColumn(barista.page, 'Making'), number)).toBeHidden();
  await expect(phone.page.getByRole('heading', { name: 'Cancelled' })).toBeVisible();
  await expect(phone.page.getByText('Sorry, we ran out of soy milk')).toBeVisible();
  await snap(phone.page, 'customer-cancelled-by-barista');
});
