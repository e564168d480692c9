import type { AppClientRecord, GroupRecord, UserPoolRecord, UserRecord } from '../records.js';
import { attributeList } from '../users/attributes.js';

/** Epoch milliseconds as the JSON protocol's timestamps: epoch seconds. */
export function epochSeconds(ms: number): number {
  return ms / 1000;
}

/** A user as ListUsers and AdminCreateUser answer it (UserType). */
export function userType(user: UserRecord, only?: readonly string[]) {
  return {
    Username: user.username,
    Attributes: attributeList(user.attributes, only),
    UserCreateDate: epochSeconds(user.createdAt),
    UserLastModifiedDate: epochSeconds(user.updatedAt),
    Enabled: user.enabled,
    UserStatus: user.status,
  };
}

/** A pool as CreateUserPool and DescribeUserPool answer it (UserPoolType). */
export function userPoolType(pool: UserPoolRecord) {
  return {
    Id: pool.id,
    Name: pool.name,
    Arn: pool.arn,
    CreationDate: epochSeconds(pool.createdAt),
    LastModifiedDate: epochSeconds(pool.updatedAt),
    Policies: {
      PasswordPolicy: pool.passwordPolicy,
      SignInPolicy: { AllowedFirstAuthFactors: pool.allowedFirstAuthFactors },
    },
    ...(pool.usernameAttributes.length > 0 && { UsernameAttributes: pool.usernameAttributes }),
    ...(pool.aliasAttributes.length > 0 && { AliasAttributes: pool.aliasAttributes }),
    ...(pool.autoVerifiedAttributes.length > 0 && { AutoVerifiedAttributes: pool.autoVerifiedAttributes }),
    UsernameConfiguration: { CaseSensitive: pool.caseSensitive },
    VerificationMessageTemplate: {
      EmailSubject: pool.verificationMessage.subject,
      EmailMessage: pool.verificationMessage.message,
      DefaultEmailOption: 'CONFIRM_WITH_CODE',
    },
    MfaConfiguration: 'OFF',
    ...(pool.tier !== undefined && { UserPoolTier: pool.tier }),
  };
}

/** A client as CreateUserPoolClient and DescribeUserPoolClient answer it (UserPoolClientType). */
export function userPoolClientType(client: AppClientRecord) {
  return {
    UserPoolId: client.poolId,
    ClientName: client.name,
    ClientId: client.clientId,
    ...(client.secret !== undefined && { ClientSecret: client.secret }),
    CreationDate: epochSeconds(client.createdAt),
    LastModifiedDate: epochSeconds(client.updatedAt),
    ExplicitAuthFlows: client.explicitAuthFlows,
    ...client.validityAsGiven,
    PreventUserExistenceErrors: client.preventUserExistenceErrors,
    EnableTokenRevocation: client.enableTokenRevocation,
    AuthSessionValidity: client.authSessionValidityMinutes,
  };
}

/** A group (GroupType). */
export function groupType(group: GroupRecord) {
  return {
    GroupName: group.name,
    UserPoolId: group.poolId,
    ...(group.description !== undefined && { Description: group.description }),
    ...(group.roleArn !== undefined && { RoleArn: group.roleArn }),
    ...(group.precedence !== undefined && { Precedence: group.precedence }),
    CreationDate: epochSeconds(group.createdAt),
    LastModifiedDate: epochSeconds(group.updatedAt),
  };
}
