import type { IotPolicyDeclaration } from '@coffee/localcloud';
import { describe, expect, it } from 'vitest';
import { SIGNED_IN_USER } from '../contracts/topics.js';
import { applicablePolicies, iotPolicyDocument, policyResourceName } from './policy-document.js';

const SCOPE = { partition: 'aws-cn', region: 'cn-north-1', accountId: '123456789012' };
const IOT = 'arn:aws-cn:iot:cn-north-1:123456789012';
const POLICIES: IotPolicyDeclaration[] = [
  { principal: 'anonymous', subscribe: ['shops/+/config'] },
  { principal: 'authenticated', subscribe: [`users/${SIGNED_IN_USER}/orders`] },
  { principal: { group: 'barista' }, subscribe: ['shops/+/queue', 'shops/+/config'] },
  {
    principal: { group: 'devices' },
    subscribe: ['devices/#'],
    publish: [`devices/${SIGNED_IN_USER}/status`],
  },
];

describe('policyResourceName', () => {
  it.each([
    ['shops/+/config', undefined, 'shops/*/config'],
    ['devices/#', undefined, 'devices/*'],
    [`users/${SIGNED_IN_USER}/orders`, 'user-1', 'users/user-1/orders'],
    [`users/${SIGNED_IN_USER}/orders`, undefined, undefined],
    ['shops/main/config', 'user-1', 'shops/main/config'],
  ])('%s with sub %s is %s', (filter, sub, name) => {
    expect(policyResourceName(filter, sub)).toBe(name);
  });
});

describe('applicablePolicies', () => {
  it.each([
    ['anonymous', undefined, ['anonymous']],
    ['a customer', { sub: 'u', groups: [] }, ['anonymous', 'authenticated']],
    ['a barista', { sub: 'u', groups: ['barista'] }, ['anonymous', 'authenticated', 'barista']],
  ])('applies to %s the policies of its audiences', (_, principal, expected) => {
    const names = applicablePolicies(POLICIES, principal).map((policy) =>
      typeof policy.principal === 'string' ? policy.principal : policy.principal.group,
    );
    expect(names).toEqual(expected);
  });
});

describe('iotPolicyDocument', () => {
  it('grants each filter once, in the partition, region and account given', () => {
    const document = iotPolicyDocument(POLICIES, { sub: 'u-1', groups: ['barista'] }, SCOPE);

    expect(document).toEqual({
      Version: '2012-10-17',
      Statement: [
        { Effect: 'Allow', Action: 'iot:Connect', Resource: [`${IOT}:client/*`] },
        {
          Effect: 'Allow',
          Action: 'iot:Subscribe',
          Resource: [
            `${IOT}:topicfilter/shops/*/config`,
            `${IOT}:topicfilter/users/u-1/orders`,
            `${IOT}:topicfilter/shops/*/queue`,
          ],
        },
        {
          Effect: 'Allow',
          Action: 'iot:Receive',
          Resource: [
            `${IOT}:topic/shops/*/config`,
            `${IOT}:topic/users/u-1/orders`,
            `${IOT}:topic/shops/*/queue`,
          ],
        },
      ],
    });
  });

  it('grants Publish only on declared publish topics, with the user’s id', () => {
    const document = iotPolicyDocument(POLICIES, { sub: 'd-7', groups: ['devices'] }, SCOPE);

    expect(document.Statement.find((statement) => statement.Action === 'iot:Publish')).toEqual({
      Effect: 'Allow',
      Action: 'iot:Publish',
      Resource: [`${IOT}:topic/devices/d-7/status`],
    });
    expect(document.Statement.find((statement) => statement.Action === 'iot:Subscribe')?.Resource).toContain(
      `${IOT}:topicfilter/devices/*`,
    );
  });

  it('gives an anonymous client no filter that names the signed-in user', () => {
    const document = iotPolicyDocument(POLICIES, undefined, SCOPE);

    expect(JSON.stringify(document)).not.toContain('users/');
    expect(document.Statement.map((statement) => statement.Action)).toEqual([
      'iot:Connect',
      'iot:Subscribe',
      'iot:Receive',
    ]);
  });
});
