import { StatesError } from '../errors.js';
import { LambdaFunctionError, LambdaFunctionNotFound, type LambdaRegistry } from './lambda-registry.js';

/**
 * Lambda for Task states: the optimized `arn:aws:states:::lambda:invoke` integration, whose result
 * is Lambda's Invoke response with `Payload`, and plain function ARNs, whose result is the
 * function's return value. A function error reaches Catch under its `errorType`, as on AWS.
 *
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/connect-lambda.html
 */
export class LambdaIntegration {
  constructor(private readonly registry: LambdaRegistry) {}

  /** Whether the action is one this integration offers. */
  supports(action: string): action is 'invoke' {
    return action === 'invoke';
  }

  /** `lambda:invoke`: `{ FunctionName, Payload }` in, Lambda's Invoke response out. */
  async call(_action: 'invoke', parameters: unknown): Promise<unknown> {
    const { FunctionName, Payload } = (parameters ?? {}) as { FunctionName?: unknown; Payload?: unknown };
    if (typeof FunctionName !== 'string') {
      throw new StatesError(
        'Lambda.InvalidParameterValueException',
        'FunctionName is required and must be a string',
      );
    }
    const payload = typeof Payload === 'string' ? parseOrKeep(Payload) : Payload;
    const result = await this.invokeFunction(FunctionName, payload ?? {});
    return {
      ExecutedVersion: '$LATEST',
      Payload: result ?? null,
      StatusCode: 200,
      SdkHttpMetadata: { HttpStatusCode: 200 },
      SdkResponseMetadata: { RequestId: crypto.randomUUID() },
    };
  }

  /** A plain function ARN as the Task's resource: the return value is the result. */
  invokeFunction(functionNameOrArn: string, event: unknown): Promise<unknown> {
    return this.registry.invoke(functionNameOrArn, event).catch(fromFunctionError);
  }
}

/** A function error reaches Catch under its `errorType`, a missing function as Lambda names it. */
function fromFunctionError(error: unknown): never {
  if (error instanceof LambdaFunctionError) {
    throw new StatesError(error.errorType, JSON.stringify(error.toPayload()), { original: error });
  }
  if (error instanceof LambdaFunctionNotFound) {
    throw new StatesError('Lambda.ResourceNotFoundException', error.message, { original: error });
  }
  throw error;
}

function parseOrKeep(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
