import type { StepFunctionsEngine } from '../../stepfunctions/engine/engine.js';
import type { LambdaRegistry } from '../../stepfunctions/integrations/index.js';
import type { TargetInvoker } from './target-invoker.js';

/** The local services a {@link TargetInvoker} delivers to. */
export interface LocalTargets {
  stepFunctions: StepFunctionsEngine;
  lambda: LambdaRegistry;
}

/**
 * A {@link TargetInvoker} over the local Step Functions engine and Lambda registry. A state
 * machine target is delivered once its execution has started; a Lambda target once its handler
 * has returned, so a function error fails the delivery and EventBridge retries it (standing in
 * for the retries of Lambda's asynchronous invocation).
 */
export function localTargetInvoker({ stepFunctions, lambda }: LocalTargets): TargetInvoker {
  return {
    async startExecution(stateMachineArn, input) {
      await stepFunctions.startExecution({ stateMachineArn, input });
    },
    async invokeLambda(functionArn, event) {
      await lambda.invoke(functionArn, event);
    },
  };
}
