import { SendTaskFailureCommand, SendTaskSuccessCommand, type SFNClient } from '@aws-sdk/client-sfn';
import { aws } from '../aws/clients.js';
import type { DrinkChoice } from '../contracts/orders.js';
import { CancelErrorName, type Canceller, drinkChosenOutput } from './order-processor.js';

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
