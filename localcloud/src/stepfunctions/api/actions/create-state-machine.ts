import type { RequestMeta } from '../../../edge/aws-json-service.js';
import type { StepFunctionsEngine } from '../../engine/engine.js';
import { type Input, optionalString, requiredString, wireTime } from '../request-fields.js';

/** CreateStateMachine: validates the definition (`InvalidDefinition` says why) and stores it. */
export async function createStateMachine(engine: StepFunctionsEngine, input: Input, meta: RequestMeta) {
  const type = optionalString(input, 'type');
  const record = await engine.createStateMachine({
    name: requiredString(input, 'name', 80),
    definition: requiredString(input, 'definition'),
    roleArn: requiredString(input, 'roleArn', 256),
    type: type === 'EXPRESS' ? 'EXPRESS' : 'STANDARD',
    region: meta.region,
    ...(input.description !== undefined && { description: optionalString(input, 'description', 256) }),
    ...(input.loggingConfiguration !== undefined && { loggingConfiguration: input.loggingConfiguration }),
    ...(input.tracingConfiguration !== undefined && { tracingConfiguration: input.tracingConfiguration }),
  });
  return { stateMachineArn: record.stateMachineArn, creationDate: wireTime(record.creationDate) };
}
