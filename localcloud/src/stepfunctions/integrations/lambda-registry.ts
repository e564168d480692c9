/** The context object a local Lambda handler receives: the fields handlers commonly read. */
export interface LambdaContext {
  functionName: string;
  invokedFunctionArn: string;
  awsRequestId: string;
  getRemainingTimeInMillis(): number;
}

/** A Lambda handler registered in process. */
export type LambdaHandler = (event: unknown, context: LambdaContext) => unknown | Promise<unknown>;

/** A function error as Lambda reports it: `errorType`, `errorMessage` and the stack. */
export class LambdaFunctionError extends Error {
  constructor(
    readonly errorType: string,
    readonly errorMessage: string,
    readonly trace: string[],
  ) {
    super(errorMessage);
    this.name = errorType;
  }

  /** The payload AWS returns for a failed invocation. */
  toPayload(): { errorType: string; errorMessage: string; trace: string[] } {
    return { errorType: this.errorType, errorMessage: this.errorMessage, trace: this.trace };
  }
}

/** Raised when no handler is registered under the name. */
export class LambdaFunctionNotFound extends Error {
  override readonly name = 'ResourceNotFoundException';
}

/**
 * The local Lambda service: handlers registered in process by function name, invoked with AWS's
 * event shapes. A name, a function ARN or a partial ARN all find the same handler.
 */
export class LambdaRegistry {
  private readonly handlers = new Map<string, LambdaHandler>();

  constructor(
    private readonly region = 'us-east-1',
    private readonly accountId = '000000000000',
  ) {}

  /** Registers (or replaces) the handler of a function. */
  register(functionName: string, handler: LambdaHandler): void {
    this.handlers.set(functionName, handler);
  }

  /** Whether a function of that name or ARN is registered. */
  has(functionNameOrArn: string): boolean {
    return this.handlers.has(functionNameOf(functionNameOrArn));
  }

  /** The ARN of a function, as Lambda would give it. */
  arnOf(functionName: string): string {
    return `arn:aws:lambda:${this.region}:${this.accountId}:function:${functionName}`;
  }

  /**
   * Invokes a function with `event`. A handler's exception becomes a {@link LambdaFunctionError},
   * as Lambda reports a function error; an unknown name raises {@link LambdaFunctionNotFound}.
   */
  async invoke(functionNameOrArn: string, event: unknown): Promise<unknown> {
    const functionName = functionNameOf(functionNameOrArn);
    const handler = this.handlers.get(functionName);
    if (!handler) throw new LambdaFunctionNotFound(`Function not found: ${this.arnOf(functionName)}`);
    const deadline = Date.now() + 900_000;
    try {
      return await handler(event, {
        functionName,
        invokedFunctionArn: this.arnOf(functionName),
        awsRequestId: crypto.randomUUID(),
        getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
      });
    } catch (error) {
      throw functionErrorOf(error);
    }
  }
}

/**
 * What a handler threw, as Lambda reports it: its type, message and stack trace. An error already
 * in that form (one from a function runtime of its own) is kept as it is.
 */
export function functionErrorOf(error: unknown): LambdaFunctionError {
  if (error instanceof LambdaFunctionError) return error;
  if (error instanceof Error)
    return new LambdaFunctionError(
      error.name || 'Error',
      error.message,
      (error.stack ?? '').split('\n').slice(1),
    );
  return new LambdaFunctionError('Error', String(error), []);
}

/** `name`, `name:qualifier`, `arn:aws:lambda:r:a:function:name[:qualifier]` or `a:function:name` → `name`. */
function functionNameOf(nameOrArn: string): string {
  const parts = nameOrArn.split(':');
  const at = parts.indexOf('function');
  if (at >= 0) return parts[at + 1] ?? nameOrArn;
  return parts[0] ?? nameOrArn;
}
