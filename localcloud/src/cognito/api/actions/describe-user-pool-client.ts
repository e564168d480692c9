import type { CognitoContext } from '../../context.js';
import { requireAppClient } from '../../pools/app-clients.js';
import { type Input, requiredString } from '../request-fields.js';
import { userPoolClientType } from '../wire.js';

/** DescribeUserPoolClient. */
export async function describeUserPoolClient(context: CognitoContext, input: Input) {
  const client = await requireAppClient(
    context,
    requiredString(input, 'ClientId', 128),
    requiredString(input, 'UserPoolId', 55),
  );
  return { UserPoolClient: userPoolClientType(client) };
}
