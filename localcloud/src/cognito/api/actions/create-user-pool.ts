import type { RequestMeta } from '../../../edge/aws-json-service.js';
import type { CognitoContext } from '../../context.js';
import { createUserPool as create } from '../../pools/user-pools.js';
import type { FirstAuthFactor, PasswordPolicy } from '../../records.js';
import {
  type Input,
  optionalObject,
  optionalString,
  optionalStringList,
  requiredString,
} from '../request-fields.js';
import { userPoolType } from '../wire.js';

/** CreateUserPool: the pool gets an RS256 signing key, published at its JWKS URL. */
export async function createUserPool(context: CognitoContext, input: Input, meta: RequestMeta) {
  const policies = optionalObject(input, 'Policies');
  const passwordPolicy = policies && optionalObject(policies, 'PasswordPolicy');
  const signInPolicy = policies && optionalObject(policies, 'SignInPolicy');
  const factors = signInPolicy && optionalStringList(signInPolicy, 'AllowedFirstAuthFactors');
  const template = optionalObject(input, 'VerificationMessageTemplate');
  const subject =
    (template && optionalString(template, 'EmailSubject')) ??
    optionalString(input, 'EmailVerificationSubject');
  const message =
    (template && optionalString(template, 'EmailMessage')) ??
    optionalString(input, 'EmailVerificationMessage');
  const usernameConfiguration = optionalObject(input, 'UsernameConfiguration');
  const usernameAttributes = optionalStringList(input, 'UsernameAttributes');
  const aliasAttributes = optionalStringList(input, 'AliasAttributes');
  const autoVerifiedAttributes = optionalStringList(input, 'AutoVerifiedAttributes');
  const tier = optionalString(input, 'UserPoolTier');
  const pool = await create(context, {
    name: requiredString(input, 'PoolName', 128),
    region: meta.region,
    ...(passwordPolicy !== undefined && { passwordPolicy: passwordPolicy as Partial<PasswordPolicy> }),
    ...(factors !== undefined && { allowedFirstAuthFactors: factors as FirstAuthFactor[] }),
    ...(usernameAttributes !== undefined && { usernameAttributes }),
    ...(aliasAttributes !== undefined && { aliasAttributes }),
    ...(autoVerifiedAttributes !== undefined && { autoVerifiedAttributes }),
    ...(typeof usernameConfiguration?.CaseSensitive === 'boolean' && {
      caseSensitive: usernameConfiguration.CaseSensitive,
    }),
    verificationMessage: {
      ...(subject !== undefined && { subject }),
      ...(message !== undefined && { message }),
    },
    ...(tier !== undefined && { tier }),
  });
  return { UserPool: userPoolType(pool) };
}
