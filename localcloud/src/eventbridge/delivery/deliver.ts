import type { DeliveryRecord } from '../store/records.js';
import { targetInput } from '../targets/target-input.js';
import { type TargetInvoker, targetKindOf } from '../targets/target-invoker.js';

/** Raised when a target's input cannot be delivered: a Lambda function takes only JSON. */
export class InvalidTargetInput extends Error {
  override readonly name = 'InvalidTargetInput';
}

/** Makes one attempt at a delivery: computes the target's input and invokes the target. */
export async function deliver(invoker: TargetInvoker, delivery: DeliveryRecord): Promise<void> {
  const event: unknown = JSON.parse(delivery.event);
  const { target } = delivery;
  const input = targetInput(target, event, {
    ruleArn: delivery.rule.arn,
    ruleName: delivery.rule.name,
    ingestionTime: new Date(delivery.acceptedAt).toISOString(),
  });
  switch (targetKindOf(target.Arn)) {
    case 'state-machine':
      return invoker.startExecution(target.Arn, input);
    case 'lambda': {
      let payload: unknown;
      try {
        payload = JSON.parse(input);
      } catch {
        throw new InvalidTargetInput(
          `The input of target ${target.Id} is not JSON, which a Lambda function requires: ${input}`,
        );
      }
      return invoker.invokeLambda(target.Arn, payload);
    }
    default:
      throw new InvalidTargetInput(
        `Target ${target.Id} has an ARN the local EventBridge cannot invoke: ${target.Arn}`,
      );
  }
}
