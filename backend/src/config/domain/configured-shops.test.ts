import { describe, expect, it } from 'vitest';
import { InvalidRequestError } from '../../errors.js';
import { shopsFromEnvironment } from './configured-shops.js';

describe('shopsFromEnvironment', () => {
  it.each([
    [undefined, [{ shopId: 'main', name: 'Coffee bar' }]],
    [' ', [{ shopId: 'main', name: 'Coffee bar' }]],
    [
      'terrace=Terrace bar, stage',
      [
        { shopId: 'main', name: 'Coffee bar' },
        { shopId: 'terrace', name: 'Terrace bar' },
        { shopId: 'stage', name: 'stage' },
      ],
    ],
    ['main=Festival bar', [{ shopId: 'main', name: 'Festival bar' }]],
    [
      'a=x=y,',
      [
        { shopId: 'main', name: 'Coffee bar' },
        { shopId: 'a', name: 'x=y' },
      ],
    ],
  ])('reads COFFEE_SHOPS=%j', (value, shops) => {
    expect(shopsFromEnvironment({ COFFEE_SHOPS: value })).toEqual(shops);
  });

  it.each([
    ['bad id!', /"bad id!" is not a shop id/],
    ['=Nameless', /"" is not a shop id/],
    ['stage,stage', /"stage" is listed twice/],
    [`long=${'x'.repeat(81)}`, /the name of "long" must be 1 to 80 characters/],
    ['blank=', /the name of "blank" must be 1 to 80 characters/],
  ])('refuses COFFEE_SHOPS=%j, naming the variable', (value, problem) => {
    const refuse = () => shopsFromEnvironment({ COFFEE_SHOPS: value });
    expect(refuse).toThrow(InvalidRequestError);
    expect(refuse).toThrow(/^COFFEE_SHOPS lists id or id=Name entries, comma-separated: /);
    expect(refuse).toThrow(problem);
  });
});
