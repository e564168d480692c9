/** How a Task waits on its resource. */
export type IntegrationPattern = 'request-response' | 'wait-for-task-token';

/** A Task state's `Resource`, taken apart. */
export interface TaskResource {
  /** The `resourceType` AWS writes in history events, e.g. `dynamodb`, `events`, `lambda`. */
  resourceType: string;
  /** The `resource` AWS writes in history events, e.g. `putItem` or `putEvents.waitForTaskToken`. */
  resource: string;
  /** The API action, e.g. `putItem`, `invoke` or `listExecutions`. */
  action: string;
  /** True for `arn:aws:states:::aws-sdk:<service>:<action>` integrations. */
  awsSdk: boolean;
  pattern: IntegrationPattern;
  /** For a plain Lambda function ARN: its ARN (history then uses LambdaFunction* events). */
  lambdaFunctionArn?: string;
}

const SERVICE_INTEGRATION =
  /^arn:aws[a-z-]*:states:[a-z0-9-]*:[0-9]*:(aws-sdk:)?([a-z0-9-]+):([A-Za-z0-9]+)(\.waitForTaskToken|\.sync(?::2)?)?$/;
const LAMBDA_FUNCTION =
  /^arn:aws[a-z-]*:lambda:[a-z0-9-]+:\d{12}:function:[A-Za-z0-9_-]+(:[A-Za-z0-9_$-]+)?$/;

/** Parses a Task `Resource`, or returns undefined when it is not one this engine can run. */
export function parseTaskResource(resource: string): TaskResource | undefined {
  if (LAMBDA_FUNCTION.test(resource)) {
    return {
      resourceType: 'lambda',
      resource,
      action: 'invoke',
      awsSdk: false,
      pattern: 'request-response',
      lambdaFunctionArn: resource,
    };
  }
  const match = SERVICE_INTEGRATION.exec(resource);
  if (!match) return undefined;
  const [, awsSdk, service = '', action = '', suffix] = match;
  if (suffix?.startsWith('.sync')) return undefined;
  return {
    resourceType: awsSdk ? `aws-sdk:${service}` : service,
    resource: `${action}${suffix ?? ''}`,
    action,
    awsSdk: Boolean(awsSdk),
    pattern: suffix === '.waitForTaskToken' ? 'wait-for-task-token' : 'request-response',
  };
}
