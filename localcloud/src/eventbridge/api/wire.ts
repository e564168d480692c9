import type { EventBusRecord, RuleRecord } from '../store/records.js';
import { wireTime } from './request-fields.js';

/** A rule as ListRules and DescribeRule answer it. */
export function wireRule(rule: RuleRecord) {
  return {
    Name: rule.name,
    Arn: rule.arn,
    ...(rule.eventPattern !== undefined && { EventPattern: rule.eventPattern }),
    ...(rule.scheduleExpression !== undefined && { ScheduleExpression: rule.scheduleExpression }),
    State: rule.state,
    ...(rule.description !== undefined && { Description: rule.description }),
    ...(rule.roleArn !== undefined && { RoleArn: rule.roleArn }),
    EventBusName: rule.eventBusName,
  };
}

/** An event bus as ListEventBuses and DescribeEventBus answer it. */
export function wireEventBus(bus: EventBusRecord) {
  return {
    Name: bus.name,
    Arn: bus.arn,
    ...(bus.description !== undefined && { Description: bus.description }),
    CreationTime: wireTime(bus.creationTime),
    LastModifiedTime: wireTime(bus.lastModifiedTime),
  };
}
