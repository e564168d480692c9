import type { StepFunctionsEngine } from '../../engine/engine.js';
import { type Input, stateMachineArnField, wireTime } from '../request-fields.js';

/** DescribeStateMachine. */
export async function describeStateMachine(engine: StepFunctionsEngine, input: Input) {
  const record = await engine.getStateMachine(stateMachineArnField(input));
  return {
    stateMachineArn: record.stateMachineArn,
    name: record.name,
    status: 'ACTIVE',
    definition: record.definition,
    roleArn: record.roleArn,
    type: record.type,
    creationDate: wireTime(record.creationDate),
    revisionId: record.revisionId,
    loggingConfiguration: record.loggingConfiguration ?? { level: 'OFF', includeExecutionData: false },
    tracingConfiguration: record.tracingConfiguration ?? { enabled: false },
    ...(record.description !== undefined && { description: record.description }),
  };
}
