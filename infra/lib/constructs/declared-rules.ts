import { Duration } from 'aws-cdk-lib';
import * as events from 'aws-cdk-lib/aws-events';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as destinations from 'aws-cdk-lib/aws-lambda-destinations';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import type * as sfn from 'aws-cdk-lib/aws-stepfunctions';
import { Construct } from 'constructs';
import type { RuleDeclaration } from '../declaration.js';
import { acknowledge } from '../nag.js';
import { ALARM_PERIOD, type Monitoring } from './monitoring.js';

/** Props of {@link DeclaredRules}. */
export interface DeclaredRulesProps {
  /** The declaration's rules by logical name: pattern rules and scheduled rules. */
  rules: Record<string, RuleDeclaration>;
  /** The declared event buses by name, which pattern rules name theirs from. */
  eventBuses: ReadonlyMap<string, events.IEventBus>;
  functions: ReadonlyMap<string, lambda.Function>;
  stateMachines: ReadonlyMap<string, sfn.IStateMachine>;
  monitoring: Monitoring;
}

/** How long EventBridge keeps retrying a target before dead-lettering the event. */
const MAX_EVENT_AGE = Duration.hours(2);
/** How often EventBridge retries a target that fails. */
const RETRY_ATTEMPTS = 8;

/** EventBridge's names of the top-level pattern fields CDK spells in camelCase. */
const PATTERN_FIELDS: Record<string, string> = { 'detail-type': 'detailType' };

/** A declared pattern (EventBridge's JSON) in the shape of CDK's `EventPattern`, which renders it back. */
function toCdkPattern(pattern: Record<string, unknown>): events.EventPattern {
  return Object.fromEntries(
    Object.entries(pattern).map(([field, value]) => [PATTERN_FIELDS[field] ?? field, value]),
  ) as events.EventPattern;
}

/**
 * Where a declared rule's events come from, as `events.Rule` props: a schedule on the account's
 * default bus (the only bus EventBridge runs schedules on, so the rule names none), or a pattern
 * on the rule's declared bus.
 */
function eventSourceOf(
  name: string,
  declared: RuleDeclaration,
  eventBuses: ReadonlyMap<string, events.IEventBus>,
): Pick<events.RuleProps, 'eventBus' | 'eventPattern' | 'schedule'> {
  if ('schedule' in declared) return { schedule: events.Schedule.expression(declared.schedule) };
  return {
    eventBus: required(eventBuses, 'event bus', declared.eventBus, name),
    eventPattern: toCdkPattern(declared.eventPattern),
  };
}

/**
 * One EventBridge rule per declared rule: a pattern rule on its declared bus with its declared
 * pattern, or a scheduled rule on the default bus with its declared schedule expression. Either
 * kind delivers to its declared targets: a state machine (StartExecution, the event as input) or a
 * function (invoked asynchronously). Every rule has a dead-letter queue that receives what
 * EventBridge could not deliver after its retries, and what a target function failed on after
 * Lambda's own retries; a message in it raises an alarm.
 */
export class DeclaredRules extends Construct {
  /** The rules by declared name. */
  readonly byName = new Map<string, events.Rule>();
  /** The dead-letter queues by rule name. */
  readonly deadLetterQueues = new Map<string, sqs.Queue>();

  constructor(scope: Construct, id: string, props: DeclaredRulesProps) {
    super(scope, id);
    const asyncConfigured = new Set<string>();
    for (const [name, declared] of Object.entries(props.rules)) {
      const eventSource = eventSourceOf(name, declared, props.eventBuses);
      const deadLetters = new sqs.Queue(this, `${name}DeadLetters`, {
        enforceSSL: true,
        encryption: sqs.QueueEncryption.SQS_MANAGED,
        retentionPeriod: Duration.days(14),
      });
      acknowledge(deadLetters, {
        id: 'AwsSolutions-SQS3',
        reason: 'This queue is itself a dead-letter queue, the end of the line.',
      });
      props.monitoring.alarm(this, `${name}DeadLettered`, {
        metric: deadLetters.metricApproximateNumberOfMessagesVisible({
          period: ALARM_PERIOD,
          statistic: 'Maximum',
        }),
        description: `Events of rule '${name}' could not be delivered or processed; they wait in the dead-letter queue for a redrive.`,
      });
      const rule = new events.Rule(this, name, {
        description: `Coffee shop: rule '${name}' of backend/src/resources.ts`,
        ...eventSource,
      });
      for (const target of declared.targets) {
        const options = {
          deadLetterQueue: deadLetters,
          retryAttempts: RETRY_ATTEMPTS,
          maxEventAge: MAX_EVENT_AGE,
          ...(target.inputPath && { input: events.RuleTargetInput.fromEventPath(target.inputPath) }),
        };
        if (target.stateMachine) {
          const machine = required(props.stateMachines, 'state machine', target.stateMachine, name);
          rule.addTarget(new targets.SfnStateMachine(machine, options));
        } else if (target.function) {
          const fn = required(props.functions, 'function', target.function, name);
          rule.addTarget(new targets.LambdaFunction(fn, options));
          if (!asyncConfigured.has(target.function)) {
            asyncConfigured.add(target.function);
            fn.configureAsyncInvoke({
              onFailure: new destinations.SqsDestination(deadLetters),
              retryAttempts: 2,
            });
          }
        } else {
          throw new Error(
            `Rule '${name}': target '${target.id}' names neither a state machine nor a function`,
          );
        }
      }
      this.byName.set(name, rule);
      this.deadLetterQueues.set(name, deadLetters);
    }
  }
}

function required<T>(map: ReadonlyMap<string, T>, kind: string, name: string, rule: string): T {
  const value = map.get(name);
  if (value === undefined)
    throw new Error(`Rule '${rule}' names ${kind} '${name}', which the declaration does not declare`);
  return value;
}
