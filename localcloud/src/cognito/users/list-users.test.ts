import { describe, expect, it } from 'vitest';
import { parseUserFilter } from './list-users.js';

describe('parseUserFilter', () => {
  it.each([
    ['email = "a@example.com"', { attribute: 'email', prefix: false, value: 'a@example.com' }],
    ['username ^= "bar"', { attribute: 'username', prefix: true, value: 'bar' }],
    [
      'cognito:user_status="CONFIRMED"',
      { attribute: 'cognito:user_status', prefix: false, value: 'CONFIRMED' },
    ],
    ['name = "say \\"hi\\""', { attribute: 'name', prefix: false, value: 'say "hi"' }],
    ['', undefined],
  ])('%s', (text, filter) => {
    expect(parseUserFilter(text)).toEqual(filter);
  });

  it.each(['email == "x"', 'custom:team = "x"', 'email = x'])('refuses %s', (text) => {
    expect(() => parseUserFilter(text)).toThrow('Error while parsing filter.');
  });
});
