import { z } from 'zod';
import { DetailSchemas, EVENT_SOURCE, EventType } from '../contracts/events.js';
import { OrderState } from '../contracts/orders.js';
import { TaskTokenFor } from './order-processor.js';
import { setTaskToken } from './order-store.js';

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

/** What the recorder did with an event's token. */
export type TokenRecording = 'recorded' | 'stale';

/**
 * The `tokenRecorder` function (rule `orderProcessorTaskTokens`): stores the task token of
 * `WorkflowStarted` (the drink wait) or `WaitingCompletion` (the completion wait) on its order, for
 * the orders API to answer. The write requires the state the event implies — `CREATED` for the
 * drink, `SUBMITTED` or `MAKING` with the event's number for the completion — so a late or repeated
 * event never puts back a spent token: it is `stale` and changes nothing. A malformed event throws
 * (EventBridge then retries it and keeps it as undeliverable).
 */
export async function handler(event: unknown): Promise<TokenRecording> {
  const parsed = TokenEventSchema.parse(event);
  const { orderId, taskToken } = parsed.detail;
  const recorded =
    parsed['detail-type'] === EventType.WorkflowStarted
      ? await setTaskToken(
          orderId,
          { taskToken, taskTokenFor: TaskTokenFor.Drink },
          { states: [OrderState.Created] },
        )
      : await setTaskToken(
          orderId,
          { taskToken, taskTokenFor: TaskTokenFor.Completion },
          { states: [OrderState.Submitted, OrderState.Making], orderNumber: parsed.detail.orderNumber },
        );
  return recorded ? 'recorded' : 'stale';
}
