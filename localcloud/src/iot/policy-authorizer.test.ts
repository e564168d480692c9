import { describe, expect, it } from 'vitest';
import {
  clientIdMatches,
  filterCovers,
  type IotPolicyDeclaration,
  policyAuthorizer,
} from './policy-authorizer.js';

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

describe('clientIdMatches', () => {
  it.each([
    ['ada-*', 'ada-1f2e', true],
    ['ada-*', 'ada-', true],
    ['ada-*', 'ada', false],
    ['ada-*', 'adam-1f2e', false],
    ['ada-*', 'bob-ada-1', false],
    ['*', '', true],
    ['*-tab', 'x-tab', true],
    ['*-tab', 'x-tabs', false],
    ['a*b*c', 'abc', true],
    ['a*b*c', 'a-b-b-c', true],
    ['a*bc*bc', 'abc', false],
    ['plain', 'plain', true],
    ['plain', 'plainer', false],
  ])('%s admits %s: %s', (pattern, clientId, expected) => {
    expect(clientIdMatches(pattern, clientId)).toBe(expected);
  });
});

describe('policyAuthorizer with client ids bound to users', () => {
  const authorizer = policyAuthorizer({
    policies: [
      { principal: 'anonymous', connect: ['anonymous-*'], subscribe: ['shops/+/config'] },
      // biome-ignore lint/suspicious/noTemplateCurlyInString: IoT policy variables, not templates.
      { principal: 'authenticated', connect: ['${sub}-*'], subscribe: ['users/${sub}/orders'] },
    ],
    verify: async (token) => {
      if (token === 'ada') return { sub: 'ada', groups: [] };
      throw new Error('bad signature');
    },
  });

  it.each([
    ['an anonymous client with an anonymous id', undefined, 'anonymous-1', undefined],
    ['an anonymous client with a user’s id', undefined, 'ada-1', false],
    ['a signed-in user with their own id', 'ada', 'ada-1', { sub: 'ada', groups: [] }],
    ['a signed-in user with an anonymous id', 'ada', 'anonymous-1', { sub: 'ada', groups: [] }],
    ['a signed-in user with another user’s id', 'ada', 'bob-1', false],
    ['a client with an id of no policy', undefined, 'mqttjs_1f2e', false],
  ])('%s: %j', async (_case, token, clientId, expected) => {
    expect(await authorizer.authenticate({ clientId, ...(token && { token }) })).toEqual(expected);
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
