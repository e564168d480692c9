import { expectAccessible } from '../support/axe.js';
import { newCustomerEmail, scanAndSignIn } from '../support/customer.js';
import { expect, test } from '../support/fixtures.js';
import { openStaffScreens, queueColumn, scanQrCode } from '../support/staff.js';

/** A short customer timeout, with a queue of one. */
const CUSTOMER_TIMEOUT_SECONDS = 15;

test.use({
  runtimeOptions: {
    name: 'customer-timeout',
    limits: { customerTimeoutSeconds: CUSTOMER_TIMEOUT_SECONDS, capacity: 1 },
  },
});

test('a customer who does not choose in time sees the timeout, and the order leaves the queue', async ({
  openScreen,
  runtime,
  snap,
}, testInfo) => {
  test.setTimeout(CUSTOMER_TIMEOUT_SECONDS * 1000 + 90_000);
  const { display, barista } = await openStaffScreens(openScreen);
  const phone = await openScreen('phone', 'customer');
  const late = await openScreen('phone', 'next customer');
  const url = await scanQrCode(display.page);

  await scanAndSignIn(phone.page, url, runtime.edgeUrl, newCustomerEmail('slow'));
  await expect(phone.page.getByRole('heading', { name: 'Choose your drink' })).toBeVisible();
  await expect(phone.page.getByRole('timer')).toContainText(/0:\d\d left to choose/);

  // The customer puts the phone away; the backend's timeout cancels the order.
  await expect(phone.page.getByRole('heading', { name: 'Cancelled' })).toBeVisible({
    timeout: CUSTOMER_TIMEOUT_SECONDS * 1000 + 20_000,
  });
  await expect(phone.page.getByText('Time ran out before a drink was chosen.')).toBeVisible();
  await expect(phone.page.getByRole('radio', { name: 'Latte', exact: true })).toBeHidden();
  await snap(phone.page, 'customer-timed-out');
  await expectAccessible(phone.page, 'customer timed out', testInfo);

  // Its place in the queue (capacity 1) is free again: the next customer is admitted.
  await expect(queueColumn(barista.page, 'New')).toContainText('No new orders');
  await scanAndSignIn(late.page, url, runtime.edgeUrl, newCustomerEmail('next'));
  await expect(late.page.getByRole('heading', { name: 'Choose your drink' })).toBeVisible();
});
