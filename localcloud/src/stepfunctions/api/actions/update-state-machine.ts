import { AwsServiceError } from '../../../aws-service-error.js';
import type { StepFunctionsEngine } from '../../engine/engine.js';
import { type Input, optionalString, stateMachineArnField, wireTime } from '../request-fields.js';

/** UpdateStateMachine: a new revision; running executions keep theirs. */
export async function updateStateMachine(engine: StepFunctionsEngine, input: Input) {
  const definition = optionalString(input, 'definition');
  const roleArn = optionalString(input, 'roleArn', 256);
  if (
    definition === undefined &&
    roleArn === undefined &&
    !input.loggingConfiguration &&
    !input.tracingConfiguration
  ) {
    throw new AwsServiceError(
      'MissingRequiredParameter',
      'Either the definition, the roleArn, the loggingConfiguration or the tracingConfiguration must be specified',
    );
  }
  const record = await engine.updateStateMachine({
    stateMachineArn: stateMachineArnField(input),
    ...(definition !== undefined && { definition }),
    ...(roleArn !== undefined && { roleArn }),
    ...(input.loggingConfiguration !== undefined && { loggingConfiguration: input.loggingConfiguration }),
    ...(input.tracingConfiguration !== undefined && { tracingConfiguration: input.tracingConfiguration }),
  });
  return { updateDate: wireTime(record.updateDate ?? record.creationDate), revisionId: record.revisionId };
}
