import { describe, expect, it } from 'vitest';
import { hasRole, type Principal, principalFromClaims, rolesOf } from './roles.js';

describe('rolesOf', () => {
  it.each<[string, Principal | undefined, string[]]>([
    ['anonymous', undefined, []],
    ['no group', { sub: 'u', groups: [] }, ['customer']],
    ['an unrelated group', { sub: 'u', groups: ['admins'] }, ['customer']],
    ['barista', { sub: 'u', groups: ['barista'] }, ['barista']],
    ['display', { sub: 'u', groups: ['display'] }, ['display']],
    ['both', { sub: 'u', groups: ['display', 'barista'] }, ['barista', 'display']],
  ])('%s → %j', (_, principal, roles) => {
    expect(rolesOf(principal)).toEqual(roles);
  });

  it('hasRole asks rolesOf', () => {
    expect(hasRole({ sub: 'u', groups: ['barista'] }, 'customer')).toBe(false);
    expect(hasRole(undefined, 'customer')).toBe(false);
  });
});

describe('principalFromClaims', () => {
  it.each([
    [
      { sub: 'u-1', 'cognito:groups': ['barista'] },
      { sub: 'u-1', groups: ['barista'] },
    ],
    [{ sub: 'u-1' }, { sub: 'u-1', groups: [] }],
    [
      { sub: 'u-1', 'cognito:groups': 'barista' },
      { sub: 'u-1', groups: [] },
    ],
    [
      { sub: 'u-1', 'cognito:groups': ['barista', 7] },
      { sub: 'u-1', groups: ['barista'] },
    ],
    [{ sub: '' }, undefined],
    [{ 'cognito:groups': ['barista'] }, undefined],
  ])('%j', (claims, principal) => {
    expect(principalFromClaims(claims)).toEqual(principal);
  });
});
