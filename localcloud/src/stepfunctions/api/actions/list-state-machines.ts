import type { StepFunctionsEngine } from '../../engine/engine.js';
import { type Input, optionalInteger, optionalString, wireTime } from '../request-fields.js';

/** ListStateMachines, paginated. */
export async function listStateMachines(engine: StepFunctionsEngine, input: Input) {
  const page = await engine.listStateMachines(
    optionalInteger(input, 'maxResults', 0, 1000),
    optionalString(input, 'nextToken', 1024),
  );
  return {
    stateMachines: page.items.map((record) => ({
      stateMachineArn: record.stateMachineArn,
      name: record.name,
      type: record.type,
      creationDate: wireTime(record.creationDate),
    })),
    ...(page.nextToken !== undefined && { nextToken: page.nextToken }),
  };
}
