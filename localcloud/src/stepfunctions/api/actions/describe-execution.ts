import type { StepFunctionsEngine } from '../../engine/engine.js';
import { executionSummary } from '../execution-summary.js';
import { executionArnField, type Input } from '../request-fields.js';

/** DescribeExecution. */
export async function describeExecution(engine: StepFunctionsEngine, input: Input) {
  const record = await engine.getExecution(executionArnField(input));
  return {
    ...executionSummary(record),
    input: record.input,
    inputDetails: { included: true },
    ...(record.output !== undefined && { output: record.output, outputDetails: { included: true } }),
    ...(record.error !== undefined && { error: record.error }),
    ...(record.cause !== undefined && { cause: record.cause }),
    ...(record.traceHeader !== undefined && { traceHeader: record.traceHeader }),
    redriveCount: 0,
    redriveStatus: 'NOT_REDRIVABLE',
  };
}
