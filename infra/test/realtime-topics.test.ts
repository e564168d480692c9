import { SIGNED_IN_USER } from '@coffee/backend/contracts';
import { describe, expect, it } from 'vitest';
import { toIamTopic, toIotPolicyTopic, USER_ID_POLICY_VARIABLE } from '../lib/constructs/realtime-access.js';

describe('MQTT filters as IAM and IoT policy resources', () => {
  it.each([
    ['shops/+/config', 'shops/*/config', 'shops/*/config'],
    ['shops/+/queue', 'shops/*/queue', 'shops/*/queue'],
    [`users/${SIGNED_IN_USER}/orders`, `users/${USER_ID_POLICY_VARIABLE}/orders`, 'users/*/orders'],
    ['shops/#', 'shops/*', 'shops/*'],
  ])('%s becomes %s in the roles and %s in the signed-in IoT policy', (filter, iam, iot) => {
    expect(toIamTopic(filter)).toBe(iam);
    expect(toIotPolicyTopic(filter)).toBe(iot);
  });

  it('pins the user topic to the session tag the identity pool copies from the ID token', () => {
    expect(USER_ID_POLICY_VARIABLE).toBe(`\${aws:PrincipalTag/userId}`);
  });
});
