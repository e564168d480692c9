import { describe, expect, it } from 'vitest';
import { shopIdFromSearch } from './shop-id';

describe('shopIdFromSearch', () => {
  it.each([
    ['?shop=north', 'north'],
    ['', 'main'],
    ['?shop=', 'main'],
    ['?shop=no%20spaces', 'main'],
  ])('reads %j as shop %s', (search, shopId) => {
    expect(shopIdFromSearch(search)).toBe(shopId);
  });
});
