import type { StepFunctionsEngine } from '../../engine/engine.js';
import type { ExecutionStatus } from '../../engine/records.js';
import { ServiceError } from '../../service-error.js';
import {
  type Input,
  optionalInteger,
  optionalString,
  stateMachineArnField,
  wireTime,
} from '../request-fields.js';

const STATUSES: ReadonlySet<string> = new Set([
  'RUNNING',
  'SUCCEEDED',
  'FAILED',
  'TIMED_OUT',
  'ABORTED',
  'PENDING_REDRIVE',
]);

/** ListExecutions: newest first, by status, paginated. */
export async function listExecutions(engine: StepFunctionsEngine, input: Input) {
  const statusFilter = optionalString(input, 'statusFilter');
  if (statusFilter !== undefined && !STATUSES.has(statusFilter)) {
    throw new ServiceError(
      'ValidationException',
      `1 validation error detected: Value '${statusFilter}' at 'statusFilter' failed to satisfy constraint: Member must satisfy enum value set: [${[...STATUSES].join(', ')}]`,
    );
  }
  const nextToken = optionalString(input, 'nextToken', 3096);
  const maxResults = optionalInteger(input, 'maxResults', 0, 1000);
  const page = await engine.listExecutions({
    stateMachineArn: stateMachineArnField(input),
    ...(statusFilter !== undefined && { statusFilter: statusFilter as ExecutionStatus }),
    ...(maxResults !== undefined && { maxResults }),
    ...(nextToken !== undefined && { nextToken }),
  });
  return {
    executions: page.items.map((record) => ({
      executionArn: record.executionArn,
      stateMachineArn: record.stateMachineArn,
      name: record.name,
      status: record.status,
      startDate: wireTime(record.startDate),
      ...(record.stopDate !== undefined && { stopDate: wireTime(record.stopDate) }),
    })),
    ...(page.nextToken !== undefined && { nextToken: page.nextToken }),
  };
}
