import type { AwsJsonAction, AwsJsonService, RequestMeta } from '../../edge/aws-json-service.js';
import type { CognitoContext } from '../context.js';
import { adminAddUserToGroup } from './actions/admin-add-user-to-group.js';
import { adminConfirmSignUp } from './actions/admin-confirm-sign-up.js';
import { adminCreateUser } from './actions/admin-create-user.js';
import { adminDeleteUser } from './actions/admin-delete-user.js';
import { adminDisableUser } from './actions/admin-disable-user.js';
import { adminEnableUser } from './actions/admin-enable-user.js';
import { adminGetUser } from './actions/admin-get-user.js';
import { adminListGroupsForUser } from './actions/admin-list-groups-for-user.js';
import { adminRemoveUserFromGroup } from './actions/admin-remove-user-from-group.js';
import { adminSetUserPassword } from './actions/admin-set-user-password.js';
import { confirmSignUp } from './actions/confirm-sign-up.js';
import { createGroup } from './actions/create-group.js';
import { createUserPool } from './actions/create-user-pool.js';
import { createUserPoolClient } from './actions/create-user-pool-client.js';
import { describeUserPool } from './actions/describe-user-pool.js';
import { describeUserPoolClient } from './actions/describe-user-pool-client.js';
import { getGroup } from './actions/get-group.js';
import { getTokensFromRefreshToken } from './actions/get-tokens-from-refresh-token.js';
import { getUser } from './actions/get-user.js';
import { globalSignOut } from './actions/global-sign-out.js';
import { initiateAuth } from './actions/initiate-auth.js';
import { listGroups } from './actions/list-groups.js';
import { listUserPoolClients } from './actions/list-user-pool-clients.js';
import { listUserPools } from './actions/list-user-pools.js';
import { listUsers } from './actions/list-users.js';
import { listUsersInGroup } from './actions/list-users-in-group.js';
import { resendConfirmationCode } from './actions/resend-confirmation-code.js';
import { respondToAuthChallenge } from './actions/respond-to-auth-challenge.js';
import { revokeToken } from './actions/revoke-token.js';
import { signUp } from './actions/sign-up.js';
import type { Input } from './request-fields.js';

/** The `X-Amz-Target` prefix of the Cognito user pools API. */
export const COGNITO_TARGET_PREFIX = 'AWSCognitoIdentityProviderService';

/**
 * The actions a browser calls without AWS credentials: those Amplify Auth uses, authorized by
 * their own client ID, session or token. Everything else is administrative.
 */
export const PUBLIC_ACTIONS = [
  'InitiateAuth',
  'RespondToAuthChallenge',
  'SignUp',
  'ConfirmSignUp',
  'ResendConfirmationCode',
  'GetUser',
  'GlobalSignOut',
  'RevokeToken',
  'GetTokensFromRefreshToken',
] as const;

/** The administrative actions, which need AWS credentials on AWS. */
export const ADMIN_ACTIONS = [
  'CreateUserPool',
  'DescribeUserPool',
  'ListUserPools',
  'CreateUserPoolClient',
  'DescribeUserPoolClient',
  'ListUserPoolClients',
  'AdminCreateUser',
  'AdminGetUser',
  'AdminSetUserPassword',
  'AdminConfirmSignUp',
  'AdminDisableUser',
  'AdminEnableUser',
  'AdminDeleteUser',
  'ListUsers',
  'CreateGroup',
  'GetGroup',
  'ListGroups',
  'AdminAddUserToGroup',
  'AdminRemoveUserFromGroup',
  'AdminListGroupsForUser',
  'ListUsersInGroup',
] as const;

/** The name of an action the service answers. */
export type CognitoActionName = (typeof PUBLIC_ACTIONS)[number] | (typeof ADMIN_ACTIONS)[number];

type Action = (context: CognitoContext, input: Input, meta: RequestMeta) => Promise<unknown>;

/** Every action by name; typed so that an action without an implementation does not compile. */
const ACTIONS: Record<CognitoActionName, Action> = {
  InitiateAuth: initiateAuth,
  RespondToAuthChallenge: respondToAuthChallenge,
  SignUp: signUp,
  ConfirmSignUp: confirmSignUp,
  ResendConfirmationCode: resendConfirmationCode,
  GetUser: getUser,
  GlobalSignOut: globalSignOut,
  RevokeToken: revokeToken,
  GetTokensFromRefreshToken: getTokensFromRefreshToken,
  CreateUserPool: createUserPool,
  DescribeUserPool: describeUserPool,
  ListUserPools: listUserPools,
  CreateUserPoolClient: createUserPoolClient,
  DescribeUserPoolClient: describeUserPoolClient,
  ListUserPoolClients: listUserPoolClients,
  AdminCreateUser: adminCreateUser,
  AdminGetUser: adminGetUser,
  AdminSetUserPassword: adminSetUserPassword,
  AdminConfirmSignUp: adminConfirmSignUp,
  AdminDisableUser: adminDisableUser,
  AdminEnableUser: adminEnableUser,
  AdminDeleteUser: adminDeleteUser,
  ListUsers: listUsers,
  CreateGroup: createGroup,
  GetGroup: getGroup,
  ListGroups: listGroups,
  AdminAddUserToGroup: adminAddUserToGroup,
  AdminRemoveUserFromGroup: adminRemoveUserFromGroup,
  AdminListGroupsForUser: adminListGroupsForUser,
  ListUsersInGroup: listUsersInGroup,
};

/** Runs one action by name, as the wire would. */
export function runAction(
  context: CognitoContext,
  name: CognitoActionName,
  input: Input,
  meta: RequestMeta = { region: context.region },
): Promise<unknown> {
  return ACTIONS[name](context, input, meta);
}

/**
 * The Cognito user pools API (JSON 1.1, `X-Amz-Target: AWSCognitoIdentityProviderService.*`),
 * all actions or only `only`.
 */
export function cognitoService(
  context: CognitoContext,
  only: Iterable<CognitoActionName> = Object.keys(ACTIONS) as CognitoActionName[],
): AwsJsonService {
  const actions: Record<string, AwsJsonAction> = {};
  for (const name of only) actions[name] = (input, meta) => ACTIONS[name](context, input, meta);
  // Errors are CognitoErrors, AwsServiceErrors the edge answers as they are.
  return { targetPrefix: COGNITO_TARGET_PREFIX, contentType: 'application/x-amz-json-1.1', actions };
}
