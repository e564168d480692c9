export {
  ADMIN_ACTIONS,
  COGNITO_TARGET_PREFIX,
  type CognitoActionName,
  PUBLIC_ACTIONS,
} from './api/index.js';
export { SIGN_IN_CODE, SIGN_UP_CODE } from './auth/one-time-codes.js';
export {
  type AppClientSummary,
  CognitoService,
  type CognitoServiceOptions,
  type UserPoolSummary,
  type UserSummary,
} from './cognito-service.js';
export { CognitoError, type CognitoErrorCode } from './errors.js';
export type { PublicApiHandler } from './http/public-api-handler.js';
export type { NewAppClient } from './pools/app-clients.js';
export { DEFAULT_PASSWORD_POLICY, passwordPolicyWords } from './pools/password-policy.js';
export type { NewUserPool } from './pools/user-pools.js';
export type { FirstAuthFactor, PasswordPolicy, UserStatus } from './records.js';
export type { NewAdminUser } from './users/admin-users.js';
export type { NewGroup } from './users/groups.js';
