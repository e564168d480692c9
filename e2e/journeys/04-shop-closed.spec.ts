import { expectAccessible } from '../support/axe.js';
import { newCustomerEmail, scanAndSignIn, signInCustomer } from '../support/customer.js';
import { expect, test } from '../support/fixtures.js';
import { openStaffScreens, qrCodeImage, scanQrCode } from '../support/staff.js';

test.use({ runtimeOptions: { name: 'shop-closed' } });

test('the barista closes the shop: the display and a customer react live, and a scan is refused', async ({
  openScreen,
  runtime,
  snap,
}, testInfo) => {
  const { display, barista } = await openStaffScreens(openScreen);
  const regular = await openScreen('phone', 'customer at home');
  const late = await openScreen('phone', 'customer scanning');
  const url = await scanQrCode(display.page);
  await regular.page.goto('/order/');
  await signInCustomer(regular.page, runtime.edgeUrl, newCustomerEmail('regular'));
  await expect(regular.page.getByRole('heading', { name: 'Your orders' })).toBeVisible();
  const closedNotice = regular.page.getByRole('status').filter({ hasText: 'is closed right now' });
  await expect(closedNotice).toBeHidden();

  // The barista closes the shop.
  const open = barista.page.getByRole('switch', { name: 'Shop open' });
  await expect(open).toBeChecked();
  await open.click();
  await expect(open).not.toBeChecked();
  await expect(barista.page.getByText('The shop is closed: customers cannot order.')).toBeVisible();

  await expect(display.page.getByRole('heading', { name: 'Coffee bar is closed' })).toBeVisible();
  await expect(qrCodeImage(display.page)).toBeHidden();
  await expect(closedNotice).toBeVisible();
  await snap(display.page, 'display-closed');

  // A code scanned just before closing is refused, in words.
  await scanAndSignIn(late.page, url, runtime.edgeUrl, newCustomerEmail('late'));
  await expect(late.page.getByRole('heading', { name: 'We could not take this order' })).toBeVisible();
  await expect(late.page.getByRole('alert')).toHaveText('The coffee bar is closed right now.');
  await snap(late.page, 'customer-shop-closed');
  await expectAccessible(late.page, 'customer shop closed refusal', testInfo);

  // Reopening brings the code back.
  await open.click();
  await expect(open).toBeChecked();
  await expect(qrCodeImage(display.page)).toBeVisible();
  await expect(closedNotice).toBeHidden();
});
