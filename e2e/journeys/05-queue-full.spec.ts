import { expectAccessible } from '../support/axe.js';
import { newCustomerEmail, scanAndOrder, scanAndSignIn } from '../support/customer.js';
import { expect, test } from '../support/fixtures.js';
import { expectNewOrder, openStaffScreens, queueColumn, scanQrCode } from '../support/staff.js';

test.use({ runtimeOptions: { name: 'queue-full', limits: { capacity: 1 } } });

test('with the baristas at capacity, the next customer is refused with a clear message', async ({
  openScreen,
  runtime,
  snap,
}, testInfo) => {
  const { display, barista } = await openStaffScreens(openScreen);
  const first = await openScreen('phone', 'first customer');
  const second = await openScreen('phone', 'second customer');
  const url = await scanQrCode(display.page);

  const number = await scanAndOrder(first.page, url, runtime.edgeUrl, newCustomerEmail('first'), {
    drink: 'Flat white',
    option: 'Oat',
  });
  await expectNewOrder(barista.page, number);

  // The queue holds one open order: the second customer is not admitted, and is told why.
  await scanAndSignIn(second.page, url, runtime.edgeUrl, newCustomerEmail('second'));
  await expect(second.page.getByText(/at capacity/)).toBeVisible();
  await expect(second.page.getByRole('radio', { name: 'Latte', exact: true })).toBeHidden();
  await snap(second.page, 'customer-queue-full');
  await expectAccessible(second.page, 'customer queue full', testInfo);
  await expect(queueColumn(barista.page, 'New').getByRole('article')).toHaveCount(1);
});
