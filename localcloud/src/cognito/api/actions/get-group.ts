import type { CognitoContext } from '../../context.js';
import { requireGroup } from '../../users/groups.js';
import { type Input, requiredString } from '../request-fields.js';
import { poolOf } from '../targets.js';
import { groupType } from '../wire.js';

/** GetGroup. */
export async function getGroup(context: CognitoContext, input: Input) {
  const pool = await poolOf(context, input);
  return { Group: groupType(await requireGroup(context, pool, requiredString(input, 'GroupName', 128))) };
}
