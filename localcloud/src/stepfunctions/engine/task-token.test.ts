import { describe, expect, it } from 'vitest';
import { decodeTaskToken, encodeTaskToken } from './task-token.js';

const ARN = 'arn:aws:states:us-east-1:000000000000:execution:orders:order-42';

describe('task tokens', () => {
  it('lead back to the execution, the run and the attempt they were issued for', () => {
    // Arrange
    const token = encodeTaskToken(ARN, 'main.0.3', '1b4e28ba-2fa1-11d2-883f-0016d3cca427');

    // Act
    const parts = decodeTaskToken(token);

    // Assert
    expect(parts).toEqual({
      executionArn: ARN,
      runId: 'main.0.3',
      nonce: '1b4e28ba-2fa1-11d2-883f-0016d3cca427',
    });
  });

  it('still decode tokens of the first format, held by executions waiting since before it changed', () => {
    // Arrange
    const token = Buffer.from(JSON.stringify([ARN, 'main', 'nonce-1'])).toString('base64url');

    // Act
    const parts = decodeTaskToken(token);

    // Assert
    expect(parts).toEqual({ executionArn: ARN, runId: 'main', nonce: 'nonce-1' });
  });

  it.each([
    ['an empty string', ''],
    ['text that is no token', 'not-a-real-token'],
    [
      'colons without an execution ARN',
      'nonce:main:arn:aws:states:us-east-1:000000000000:stateMachine:orders',
    ],
    ['a missing run id', `nonce::${ARN}`],
    ['a missing nonce', `:main:${ARN}`],
    ['a token over 2048 characters', `nonce:main:${ARN}${'x'.repeat(2048)}`],
    ['something other than a string', 42],
  ])('reject %s as InvalidToken', (_case, token) => {
    expect(() => decodeTaskToken(token)).toThrow(expect.objectContaining({ name: 'InvalidToken' }));
  });
});
