import { randomInt } from 'node:crypto';

const ALPHANUMERIC = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const LOWER_ALPHANUMERIC = 'abcdefghijklmnopqrstuvwxyz0123456789';

function randomString(alphabet: string, length: number): string {
  let text = '';
  for (let i = 0; i < length; i++) text += alphabet[randomInt(alphabet.length)];
  return text;
}

/**
 * A user pool ID, `{region}_{9 characters}`: Amplify reads the region from the part before the
 * underscore, so the shape matters.
 */
export function newUserPoolId(region: string): string {
  return `${region}_${randomString(ALPHANUMERIC, 9)}`;
}

/** An app client ID: 26 lower-case letters and digits, as Cognito issues them. */
export function newClientId(): string {
  return randomString(LOWER_ALPHANUMERIC, 26);
}

/** An app client secret. */
export function newClientSecret(): string {
  return randomString(LOWER_ALPHANUMERIC, 51);
}

/** The ARN of a user pool. */
export function userPoolArn(poolId: string): string {
  const region = poolId.slice(0, poolId.indexOf('_'));
  return `arn:aws:cognito-idp:${region}:000000000000:userpool/${poolId}`;
}

/** Whether `value` has the shape of a user pool ID. */
export function isUserPoolId(value: string): boolean {
  return /^[\w-]+_[0-9a-zA-Z]+$/.test(value);
}
