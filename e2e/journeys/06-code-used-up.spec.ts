import { expectAccessible } from '../support/axe.js';
import { newCustomerEmail, scanAndSignIn } from '../support/customer.js';
import { expect, test } from '../support/fixtures.js';
import { openDisplay, qrCodeImage, scanQrCode } from '../support/staff.js';

test.use({ runtimeOptions: { name: 'code-used-up', limits: { drinksPerCode: 1 } } });

test('a used-up code disappears from the display, and a late scan of it is refused', async ({
  openScreen,
  runtime,
  snap,
}, testInfo) => {
  const display = await openScreen('display', 'display');
  const first = await openScreen('phone', 'first customer');
  const second = await openScreen('phone', 'late customer');
  await openDisplay(display.page);
  const url = await scanQrCode(display.page);
  await expect(display.page.getByRole('region', { name: 'Scan to order' })).toContainText(
    '1 drink left on this code',
  );

  await scanAndSignIn(first.page, url, runtime.edgeUrl, newCustomerEmail('quick'));
  await expect(first.page.getByRole('heading', { name: 'Choose your drink' })).toBeVisible();

  // The display hides the code and says when new orders open.
  await expect(qrCodeImage(display.page)).toBeHidden();
  const usedUp = display.page.getByRole('region', { name: 'Scan to order' }).getByRole('status');
  await expect(usedUp).toContainText('That’s all for this round!');
  await expect(usedUp).toContainText('New orders open at');
  await snap(display.page, 'display-code-used-up');
  await expectAccessible(display.page, 'display code used up', testInfo);

  // Someone who photographed the code a moment ago is refused.
  await scanAndSignIn(second.page, url, runtime.edgeUrl, newCustomerEmail('late'));
  await expect(second.page.getByRole('heading', { name: 'We could not take this order' })).toBeVisible();
  await expect(second.page.getByRole('alert')).toHaveText(
    'This QR code has been used up. Wait for the next code on the screen.',
  );
  await snap(second.page, 'customer-code-used-up');
  await expectAccessible(second.page, 'customer code used up', testInfo);
});
