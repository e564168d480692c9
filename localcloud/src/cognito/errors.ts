import { AwsServiceError } from '../aws-service-error.js';

/**
 * The error names of the Cognito user pools API this service raises. The wire layer sends the
 * name as `__type`, and the official SDKs (and Amplify) raise their exception of that name.
 */
export type CognitoErrorCode =
  | 'AliasExistsException'
  | 'CodeMismatchException'
  | 'ExpiredCodeException'
  | 'GroupExistsException'
  | 'InternalErrorException'
  | 'InvalidParameterException'
  | 'InvalidPasswordException'
  | 'NotAuthorizedException'
  | 'PasswordResetRequiredException'
  | 'ResourceNotFoundException'
  | 'TooManyFailedAttemptsException'
  | 'UnauthorizedException'
  | 'UnsupportedOperationException'
  | 'UnsupportedTokenTypeException'
  | 'UnsupportedUserStateException'
  | 'UserNotConfirmedException'
  | 'UserNotFoundException'
  | 'UsernameExistsException';

/**
 * An error of the Cognito user pools API: the shared {@link AwsServiceError}, with the code
 * limited to the names this service raises.
 */
export class CognitoError extends AwsServiceError {
  constructor(code: CognitoErrorCode, message: string, status = 400) {
    super(code, message, status);
  }
}

/** `InvalidParameterException` with a message. */
export function invalidParameter(message: string): CognitoError {
  return new CognitoError('InvalidParameterException', message);
}

/** `NotAuthorizedException` with a message. */
export function notAuthorized(message: string): CognitoError {
  return new CognitoError('NotAuthorizedException', message);
}
