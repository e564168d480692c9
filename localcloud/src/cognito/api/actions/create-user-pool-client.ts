import type { CognitoContext } from '../../context.js';
import { createAppClient } from '../../pools/app-clients.js';
import {
  type Input,
  optionalBoolean,
  optionalInteger,
  optionalObject,
  optionalString,
  optionalStringList,
  requiredString,
} from '../request-fields.js';
import { userPoolClientType } from '../wire.js';

/** CreateUserPoolClient: flows, token lifetimes and session validity as the request sets them. */
export async function createUserPoolClient(context: CognitoContext, input: Input) {
  const flows = optionalStringList(input, 'ExplicitAuthFlows');
  const units = optionalObject(input, 'TokenValidityUnits');
  const access = optionalInteger(input, 'AccessTokenValidity', 1, 86_400);
  const id = optionalInteger(input, 'IdTokenValidity', 1, 86_400);
  const refresh = optionalInteger(input, 'RefreshTokenValidity', 0, 315_360_000);
  const prevent = optionalString(input, 'PreventUserExistenceErrors');
  const sessionMinutes = optionalInteger(input, 'AuthSessionValidity', 3, 15);
  const revocation = optionalBoolean(input, 'EnableTokenRevocation');
  const client = await createAppClient(context, {
    poolId: requiredString(input, 'UserPoolId', 55),
    name: requiredString(input, 'ClientName', 128),
    generateSecret: optionalBoolean(input, 'GenerateSecret') === true,
    ...(flows !== undefined && { explicitAuthFlows: flows }),
    ...(access !== undefined && { accessTokenValidity: access }),
    ...(id !== undefined && { idTokenValidity: id }),
    ...(refresh !== undefined && refresh !== 0 && { refreshTokenValidity: refresh }),
    ...(units !== undefined && { tokenValidityUnits: units as Record<string, string> }),
    ...(prevent === 'ENABLED' || prevent === 'LEGACY' ? { preventUserExistenceErrors: prevent } : {}),
    ...(sessionMinutes !== undefined && { authSessionValidity: sessionMinutes }),
    ...(revocation !== undefined && { enableTokenRevocation: revocation }),
  });
  return { UserPoolClient: userPoolClientType(client) };
}
