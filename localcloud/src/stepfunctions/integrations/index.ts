import { StatesError, StatesErrorName } from '../errors.js';
import { AwsJsonClient, type LocalServiceCall } from './aws-json-call.js';
import { DynamoDbIntegration } from './dynamodb.js';
import { EventBridgeIntegration } from './eventbridge.js';
import { LambdaIntegration } from './lambda.js';
import type { LambdaRegistry } from './lambda-registry.js';
import { parseTaskResource, type TaskResource } from './task-resource.js';

export type { LocalServiceCall, ServiceAnswer } from './aws-json-call.js';
export {
  type LambdaContext,
  LambdaFunctionError,
  type LambdaHandler,
  LambdaRegistry,
} from './lambda-registry.js';
export { parseTaskResource, type TaskResource } from './task-resource.js';

/**
 * An AWS SDK service integration served by the engine itself, e.g. `aws-sdk:sfn:listExecutions`:
 * PascalCase parameters in and out, as AWS SDK integrations take and give them.
 */
export type SdkServiceHandler = (action: string, parameters: Record<string, unknown>) => Promise<unknown>;

/** What the integrations need from their host. */
export interface TaskIntegrationsOptions {
  /** The region the service integrations call from. */
  region: string;
  /** The local services the DynamoDB and EventBridge integrations call; without them those fail. */
  services?: LocalServiceCall;
  lambda: LambdaRegistry;
  /** AWS SDK integrations by service name (e.g. `sfn`), served in process. */
  sdkServices?: Record<string, SdkServiceHandler>;
}

/** Calls Task resources: optimized integrations, plain Lambda ARNs and in-process SDK integrations. */
export class TaskIntegrations {
  private readonly dynamodb: DynamoDbIntegration;
  private readonly events: EventBridgeIntegration;
  private readonly lambda: LambdaIntegration;
  private readonly resolved = new Map<string, TaskResource | undefined>();

  constructor(private readonly options: TaskIntegrationsOptions) {
    const services = new AwsJsonClient(options.services, options.region);
    this.dynamodb = new DynamoDbIntegration(services);
    this.events = new EventBridgeIntegration(services);
    this.lambda = new LambdaIntegration(options.lambda);
  }

  /** Parses a resource and checks that it can be run; the answer is kept, as states ask often. */
  resolve(resource: string): TaskResource | undefined {
    if (this.resolved.has(resource)) return this.resolved.get(resource);
    const parsed = parseTaskResource(resource);
    const supported = parsed && this.supports(parsed) ? parsed : undefined;
    this.resolved.set(resource, supported);
    return supported;
  }

  /** Calls the resource. Failures are {@link StatesError}s named as AWS names them. */
  invoke(resource: TaskResource, parameters: unknown): Promise<unknown> {
    // Not async: a Lambda call, the common case, hands back its own promise without another hop.
    if (resource.lambdaFunctionArn) return this.lambda.invokeFunction(resource.lambdaFunctionArn, parameters);
    if (resource.resourceType === 'lambda' && this.lambda.supports(resource.action))
      return this.lambda.call(resource.action, parameters);
    return this.invokeService(resource, parameters);
  }

  private async invokeService(resource: TaskResource, parameters: unknown): Promise<unknown> {
    const { resourceType, action } = resource;
    if (resourceType === 'dynamodb' && this.dynamodb.supports(action))
      return this.dynamodb.call(action, parameters);
    if (resourceType === 'events' && this.events.supports(action))
      return this.events.call(action, parameters);
    const sdkService = resource.awsSdk
      ? this.options.sdkServices?.[resourceType.slice('aws-sdk:'.length)]
      : undefined;
    if (sdkService) return sdkService(action, (parameters ?? {}) as Record<string, unknown>);
    throw new StatesError(
      StatesErrorName.Runtime,
      `The resource '${resource.resource}' is not supported by this engine`,
    );
  }

  private supports(resource: TaskResource): boolean {
    if (resource.lambdaFunctionArn) return true;
    switch (resource.resourceType) {
      case 'dynamodb':
        return this.dynamodb.supports(resource.action);
      case 'events':
        return this.events.supports(resource.action);
      case 'lambda':
        return this.lambda.supports(resource.action);
      default:
        return (
          resource.awsSdk &&
          this.options.sdkServices?.[resource.resourceType.slice('aws-sdk:'.length)] !== undefined
        );
    }
  }
}
