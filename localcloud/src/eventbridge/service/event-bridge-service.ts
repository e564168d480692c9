import { randomUUID } from 'node:crypto';
import type { AwsJsonService } from '../../edge/aws-json-service.js';
import type { EdgeRoute } from '../../edge/edge-route.js';
import { LOCAL_ACCOUNT_ID } from '../../stepfunctions/engine/arns.js';
import { eventBridgeApi } from '../api/index.js';
import type { DeadLetter } from '../delivery/dead-letter.js';
import { DeliveryDispatcher } from '../delivery/dispatcher.js';
import { type BackoffOptions, DEFAULT_BACKOFF } from '../delivery/retry-policy.js';
import { ValidationException } from '../errors.js';
import { buildEvent } from '../events/build-event.js';
import { type EntryError, validateEntry } from '../events/validate-entry.js';
import {
  isJsonObject,
  JsonSyntaxError,
  matchesPattern,
  parseEventPattern,
  parseJsonText,
} from '../pattern/index.js';
import { deadLetterRoutes } from '../routes/dead-letter-routes.js';
import { EventStore } from '../store/event-store.js';
import type { DeliveryRecord, EventBusRecord, RuleRecord, RuleState, Target } from '../store/records.js';
import type { TargetInvoker } from '../targets/target-invoker.js';
import { Catalog, type PutRuleRequest } from './catalog.js';
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
   * Resume pending deliveries as the service opens (the default). Without it, call
   * {@link EventBridgeService.resume} once their targets exist.
   */
  resume?: boolean;
}

/** The outcome of one PutEvents entry: its event id, or why it was refused. */
export type PutEventsResultEntry = { EventId: string } | EntryError;

/** The fields TestEventPattern requires of an event. */
const REQUIRED_EVENT_FIELDS = ['id', 'account', 'source', 'time', 'region', 'resources', 'detail-type'];

/**
 * A durable, local EventBridge: event buses (`default` always exists), rules with event patterns,
 * and targets that are Step Functions state machines or Lambda functions.
 *
 * Everything is kept in a store under `dataDir`. PutEvents matches each event against the rules
 * and writes one delivery per (event, target) before it answers, so an accepted event survives a
 * crash; deliveries pending at a stop are made after the next open (at least once). Failed
 * deliveries are retried with exponential backoff per the target's retry policy, then kept in a
 * dead-letter store that can be listed and redriven.
 */
export class EventBridgeService {
  private closed = false;

  private constructor(
    private readonly store: EventStore,
    private readonly catalog: Catalog,
    private readonly dispatcher: DeliveryDispatcher,
    private readonly now: () => number,
    /** Region of the service's ARNs and events. */
    readonly region: string,
    /** Account of the service's ARNs and events. */
    readonly accountId: string,
  ) {}

  /** Opens the store, loads buses, rules and targets, and resumes pending deliveries. */
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
      if (options.resume !== false) await dispatcher.recover();
      return new EventBridgeService(store, catalog, dispatcher, now, options.region, accountId);
    } catch (error) {
      await store.close();
      throw error;
    }
  }

  /** Resumes the deliveries pending at the last stop (for a service opened with `resume: false`). */
  async resume(): Promise<void> {
    await this.dispatcher.recover();
  }

  /** Stops delivering and closes the store; pending deliveries resume at the next open. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
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

  /** PutRule. */
  putRule(request: PutRuleRequest): Promise<RuleRecord> {
    return this.catalog.putRule(request);
  }

  /** DescribeRule. */
  describeRule(eventBusName: string, name: string): RuleRecord {
    return this.catalog.getRule(eventBusName, name);
  }

  /** ListRules. */
  listRules(eventBusName: string, prefix?: string, limit?: number, nextToken?: string): Page<RuleRecord> {
    return paginate(this.catalog.listRules(eventBusName, prefix), (rule) => rule.name, limit, nextToken);
  }

  /** DeleteRule. */
  deleteRule(eventBusName: string, name: string): Promise<void> {
    return this.catalog.deleteRule(eventBusName, name);
  }

  /** EnableRule (`ENABLED`) and DisableRule (`DISABLED`). */
  setRuleState(eventBusName: string, name: string, state: RuleState): Promise<void> {
    return this.catalog.setRuleState(eventBusName, name, state);
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
      const event = buildEvent(entry, {
        id: randomUUID(),
        account: this.accountId,
        region: this.region,
        receivedAt,
      });
      for (const { rule, target } of this.catalog.route(entry.eventBusName, event.value)) {
        deliveries.push({
          id: randomUUID(),
          eventId: event.id,
          event: event.text,
          eventBusName: entry.eventBusName,
          rule: { name: rule.name, arn: rule.arn },
          target,
          acceptedAt: receivedAt,
          attempts: 0,
          nextAttemptAt: receivedAt,
        });
      }
      results.push({ EventId: event.id });
    }
    await this.store.commit(DeliveryDispatcher.writes(deliveries));
    this.dispatcher.start(deliveries);
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

  /** Resolves when no delivery is pending: each has been made or dead-lettered. */
  idle(): Promise<void> {
    return this.dispatcher.idle();
  }

  /** The dead-letter store: deliveries that failed for good, oldest first. */
  listDeadLetters(): Promise<DeadLetter[]> {
    return this.dispatcher.deadLetters();
  }

  /** Delivers dead letters again (those with `ids`, or all); returns the ids redriven. */
  redriveDeadLetters(ids?: readonly string[]): Promise<string[]> {
    return this.dispatcher.redrive(ids);
  }
}
