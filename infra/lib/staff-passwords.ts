import { type CloudFormationClient, DescribeStacksCommand } from '@aws-sdk/client-cloudformation';
import {
  AdminSetUserPasswordCommand,
  type CognitoIdentityProviderClient,
} from '@aws-sdk/client-cognito-identity-provider';
import { newAccountPassword, type ResourceDeclaration } from '@coffee/localcloud';

/** A password the staff set, to be told to the people who use the account. */
export interface StaffPassword {
  username: string;
  password: string;
}

/** Which accounts get which passwords. */
export interface StaffPasswordsOptions {
  userPoolId: string;
  usernames: readonly string[];
  /** One password for every account (the operator's `STAFF_PASSWORD`); a generated one each otherwise. */
  password?: string;
}

/** The operator's mistake, said in one line: the stack or an account is missing, or a password is refused. */
export class StaffPasswordsRefusedError extends Error {
  override readonly name = 'StaffPasswordsRefusedError';
}

/** The accounts a declaration creates from the start (staff, the display), in every user pool. */
export function declaredAccounts(declaration: ResourceDeclaration): string[] {
  return Object.values(declaration.userPools ?? {}).flatMap((pool) =>
    (pool.users ?? []).map((user) => user.username),
  );
}

/**
 * Gives each of a deployed pool's declared accounts a new permanent password, as the local cloud
 * does at its first start: the deployment creates them without one the staff could know (a
 * temporary password mailed to nobody, or none). Run again, it replaces them, as when staff leave.
 * Answers the passwords set, to be shown once.
 */
export async function setStaffPasswords(
  cognito: CognitoIdentityProviderClient,
  options: StaffPasswordsOptions,
): Promise<StaffPassword[]> {
  const set: StaffPassword[] = [];
  for (const username of options.usernames) {
    const password = options.password ?? newAccountPassword();
    await cognito
      .send(
        new AdminSetUserPasswordCommand({
          UserPoolId: options.userPoolId,
          Username: username,
          Password: password,
          Permanent: true,
        }),
      )
      .catch((error: Error) => {
        throw refusal(error, options.userPoolId, username) ?? error;
      });
    set.push({ username, password });
  }
  return set;
}

function refusal(error: Error, userPoolId: string, username: string): StaffPasswordsRefusedError | undefined {
  const say = (message: string) => new StaffPasswordsRefusedError(message, { cause: error });
  switch (error.name) {
    case 'InvalidPasswordException':
      return say(`STAFF_PASSWORD is refused: ${error.message}`);
    case 'UserNotFoundException':
      return say(`The user pool ${userPoolId} has no account ${username}: is it the shop's pool?`);
    case 'ResourceNotFoundException':
      return say(`There is no user pool ${userPoolId} in this account and region.`);
    default:
      return undefined;
  }
}

/** The `UserPoolId` output of the deployed stack `stackName`. */
export async function deployedUserPoolId(
  cloudFormation: CloudFormationClient,
  stackName: string,
): Promise<string> {
  const region = await cloudFormation.config.region();
  const stacks = await cloudFormation
    .send(new DescribeStacksCommand({ StackName: stackName }))
    .catch((error: Error) => {
      throw error.name === 'ValidationError'
        ? new StaffPasswordsRefusedError(
            `The stack ${stackName} is not deployed in ${region}: npm run deploy deploys it (or pass --stack-name, --user-pool-id).`,
            { cause: error },
          )
        : error;
    });
  const poolId = stacks.Stacks?.[0]?.Outputs?.find(
    (output) => output.OutputKey === 'UserPoolId',
  )?.OutputValue;
  if (poolId === undefined)
    throw new StaffPasswordsRefusedError(`The stack ${stackName} in ${region} has no UserPoolId output.`);
  return poolId;
}
