import type { ExecutionRecord } from '../engine/records.js';
import { wireTime } from './request-fields.js';

/** The fields DescribeExecution and ListExecutions share, as the wire gives them. */
export function executionSummary(record: ExecutionRecord) {
  return {
    executionArn: record.executionArn,
    stateMachineArn: record.stateMachineArn,
    name: record.name,
    status: record.status,
    startDate: wireTime(record.startDate),
    ...(record.stopDate !== undefined && { stopDate: wireTime(record.stopDate) }),
  };
}
