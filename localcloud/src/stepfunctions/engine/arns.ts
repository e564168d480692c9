/** The account every local ARN carries. */
export const LOCAL_ACCOUNT_ID = '000000000000';

/** The ARN of a state machine. */
export function stateMachineArn(region: string, name: string): string {
  return `arn:aws:states:${region}:${LOCAL_ACCOUNT_ID}:stateMachine:${name}`;
}

/** The ARN of an execution of a state machine. */
export function executionArn(machineArn: string, executionName: string): string {
  return `${machineArn.replace(':stateMachine:', ':execution:')}:${executionName}`;
}

const STATE_MACHINE_ARN = /^arn:aws[a-z-]*:states:[a-z0-9-]+:\d{12}:stateMachine:[^:]+$/;
const EXECUTION_ARN = /^arn:aws[a-z-]*:states:[a-z0-9-]+:\d{12}:execution:[^:]+:[^:]+$/;

/** Whether `arn` is shaped like a state machine ARN. */
export function isStateMachineArn(arn: unknown): arn is string {
  return typeof arn === 'string' && STATE_MACHINE_ARN.test(arn);
}

/** Whether `arn` is shaped like an execution ARN. */
export function isExecutionArn(arn: unknown): arn is string {
  return typeof arn === 'string' && EXECUTION_ARN.test(arn);
}

/** The state machine ARN an execution ARN belongs to. */
export function machineOfExecution(arn: string): string {
  return arn.slice(0, arn.lastIndexOf(':')).replace(':execution:', ':stateMachine:');
}

/**
 * Names of state machines and executions: 1–80 characters, none of whitespace, brackets,
 * wildcards, the special characters AWS lists, or control characters.
 *
 * @see https://docs.aws.amazon.com/step-functions/latest/apireference/API_StartExecution.html
 */
export function isValidName(name: unknown): name is string {
  return (
    typeof name === 'string' &&
    name.length >= 1 &&
    name.length <= 80 &&
    // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what AWS forbids.
    !/[\s<>{}[\]?*"#%\\^|~`$&,;:/\u0000-\u001f\u007f-\u009f]/u.test(name)
  );
}
