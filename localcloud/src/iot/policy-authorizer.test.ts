import { describe, expect, it } from 'vitest';
import { filterCovers, type IotPolicyDeclaration, policyAuthorizer } from './policy-authorizer.js';

describe('filterCovers', () => {
  it.each([
    ['shops/+/config', 'shops/main/config', true],
    ['shops/+/config', 'shops/+/config', true],
    ['shops/+/config', 'shops/#', false],
    ['shops/+/config', 'shops/main/queue', false],
    ['shops/+/config', 'shops/main/config/extra', false],
    ['users/ada/orders', 'users/ada/orders', true],
    ['users/ada/orders', 'users/+/orders', false],
    ['users/ada/orders', '#', false],
    ['shops/main/#', 'shops/main/queue', true],
    ['shops/main/#', 'shops/main/+', true],
    ['shops/main/#', 'shops/#', false],
  ])('%s covers %s: %s', (allowed, requested, expected) => {
    expect(filterCovers(allowed, requested)).toBe(expected);
  });
});

describe('policyAuthorizer', () => {
  const policies: IotPolicyDeclaration[] = [
    { principal: 'anonymous', subscribe: ['shops/+/config'] },
    { principal: 'authenticated', subscribe: ['users/${sub}/orders'] },
    { principal: { group: 'barista' }, subscribe: ['shops/+/queue'] },
  ];
  const authorizer = policyAuthorizer({
    policies,
    verify: async (token) => {
      if (token === 'ada') return { sub: 'ada', groups: [] };
      if (token === 'bob') return { sub: 'bob', groups: ['barista'] };
      throw new Error('bad signature');
    },
  });

  it('accepts a client without a token as anonymous and refuses one whose token does not verify', async () => {
    expect(await authorizer.authenticate({ clientId: 'c' })).toBeUndefined();
    expect(await authorizer.authenticate({ clientId: 'c', token: 'forged' })).toBe(false);
    expect(await authorizer.authenticate({ clientId: 'c', token: 'ada' })).toEqual({
      sub: 'ada',
      groups: [],
    });
  });

  it.each([
    ['anonymous', undefined, 'shops/main/config', true],
    ['anonymous', undefined, 'users/ada/orders', false],
    ['anonymous', undefined, 'users/${sub}/orders', false],
    ['ada', { sub: 'ada', groups: [] }, 'users/ada/orders', true],
    ['ada', { sub: 'ada', groups: [] }, 'users/bob/orders', false],
    ['ada', { sub: 'ada', groups: [] }, 'users/+/orders', false],
    ['ada', { sub: 'ada', groups: [] }, 'shops/main/queue', false],
    ['ada', { sub: 'ada', groups: [] }, 'shops/main/config', true],
    ['bob (barista)', { sub: 'bob', groups: ['barista'] }, 'shops/main/queue', true],
    ['bob (barista)', { sub: 'bob', groups: ['barista'] }, 'users/ada/orders', false],
  ])('%s subscribing to %s: %s', async (_who, principal, filter, expected) => {
    expect(await authorizer.authorizeSubscribe(principal, filter)).toBe(expected);
  });

  it('lets nobody publish unless a policy says so', async () => {
    expect(await authorizer.authorizePublish?.({ sub: 'bob', groups: ['barista'] }, 'shops/main/queue')).toBe(
      false,
    );
  });
});
