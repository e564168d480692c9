import { AwsServiceError } from '../../../aws-service-error.js';
import type { StepFunctionsEngine } from '../../engine/engine.js';
import type { ExecutionStatus } from '../../engine/records.js';
import { executionSummary } from '../execution-summary.js';
import { type Input, optionalInteger, optionalString, stateMachineArnField } from '../request-fields.js';

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
    throw new AwsServiceError(
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
    executions: page.items.map(executionSummary),
    ...(page.nextToken !== undefined && { nextToken: page.nextToken }),
  };
}
