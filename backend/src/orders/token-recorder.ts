import { z } from 'zod';
import { DetailSchemas, EVENT_SOURCE, EventType } from '../contracts/events.js';
import { OrderState } from '../contracts/orders.js';
import { TaskTokenFor } from './order-processor.js';
import { getOrder, setTaskToken } from './order-store.js';
import { answerWait, type WaitAnswer } from './workflow-signals.js';

/** The events carrying a task token of the OrderProcessor, as EventBridge delivers them. */
const TokenEventSchema = z.discriminatedUnion('detail-type', [
  z.object({
    'detail-type': z.literal(EventType.WorkflowStarted),
    source: z.literal(EVENT_SOURCE),
    detail: DetailSchemas[EventType.WorkflowStarted],
  }),
  z.object({
    'detail-type': z.literal(EventType.WaitingCompletion),
    source: z.literal(EVENT_SOURCE),
    detail: DetailSchemas[EventType.WaitingCompletion],
  }),
]);

/** What the recorder did with an event's token: stored it, or answered the wait with an outcome already recorded. */
export type TokenRecording = 'recorded' | WaitAnswer;

/**
 * The `tokenRecorder` function (rule `orderProcessorTaskTokens`): stores the task token of
 * `WorkflowStarted` (the drink wait) or `WaitingCompletion` (the completion wait) on its order, for
 * the orders API to answer. The write requires the state the event implies — `CREATED` for the
 * drink, `SUBMITTED` or `MAKING` with the event's number for the completion. When the order has
 * moved on already (the customer chose before the token arrived, a barista completed or someone
 * cancelled), the recorder answers the wait itself with what the order records (see
 * `answerWait`); a repeated or late event finds the wait over and changes nothing. A malformed
 * event throws (EventBridge then retries it and keeps it as undeliverable).
 */
export async function handler(event: unknown): Promise<TokenRecording> {
  const parsed = TokenEventSchema.parse(event);
  const { orderId, taskToken } = parsed.detail;
  const token =
    parsed['detail-type'] === EventType.WorkflowStarted
      ? { taskToken, taskTokenFor: TaskTokenFor.Drink }
      : { taskToken, taskTokenFor: TaskTokenFor.Completion };
  const recorded =
    parsed['detail-type'] === EventType.WorkflowStarted
      ? await setTaskToken(orderId, token, { states: [OrderState.Created] })
      : await setTaskToken(orderId, token, {
          states: [OrderState.Submitted, OrderState.Making],
          orderNumber: parsed.detail.orderNumber,
        });
  if (recorded) return 'recorded';
  const order = await getOrder(orderId);
  return order ? answerWait(order, token) : 'nothing-to-say';
}
