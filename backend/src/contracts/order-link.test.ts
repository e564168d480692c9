import { describe, expect, it } from 'vitest';
import { orderLinkUrl, parseOrderLink } from './order-link.js';

describe('order links', () => {
  it('open the customer app with the shop and token', () => {
    expect(orderLinkUrl('http://192.168.1.20:3000', { shopId: 'main', token: '123.300.abc-_' })).toBe(
      'http://192.168.1.20:3000/order?shop=main&token=123.300.abc-_',
    );
  });

  it('read back what they write', () => {
    const link = { shopId: 'main', token: '1.2.x' };
    expect(parseOrderLink(orderLinkUrl('https://coffee.example.com/', link))).toEqual(link);
  });

  it.each([
    'not a url',
    'http://x/order?shop=main',
    'http://x/order?token=t',
    'http://x/order?shop=a/b&token=t',
  ])('%s is no order link', (url) => {
    expect(parseOrderLink(url)).toBeUndefined();
  });
});
