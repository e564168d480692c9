import type { StepFunctionsEngine } from '../../engine/engine.js';
import {
  executionArnField,
  type Input,
  optionalBoolean,
  optionalInteger,
  optionalString,
  wireTime,
} from '../request-fields.js';

/** Detail fields that carry execution data, left out when `includeExecutionData` is false. */
const DATA_FIELDS = new Set(['input', 'output', 'parameters', 'inputDetails', 'outputDetails']);

/** GetExecutionHistory: AWS's event types in order, paginated, optionally reversed. */
export async function getExecutionHistory(engine: StepFunctionsEngine, input: Input) {
  const includeData = optionalBoolean(input, 'includeExecutionData') ?? true;
  const maxResults = optionalInteger(input, 'maxResults', 0, 1000);
  const nextToken = optionalString(input, 'nextToken', 3096);
  const page = await engine.getExecutionHistory({
    executionArn: executionArnField(input),
    reverseOrder: optionalBoolean(input, 'reverseOrder') ?? false,
    ...(maxResults !== undefined && { maxResults }),
    ...(nextToken !== undefined && { nextToken }),
  });
  return {
    events: page.items.map((event) => {
      const wire: Record<string, unknown> = { ...event, timestamp: wireTime(event.timestamp) };
      if (!includeData) {
        for (const [key, details] of Object.entries(wire)) {
          if (key.endsWith('EventDetails') && details && typeof details === 'object') {
            wire[key] = Object.fromEntries(
              Object.entries(details).filter(([field]) => !DATA_FIELDS.has(field)),
            );
          }
        }
      }
      return wire;
    }),
    ...(page.nextToken !== undefined && { nextToken: page.nextToken }),
  };
}
