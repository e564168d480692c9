import { describe, expect, it } from 'vitest';
import {
  DEFAULT_PASSWORD_POLICY,
  passwordPolicyFrom,
  passwordPolicyWords,
  passwordProblem,
} from './password-policy.js';

describe('passwordProblem with the default policy', () => {
  it.each([
    ['Aa1!aaaa', undefined],
    ['Aa1!aaa', 'Password not long enough'],
    ['aa1!aaaa', 'Password must have uppercase characters'],
    ['AA1!AAAA', 'Password must have lowercase characters'],
    ['Aa!!aaaa', 'Password must have numeric characters'],
    ['Aa11aaaa', 'Password must have symbol characters'],
    ['Aa1 aaaa', undefined],
    ['Éa1!aaaa', undefined],
  ])('%s → %s', (password, problem) => {
    expect(passwordProblem(DEFAULT_PASSWORD_POLICY, password)).toBe(problem);
  });
});

describe('passwordPolicyFrom', () => {
  it('uses the defaults when no policy is given', () => {
    expect(passwordPolicyFrom(undefined)).toEqual(DEFAULT_PASSWORD_POLICY);
  });

  it('requires only what a given policy names', () => {
    // Act
    const policy = passwordPolicyFrom({ MinimumLength: 6 });

    // Assert
    expect(passwordProblem(policy, 'simple')).toBeUndefined();
    expect(passwordProblem(policy, 'short')).toBe('Password not long enough');
  });
});

describe('passwordPolicyWords', () => {
  it.each([
    [
      DEFAULT_PASSWORD_POLICY,
      '8 characters or more, with upper and lower case letters, a digit and a symbol',
    ],
    [
      { ...DEFAULT_PASSWORD_POLICY, RequireLowercase: false, RequireSymbols: false },
      '8 characters or more, with an upper case letter and a digit',
    ],
    [
      {
        ...DEFAULT_PASSWORD_POLICY,
        MinimumLength: 12,
        RequireUppercase: false,
        RequireNumbers: false,
        RequireSymbols: false,
      },
      '12 characters or more, with a lower case letter',
    ],
    [passwordPolicyFrom({ MinimumLength: 6 }), '6 characters or more'],
  ])('words %o as "%s"', (policy, words) => {
    expect(passwordPolicyWords(policy)).toBe(words);
  });
});
