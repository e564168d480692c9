import { describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS, type Limits } from '../../contracts/config.js';
import { InvalidRequestError } from '../../errors.js';
import { applyLimitsUpdate, limitsFromEnvironment, validateLimits } from './limits.js';

describe('validateLimits', () => {
  it('accepts the defaults', () => {
    expect(validateLimits(DEFAULT_LIMITS)).toEqual(DEFAULT_LIMITS);
  });

  it.each([
    ['a missing limit', { ...DEFAULT_LIMITS, capacity: undefined }],
    ['a fraction', { ...DEFAULT_LIMITS, dailyLimit: 1.5 }],
    ['zero', { ...DEFAULT_LIMITS, drinksPerCode: 0 }],
    ['a string', { ...DEFAULT_LIMITS, codeSeconds: '300' }],
    ['too long a timeout', { ...DEFAULT_LIMITS, baristaTimeoutSeconds: 14_401 }],
    ['not an object', 'limits'],
  ])('refuses %s with invalid-request', (_, input) => {
    expect(() => validateLimits(input)).toThrow(InvalidRequestError);
  });
});

describe('applyLimitsUpdate', () => {
  const limits: Limits = { ...DEFAULT_LIMITS };

  it.each<[string, unknown, Partial<Limits>, boolean]>([
    ['one field', { capacity: 30 }, { capacity: 30 }, true],
    ['several fields', { drinksPerCode: 5, codeSeconds: 60 }, { drinksPerCode: 5, codeSeconds: 60 }, true],
    ['every field', { ...DEFAULT_LIMITS, dailyLimit: 2 }, { dailyLimit: 2 }, true],
    ['an empty body', {}, {}, false],
    ['the current values', { capacity: 20, dailyLimit: 5 }, {}, false],
    ['explicit undefined', { capacity: undefined }, {}, false],
  ])('%s', (_, update, expected, changed) => {
    const result = applyLimitsUpdate(limits, update);
    expect(result).toEqual({ limits: { ...limits, ...expected }, changed });
    if (!changed) expect(result.limits).toBe(limits);
  });

  it.each([
    ['out of bounds', { capacity: 5001 }],
    ['below bounds', { customerTimeoutSeconds: 4 }],
    ['a fraction', { capacity: 2.5 }],
    ['a string', { capacity: '30' }],
    ['an unknown field', { capacity: 30, queue: 3 }],
    ['null', null],
    ['an array', [1]],
  ])('refuses %s and changes nothing', (_, update) => {
    const before = structuredClone(limits);
    expect(() => applyLimitsUpdate(limits, update)).toThrow(InvalidRequestError);
    expect(limits).toEqual(before);
  });

  it('says which limit is wrong', () => {
    expect(() => applyLimitsUpdate(limits, { capacity: 0 })).toThrow(/capacity/);
  });
});

describe('limitsFromEnvironment', () => {
  it.each<[string, Record<string, string | undefined>, Partial<Limits>]>([
    ['nothing set', {}, {}],
    [
      'every variable',
      {
        COFFEE_DRINKS_PER_CODE: '3',
        COFFEE_CODE_SECONDS: '60',
        COFFEE_CAPACITY: '4',
        COFFEE_DAILY_LIMIT: '2',
        COFFEE_CUSTOMER_TIMEOUT_SECONDS: '45',
        COFFEE_BARISTA_TIMEOUT_SECONDS: '120',
      },
      {
        drinksPerCode: 3,
        codeSeconds: 60,
        capacity: 4,
        dailyLimit: 2,
        customerTimeoutSeconds: 45,
        baristaTimeoutSeconds: 120,
      },
    ],
    ['one variable, spaces around', { COFFEE_CAPACITY: ' 25 ' }, { capacity: 25 }],
    ['a blank variable', { COFFEE_CAPACITY: '  ' }, {}],
    ['an undefined variable', { COFFEE_CAPACITY: undefined }, {}],
    ['unrelated variables', { PATH: '/bin', CAPACITY: '3' }, {}],
  ])('%s', (_, env, expected) => {
    expect(limitsFromEnvironment(env)).toEqual({ ...DEFAULT_LIMITS, ...expected });
  });

  it.each([
    ['COFFEE_CAPACITY', 'lots'],
    ['COFFEE_CAPACITY', '2.5'],
    ['COFFEE_CAPACITY', '-1'],
    ['COFFEE_CAPACITY', '0'],
    ['COFFEE_CODE_SECONDS', '9'],
    ['COFFEE_DAILY_LIMIT', '1e2'],
  ])('refuses %s=%s, naming it', (name, value) => {
    expect(() => limitsFromEnvironment({ [name]: value })).toThrow(new RegExp(name));
  });
});
