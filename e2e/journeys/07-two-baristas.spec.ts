import { createBarista } from '../support/cognito.js';
import { newCustomerEmail, scanAndOrder } from '../support/customer.js';
import { expect, test } from '../support/fixtures.js';
import {
  expectNewOrder,
  makeOrder,
  openBarista,
  openDisplay,
  orderCard,
  queueColumn,
  scanQrCode,
} from '../support/staff.js';

test.use({ runtimeOptions: { name: 'two-baristas' } });

const SECOND_BARISTA = { username: 'barista-two', password: 'e2e-Second-barista-1' };

test('two baristas: the order one claims leaves the other one’s new column', async ({
  openScreen,
  runtime,
  snap,
}) => {
  await createBarista(runtime.webUrl, runtime.edgeUrl, SECOND_BARISTA.username, SECOND_BARISTA.password);
  const display = await openScreen('display', 'display');
  const one = await openScreen('tablet', 'barista one');
  const two = await openScreen('tablet', 'barista two');
  const phone = await openScreen('phone', 'customer');
  await openDisplay(display.page);
  await openBarista(one.page);
  await openBarista(two.page, SECOND_BARISTA.username, SECOND_BARISTA.password);

  const url = await scanQrCode(display.page);
  const number = await scanAndOrder(phone.page, url, runtime.edgeUrl, newCustomerEmail('ida'), {
    drink: 'Americano',
    option: 'Oat',
  });
  await expectNewOrder(one.page, number);
  await expectNewOrder(two.page, number);

  await makeOrder(one.page, number);

  await expect(orderCard(queueColumn(one.page, 'Making'), number)).toBeVisible();
  await expect(orderCard(queueColumn(two.page, 'New'), number)).toBeHidden();
  await expect(orderCard(queueColumn(two.page, 'Making'), number)).toBeVisible();
  await expect(phone.page.getByRole('heading', { name: 'Being made' })).toBeVisible();
  await snap(two.page, 'barista-two-after-claim');
});
