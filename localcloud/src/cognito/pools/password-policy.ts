import { CognitoError } from '../errors.js';
import type { PasswordPolicy } from '../records.js';

/**
 * The policy of a pool created without one: eight characters, each kind of character required.
 * https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_PasswordPolicyType.html
 */
export const DEFAULT_PASSWORD_POLICY: PasswordPolicy = {
  MinimumLength: 8,
  RequireUppercase: true,
  RequireLowercase: true,
  RequireNumbers: true,
  RequireSymbols: true,
  TemporaryPasswordValidityDays: 7,
};

/** The characters Cognito counts as symbols (and the space). */
const SYMBOLS = new Set('^$*.[]{}()?"!@#%&/\\,><\':;|_~`=+- ');

/**
 * The policy a pool gets from its `Policies.PasswordPolicy`: the defaults when none is given; a
 * given policy requires only what it names.
 */
export function passwordPolicyFrom(given: Partial<PasswordPolicy> | undefined): PasswordPolicy {
  if (given === undefined) return { ...DEFAULT_PASSWORD_POLICY };
  return {
    MinimumLength: given.MinimumLength ?? DEFAULT_PASSWORD_POLICY.MinimumLength,
    RequireUppercase: given.RequireUppercase ?? false,
    RequireLowercase: given.RequireLowercase ?? false,
    RequireNumbers: given.RequireNumbers ?? false,
    RequireSymbols: given.RequireSymbols ?? false,
    TemporaryPasswordValidityDays:
      given.TemporaryPasswordValidityDays ?? DEFAULT_PASSWORD_POLICY.TemporaryPasswordValidityDays,
  };
}

/** The first rule `password` breaks, in Cognito's words, or undefined when it conforms. */
export function passwordProblem(policy: PasswordPolicy, password: string): string | undefined {
  const characters = [...password];
  if (characters.length < policy.MinimumLength) return 'Password not long enough';
  if (policy.RequireUppercase && !characters.some((c) => c !== c.toLowerCase()))
    return 'Password must have uppercase characters';
  if (policy.RequireLowercase && !characters.some((c) => c !== c.toUpperCase()))
    return 'Password must have lowercase characters';
  if (policy.RequireNumbers && !characters.some((c) => c >= '0' && c <= '9'))
    return 'Password must have numeric characters';
  if (policy.RequireSymbols && !characters.some((c) => SYMBOLS.has(c)))
    return 'Password must have symbol characters';
  return undefined;
}

/**
 * What `policy` asks of a password, for a person: e.g. "8 characters or more, with upper and
 * lower case letters, a digit and a symbol".
 */
export function passwordPolicyWords(policy: PasswordPolicy): string {
  const kinds = [
    policy.RequireUppercase && policy.RequireLowercase
      ? 'upper and lower case letters'
      : policy.RequireUppercase
        ? 'an upper case letter'
        : policy.RequireLowercase && 'a lower case letter',
    policy.RequireNumbers && 'a digit',
    policy.RequireSymbols && 'a symbol',
  ].filter((kind): kind is string => typeof kind === 'string');
  const length = `${policy.MinimumLength} characters or more`;
  if (kinds.length === 0) return length;
  const last = kinds.pop();
  return `${length}, with ${kinds.length > 0 ? `${kinds.join(', ')} and ${last}` : last}`;
}

/** Throws `InvalidPasswordException` when `password` breaks the policy. */
export function assertPasswordConforms(policy: PasswordPolicy, password: string): void {
  const problem = passwordProblem(policy, password);
  if (problem !== undefined) {
    throw new CognitoError('InvalidPasswordException', `Password did not conform with policy: ${problem}`);
  }
}
