/**
 * `npm run staff-passwords` after the first `npm run deploy`: gives the deployed shop's staff
 * accounts (`barista`, `display`) passwords and prints them once, as `npm start` does locally; run
 * again, it replaces them. `STAFF_PASSWORD` sets that one password on each instead;
 * `--stack-name` names another stack, `--user-pool-id` a pool directly. The account and region
 * are the AWS CLI's (profile, AWS_REGION).
 */
import { parseArgs } from 'node:util';
import { CloudFormationClient } from '@aws-sdk/client-cloudformation';
import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { DEFAULT_STACK_NAME } from '../lib/coffee-shop-app.js';
import { loadBackendDeclaration } from '../lib/declaration.js';
import {
  declaredAccounts,
  deployedUserPoolId,
  StaffPasswordsRefusedError,
  setStaffPasswords,
} from '../lib/staff-passwords.js';

const { values } = parseArgs({
  options: {
    'stack-name': { type: 'string', default: DEFAULT_STACK_NAME },
    'user-pool-id': { type: 'string' },
  },
});

try {
  const userPoolId =
    values['user-pool-id'] ?? (await deployedUserPoolId(new CloudFormationClient({}), values['stack-name']));
  const { declaration } = await loadBackendDeclaration();
  const set = await setStaffPasswords(new CognitoIdentityProviderClient({}), {
    userPoolId,
    usernames: declaredAccounts(declaration),
    ...(process.env.STAFF_PASSWORD && { password: process.env.STAFF_PASSWORD }),
  });
  console.log('Staff passwords (shown once; run again for new ones):');
  for (const { username, password } of set) console.log(`  ${username.padEnd(10)} ${password}`);
} catch (error) {
  // The operator's mistakes, told in one line rather than under a stack trace.
  if (error instanceof StaffPasswordsRefusedError) console.error(error.message);
  else if ((error as Error).name === 'CredentialsProviderError')
    console.error(
      'No AWS credentials: sign in as for npm run deploy (an AWS CLI profile, or AWS_* variables).',
    );
  else throw error;
  process.exitCode = 1;
}
