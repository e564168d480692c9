import type { CognitoContext } from '../../context.js';
import { createGroup as create } from '../../users/groups.js';
import { type Input, optionalInteger, optionalString, requiredString } from '../request-fields.js';
import { poolOf } from '../targets.js';
import { groupType } from '../wire.js';

/** CreateGroup: members' tokens carry its name in `cognito:groups`. */
export async function createGroup(context: CognitoContext, input: Input) {
  const pool = await poolOf(context, input);
  const description = optionalString(input, 'Description', 2048);
  const roleArn = optionalString(input, 'RoleArn', 2048);
  const precedence = optionalInteger(input, 'Precedence', 0, 2_147_483_647);
  const group = await create(context, pool, {
    name: requiredString(input, 'GroupName', 128),
    ...(description !== undefined && { description }),
    ...(roleArn !== undefined && { roleArn }),
    ...(precedence !== undefined && { precedence }),
  });
  return { Group: groupType(group) };
}
