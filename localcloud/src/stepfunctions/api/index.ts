import type { AwsJsonAction, AwsJsonService, RequestMeta } from '../../edge/aws-json-service.js';
import type { StepFunctionsEngine } from '../engine/engine.js';
import { createStateMachine } from './actions/create-state-machine.js';
import { deleteStateMachine } from './actions/delete-state-machine.js';
import { describeExecution } from './actions/describe-execution.js';
import { describeStateMachine } from './actions/describe-state-machine.js';
import { getExecutionHistory } from './actions/get-execution-history.js';
import { listExecutions } from './actions/list-executions.js';
import { listStateMachines } from './actions/list-state-machines.js';
import { sendTaskFailure } from './actions/send-task-failure.js';
import { sendTaskHeartbeat } from './actions/send-task-heartbeat.js';
import { sendTaskSuccess } from './actions/send-task-success.js';
import { startExecution } from './actions/start-execution.js';
import { stopExecution } from './actions/stop-execution.js';
import { updateStateMachine } from './actions/update-state-machine.js';
import type { Input } from './request-fields.js';

type Action = (engine: StepFunctionsEngine, input: Input, meta: RequestMeta) => Promise<unknown>;

const ACTIONS: Record<string, Action> = {
  CreateStateMachine: createStateMachine,
  UpdateStateMachine: updateStateMachine,
  DescribeStateMachine: describeStateMachine,
  ListStateMachines: listStateMachines,
  DeleteStateMachine: deleteStateMachine,
  StartExecution: startExecution,
  DescribeExecution: describeExecution,
  ListExecutions: listExecutions,
  StopExecution: stopExecution,
  GetExecutionHistory: getExecutionHistory,
  SendTaskSuccess: sendTaskSuccess,
  SendTaskFailure: sendTaskFailure,
  SendTaskHeartbeat: sendTaskHeartbeat,
};

/** The Step Functions API (JSON 1.0, `X-Amz-Target: AWSStepFunctions.*`) over an engine. */
export function stepFunctionsService(engine: StepFunctionsEngine): AwsJsonService {
  const actions: Record<string, AwsJsonAction> = {};
  for (const [name, action] of Object.entries(ACTIONS))
    actions[name] = (input, meta) => action(engine, input, meta);
  return {
    targetPrefix: 'AWSStepFunctions',
    contentType: 'application/x-amz-json-1.0',
    actions,
  };
}
