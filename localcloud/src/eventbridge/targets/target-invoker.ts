import { isStateMachineArn } from '../../stepfunctions/engine/arns.js';

/**
 * What delivers events to targets: the local cloud wires it to its Step Functions engine and
 * Lambda registry. A rejected promise is a failed delivery, retried per the target's retry policy;
 * an error named `ResourceNotFoundException`, `StateMachineDoesNotExist` and the like is not
 * retried (see {@link isPermanentDeliveryError}).
 */
export interface TargetInvoker {
  /** Starts an execution of a state machine with `input` (JSON text). */
  startExecution(stateMachineArn: string, input: string): Promise<void>;
  /** Invokes a Lambda function asynchronously with `event`. */
  invokeLambda(functionArn: string, event: unknown): Promise<void>;
}

/** The kinds of target the local EventBridge delivers to. */
export type TargetKind = 'state-machine' | 'lambda';

const LAMBDA_FUNCTION_ARN =
  /^arn:aws[\w-]*:lambda:[a-z0-9-]+:\d{12}:function:[A-Za-z0-9_-]{1,140}(:(\$LATEST|[A-Za-z0-9_-]+))?$/;

/** The kind of target an ARN names, or undefined when it is neither a state machine nor a function. */
export function targetKindOf(arn: string): TargetKind | undefined {
  if (isStateMachineArn(arn)) return 'state-machine';
  if (LAMBDA_FUNCTION_ARN.test(arn)) return 'lambda';
  return undefined;
}
