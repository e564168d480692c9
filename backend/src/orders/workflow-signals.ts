import { SendTaskFailureCommand, SendTaskSuccessCommand, type SFNClient } from '@aws-sdk/client-sfn';
import { aws } from '../aws/clients.js';
import { type DrinkChoice, type Order, OrderState } from '../contracts/orders.js';
import { CancelErrorName, type Canceller, drinkChosenOutput, TaskTokenFor } from './order-processor.js';
import type { StoredTaskToken } from './order-store.js';

/**
 * How the orders API answers the OrderProcessor's waits, with the task token stored on the order
 * (`taskToken`, for the wait named by `taskTokenFor`). Errors of Step Functions pass through as
 * the SDK raises them: `TaskTimedOut` when the wait has ended (timed out, or answered already),
 * `TaskDoesNotExist` / `InvalidToken` for a token that is not one.
 */

/** Answers the drink wait (`taskTokenFor: 'drink'`) with the customer's drink, checked against the menu. */
export async function signalDrinkChosen(
  taskToken: string,
  drink: DrinkChoice,
  sfn: SFNClient = aws.stepFunctions(),
): Promise<void> {
  await sfn.send(new SendTaskSuccessCommand({ taskToken, output: JSON.stringify(drinkChosenOutput(drink)) }));
}

/** Answers the completion wait (`taskTokenFor: 'completion'`): the drink is ready. */
export async function signalOrderCompleted(
  taskToken: string,
  sfn: SFNClient = aws.stepFunctions(),
): Promise<void> {
  await sfn.send(new SendTaskSuccessCommand({ taskToken, output: '{}' }));
}

/**
 * Cancels the order through whichever wait it is in: the error names who cancels, the cause is the
 * reason (without one, the workflow records the canceller's default reason).
 */
export async function signalOrderCancelled(
  taskToken: string,
  cancellation: { by: Canceller; reason?: string | undefined },
  sfn: SFNClient = aws.stepFunctions(),
): Promise<void> {
  await sfn.send(
    new SendTaskFailureCommand({
      taskToken,
      error: CancelErrorName[cancellation.by],
      ...(cancellation.reason?.trim() && { cause: cancellation.reason.trim() }),
    }),
  );
}

/** What {@link answerWait} did. */
export type WaitAnswer = 'answered' | 'over' | 'nothing-to-say';

/** The errors Step Functions answers for a token whose wait has ended: answered, timed out, or gone. */
const WAIT_OVER_ERRORS: ReadonlySet<string> = new Set(['TaskTimedOut', 'TaskDoesNotExist', 'InvalidToken']);

/**
 * Tells the workflow, through the task token of one of its waits, the outcome the order already
 * records: the drink of a `SUBMITTED` or `MAKING` order (drink wait), `READY` (completion wait),
 * or a cancellation by the customer or a barista (either wait). The orders API records each
 * outcome on the order first, in a conditional write, and then answers the wait with the token
 * the order held at that moment; the token recorder answers with a token that arrives after the
 * outcome was recorded. So every wait is answered exactly when its outcome is known, whoever comes
 * second. A wait that has ended meanwhile (timed out, or answered already) is `over`, not an error.
 */
export async function answerWait(
  order: Order,
  token: StoredTaskToken,
  sfn: SFNClient = aws.stepFunctions(),
): Promise<WaitAnswer> {
  try {
    if (order.state === OrderState.Cancelled && (order.by === 'customer' || order.by === 'barista')) {
      await signalOrderCancelled(token.taskToken, { by: order.by, reason: order.reason }, sfn);
    } else if (token.taskTokenFor === TaskTokenFor.Drink && order.drink && isDrinkChosen(order.state)) {
      await signalDrinkChosen(token.taskToken, order.drink, sfn);
    } else if (token.taskTokenFor === TaskTokenFor.Completion && order.state === OrderState.Ready) {
      await signalOrderCompleted(token.taskToken, sfn);
    } else {
      return 'nothing-to-say';
    }
    return 'answered';
  } catch (error) {
    if (error instanceof Error && WAIT_OVER_ERRORS.has(error.name)) return 'over';
    throw error;
  }
}

function isDrinkChosen(state: OrderState): boolean {
  return state === OrderState.Submitted || state === OrderState.Making;
}
