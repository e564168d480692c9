import { randomUUID } from 'node:crypto';
import type { AwsJsonService } from '../../edge/aws-json-service.js';
import type { EdgeRoute } from '../../edge/edge-route.js';
import { LOCAL_ACCOUNT_ID } from '../../stepfunctions/engine/arns.js';
import { eventBridgeApi } from '../api/index.js';
import { ruleArn } from '../arns.js';
import type { DeadLetter } from '../delivery/dead-letter.js';
import { DeliveryDispatcher } from '../delivery/dispatcher.js';
import { type BackoffOptions, DEFAULT_BACKOFF } from '../delivery/retry-policy.js';
import { ValidationException } from '../errors.js';
import { type BuiltEvent, buildEvent, type EventOrigin } from '../events/build-event.js';
import { buildScheduledEvent } from '../events/scheduled-event.js';
import { type EntryError, validateEntry } from '../events/validate-entry.js';
import {
  isJsonObject,
  JsonSyntaxError,
  matchesPattern,
  parseEventPattern,
  parseJsonText,
} from '../pattern/index.js';
import { deadLetterRoutes } from '../routes/dead-letter-routes.js';
import { RuleScheduler } from '../schedule/rule-scheduler.js';
import { EventStore } from '../store/event-store.js';
import type { DeliveryRecord, EventBusRecord, RuleRecord, RuleState, Target } from '../store/records.js';
import type { TargetInvoker } from '../targets/target-invoker.js';
import { Catalog, type PutRuleRequest, type RoutedTarget } from './catalog.js';
import { type Page, paginate } from './paginate.js';

/** How to open the EventBridge service. */
export interface EventBridgeServiceOptions {
  /** Folder of the service's store; created if missing. */
  dataDir: string;
  /** Region of the ARNs and of the events. */
  region: string;
  /** Account of the ARNs and of the events; `000000000000` by default. */
  accountId?: string;
  /** What delivers events to state machines and Lambda functions. */
  targets: TargetInvoker;
  /** The clock, for tests. */
  now?: () => number;
  /** Spacing of retries (exponential backoff): smaller in tests. */
  retry?: Partial<BackoffOptions>;
  /** Flush every write to the disk, for power loss; off, writes survive a process crash. */
  syncWrites?: boolean;
  /**
   * Resume pending deliveries and start the scheduled rules as the service opens (the default).
   * Without it, call {@link EventBridgeService.resume} once their targets exist.
   */
  resume?: boolean;
}

/** The outcome of one PutEvents entry: its event id, or why it was refused. */
export type PutEventsResultEntry = { EventId: string } | EntryError;

/** The fields TestEventPattern requires of an event. */
const REQUIRED_EVENT_FIELDS = ['id', 'account', 'source', 'time', 'region', 'resources', 'detail-type'];

/**
 * A durable, local EventBridge: event buses (`default` always exists), rules with event patterns
 * or schedules, and targets that are Step Functions state machines or Lambda functions.
 *
 * Everything is kept in a store under `dataDir`. PutEvents matches each event against the rules
 * and writes one delivery per (event, target) before it answers, so an accepted event survives a
 * crash; deliveries pending at a stop are made after the next open (at least once). Each tick of a
 * scheduled rule is written the same way. Failed deliveries are retried with exponential backoff
 * per the target's retry policy, then kept in a dead-letter store that can be listed and redriven.
 *
 * Scheduled rules (`rate(...)`, `cron(...)`) tick as on AWS while the service runs, but a local
 * cloud, unlike AWS, stops: at {@link resume} each enabled scheduled rule fires once right away,
 * for the ticks it may have missed, then on its schedule from then.
 */
export class EventBridgeService {
  private closed = false;
  private readonly scheduler: RuleScheduler;

  private constructor(
    private readonly store: EventStore,
    private readonly catalog: Catalog,
    private readonly dispatcher: DeliveryDispatcher,
    private readonly now: () => number,
    /** Region of the service's ARNs and events. */
    readonly region: string,
    /** Account of the service's ARNs and events. */
    readonly accountId: string,
  ) {
    this.scheduler = new RuleScheduler({ now, fire: (rule, at) => this.fireScheduledRule(rule, at) });
  }

  /**
   * Opens the store, loads buses, rules and targets, resumes pending deliveries and starts the
   * scheduled rules (unless `resume` is false).
   */
  static async open(options: EventBridgeServiceOptions): Promise<EventBridgeService> {
    const now = options.now ?? Date.now;
    const accountId = options.accountId ?? LOCAL_ACCOUNT_ID;
    const store = await EventStore.open(options.dataDir, options.syncWrites);
    try {
      const catalog = await Catalog.load({ store, region: options.region, accountId, now });
      const dispatcher = new DeliveryDispatcher({
        store,
        invoker: options.targets,
        now,
        backoff: { ...DEFAULT_BACKOFF, ...options.retry },
      });
      const service = new EventBridgeService(store, catalog, dispatcher, now, options.region, accountId);
      if (options.resume !== false) await service.resume();
      return service;
    } catch (error) {
      await store.close();
      throw error;
    }
  }

  /**
   * Resumes the deliveries pending at the last stop and starts the scheduled rules, each enabled
   * one firing once right away (for a service opened with `resume: false`). AWS never stops, so
   * it has no such catch-up: this stands for the ticks missed while the local cloud was stopped.
   */
  async resume(): Promise<void> {
    await this.dispatcher.recover();
    this.scheduler.start(this.catalog.scheduledRules());
  }

  /**
   * Stops the scheduled rules and the deliveries, and closes the store; pending deliveries resume
   * at the next open.
   */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.scheduler.close();
    await this.scheduler.settled();
    this.dispatcher.close();
    await this.store.close();
  }

  /** The EventBridge API (JSON 1.1, `X-Amz-Target: AWSEvents.*`) for the edge. */
  awsJsonService(): AwsJsonService {
    return eventBridgeApi(this);
  }

  /** The local routes of the edge: the dead-letter store (`/_localcloud/events/dead-letters`). */
  routes(): EdgeRoute[] {
    return deadLetterRoutes(this);
  }

  // --- Event buses ---

  /** CreateEventBus. */
  createEventBus(name: string, description?: string): Promise<EventBusRecord> {
    return this.catalog.createEventBus(name, description);
  }

  /** DescribeEventBus. */
  describeEventBus(name: string): EventBusRecord {
    return this.catalog.getEventBus(name);
  }

  /** ListEventBuses. */
  listEventBuses(prefix?: string, limit?: number, nextToken?: string): Page<EventBusRecord> {
    return paginate(this.catalog.listEventBuses(prefix), (bus) => bus.name, limit, nextToken);
  }

  /** DeleteEventBus, with the bus's rules and their targets. */
  deleteEventBus(name: string): Promise<void> {
    return this.catalog.deleteEventBus(name);
  }

  // --- Rules and targets ---

  /** PutRule; a new or changed schedule starts counting now. */
  async putRule(request: PutRuleRequest): Promise<RuleRecord> {
    const rule = await this.catalog.putRule(request);
    this.scheduler.put(rule);
    return rule;
  }

  /** DescribeRule. */
  describeRule(eventBusName: string, name: string): RuleRecord {
    return this.catalog.getRule(eventBusName, name);
  }

  /** ListRules. */
  listRules(eventBusName: string, prefix?: string, limit?: number, nextToken?: string): Page<RuleRecord> {
    return paginate(this.catalog.listRules(eventBusName, prefix), (rule) => rule.name, limit, nextToken);
  }

  /** DeleteRule, which stops its schedule. */
  async deleteRule(eventBusName: string, name: string): Promise<void> {
    await this.catalog.deleteRule(eventBusName, name);
    this.scheduler.remove(ruleArn(this.region, this.accountId, eventBusName, name));
  }

  /** EnableRule (`ENABLED`) and DisableRule (`DISABLED`): a disabled scheduled rule does not fire. */
  async setRuleState(eventBusName: string, name: string, state: RuleState): Promise<void> {
    this.scheduler.put(await this.catalog.setRuleState(eventBusName, name, state));
  }

  /** PutTargets. */
  putTargets(eventBusName: string, ruleName: string, targets: readonly Target[]): Promise<void> {
    return this.catalog.putTargets(eventBusName, ruleName, targets);
  }

  /** RemoveTargets. */
  removeTargets(eventBusName: string, ruleName: string, ids: readonly string[]): Promise<void> {
    return this.catalog.removeTargets(eventBusName, ruleName, ids);
  }

  /** ListTargetsByRule. */
  listTargetsByRule(
    eventBusName: string,
    ruleName: string,
    limit?: number,
    nextToken?: string,
  ): Page<Target> {
    return paginate(
      this.catalog.listTargets(eventBusName, ruleName),
      (target) => target.Id,
      limit,
      nextToken,
    );
  }

  // --- Events ---

  /**
   * PutEvents: validates each entry, routes the valid ones and makes their deliveries durable
   * before answering. Invalid entries, and entries for a bus that does not exist, are reported in
   * their result, not thrown.
   */
  async putEvents(entries: readonly unknown[]): Promise<PutEventsResultEntry[]> {
    const receivedAt = this.now();
    const results: PutEventsResultEntry[] = [];
    const deliveries: DeliveryRecord[] = [];
    for (const raw of entries) {
      const outcome = validateEntry(raw);
      if (!outcome.ok) {
        results.push(outcome.error);
        continue;
      }
      const { entry } = outcome;
      if (!this.catalog.hasEventBus(entry.eventBusName)) {
        results.push({
          ErrorCode: 'InvalidArgument',
          ErrorMessage: `Event bus ${entry.eventBusName} does not exist.`,
        });
        continue;
      }
      const event = buildEvent(entry, this.origin(receivedAt));
      const routed = this.catalog.route(entry.eventBusName, event.value);
      deliveries.push(...deliveriesOf(event, entry.eventBusName, routed, receivedAt));
      results.push({ EventId: event.id });
    }
    await this.deliver(deliveries);
    return results;
  }

  /**
   * TestEventPattern: whether `event` (JSON text with the fields of an event) matches `pattern`.
   *
   * @throws InvalidEventPatternException when the pattern is not valid.
   * @throws ValidationException when the event is not.
   */
  testEventPattern(pattern: string, event: string): boolean {
    const compiled = parseEventPattern(pattern);
    let parsed: unknown;
    try {
      parsed = parseJsonText(event);
    } catch (error) {
      if (error instanceof JsonSyntaxError)
        throw new ValidationException('Parameter Event is not valid: it is not JSON.');
      throw error;
    }
    if (!isJsonObject(parsed))
      throw new ValidationException('Parameter Event is not valid: it must be a JSON object.');
    const missing = REQUIRED_EVENT_FIELDS.filter((field) => !Object.hasOwn(parsed, field));
    if (missing.length > 0) {
      throw new ValidationException(
        `Parameter Event is not valid: it lacks the field(s) ${missing.join(', ')}.`,
      );
    }
    return matchesPattern(compiled, parsed);
  }

  // --- Deliveries ---

  /** How many deliveries are pending (dead letters excluded). */
  get pendingDeliveries(): number {
    return this.dispatcher.pendingCount;
  }

  /**
   * Resolves when the ticks of scheduled rules fired so far are written and no delivery is
   * pending: each has been made or dead-lettered.
   */
  async idle(): Promise<void> {
    await this.scheduler.settled();
    await this.dispatcher.idle();
  }

  /** The dead-letter store: deliveries that failed for good, oldest first. */
  listDeadLetters(): Promise<DeadLetter[]> {
    return this.dispatcher.deadLetters();
  }

  /** Delivers dead letters again (those with `ids`, or all); returns the ids redriven. */
  redriveDeadLetters(ids?: readonly string[]): Promise<string[]> {
    return this.dispatcher.redrive(ids);
  }

  /** One tick of a scheduled rule: its Scheduled Event, for each of its targets, made durable. */
  private async fireScheduledRule(rule: RuleRecord, at: number): Promise<void> {
    const event = buildScheduledEvent(rule, this.origin(at));
    const routed = this.catalog
      .listTargets(rule.eventBusName, rule.name)
      .map((target): RoutedTarget => ({ rule, target }));
    await this.deliver(deliveriesOf(event, rule.eventBusName, routed, at));
  }

  /** Where an event received at `receivedAt` comes from: a new id, this account and region. */
  private origin(receivedAt: number): EventOrigin {
    return { id: randomUUID(), account: this.accountId, region: this.region, receivedAt };
  }

  /** Writes new deliveries, then starts them. */
  private async deliver(deliveries: readonly DeliveryRecord[]): Promise<void> {
    await this.store.commit(DeliveryDispatcher.writes(deliveries));
    this.dispatcher.start(deliveries);
  }
}

/** The deliveries of an event accepted at `acceptedAt`, one per routed target, not yet attempted. */
function deliveriesOf(
  event: BuiltEvent,
  eventBusName: string,
  routed: readonly RoutedTarget[],
  acceptedAt: number,
): DeliveryRecord[] {
  return routed.map(({ rule, target }) => ({
    id: randomUUID(),
    eventId: event.id,
    event: event.text,
    eventBusName,
    rule: { name: rule.name, arn: rule.arn },
    target,
    acceptedAt,
    attempts: 0,
    nextAttemptAt: acceptedAt,
  }));
}
