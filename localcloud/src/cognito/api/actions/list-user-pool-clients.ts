import type { CognitoContext } from '../../context.js';
import { listAppClients } from '../../pools/app-clients.js';
import { afterKey, type Input, pageLimit, pageToken, requiredString } from '../request-fields.js';

/** ListUserPoolClients: a pool's clients in ID order. */
export async function listUserPoolClients(context: CognitoContext, input: Input) {
  const after = afterKey(input, 'NextToken');
  const { clients, lastKey } = await listAppClients(context, requiredString(input, 'UserPoolId', 55), {
    limit: pageLimit(input, 'MaxResults'),
    ...(after !== undefined && { after }),
  });
  return {
    UserPoolClients: clients.map((client) => ({
      ClientId: client.clientId,
      UserPoolId: client.poolId,
      ClientName: client.name,
    })),
    ...(lastKey !== undefined && { NextToken: pageToken(lastKey) }),
  };
}
