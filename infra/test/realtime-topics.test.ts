import { SIGNED_IN_USER } from '@coffee/backend/contracts';
import { describe, expect, it } from 'vitest';
import { toIotPolicyTopic } from '../lib/constructs/iot-data-endpoint.js';

describe('declared MQTT filters as the topics publishers may publish to', () => {
  it.each([
    ['shops/+/config', 'shops/*/config'],
    ['shops/+/queue', 'shops/*/queue'],
    [`users/${SIGNED_IN_USER}/orders`, 'users/*/orders'],
    ['shops/#', 'shops/*'],
    ['shops/main/config', 'shops/main/config'],
  ])('%s becomes %s', (filter, topic) => {
    expect(toIotPolicyTopic(filter)).toBe(topic);
  });
});
