import type { StoreOp } from '../../store/group-commit.js';
import { DEFAULT_EVENT_BUS, eventBusArn, ruleArn } from '../arns.js';
import {
  LimitExceededException,
  ResourceAlreadyExistsException,
  ResourceNotFoundException,
  ValidationException,
} from '../errors.js';
import { type EventPattern, matchesPattern, parseEventPattern } from '../pattern/index.js';
import { parseScheduleExpression } from '../schedule/schedule-expression.js';
import { del, type EventStore, put } from '../store/event-store.js';
import { Keys } from '../store/keys.js';
import type { EventBusRecord, RuleRecord, RuleState, Target, TargetRecord } from '../store/records.js';

/**
 * The most targets a rule may have.
 *
 * @see https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-quota.html
 */
export const MAX_TARGETS_PER_RULE = 5;

/** What a catalog needs. */
export interface CatalogOptions {
  store: EventStore;
  region: string;
  accountId: string;
  now: () => number;
}

/** A PutRule request, after the wire fields are checked. */
export interface PutRuleRequest {
  name: string;
  eventBusName: string;
  eventPattern?: string;
  scheduleExpression?: string;
  state?: RuleState;
  description?: string;
  roleArn?: string;
}

/** A target a rule routes an event to. */
export interface RoutedTarget {
  rule: RuleRecord;
  target: Target;
}

interface RuleEntry {
  record: RuleRecord;
  /** None for a rule that only runs on a schedule. */
  pattern: EventPattern | undefined;
  targets: Map<string, Target>;
}

interface BusEntry {
  record: EventBusRecord;
  rules: Map<string, RuleEntry>;
}

/**
 * The event buses, their rules (with compiled patterns) and the rules' targets: held in memory for
 * routing, written through to the store before any change is acknowledged. This process is the
 * store's only writer, so memory and store agree.
 */
export class Catalog {
  private readonly buses = new Map<string, BusEntry>();

  private constructor(private readonly options: CatalogOptions) {}

  /** Loads the catalog from the store, creating the default event bus on first use. */
  static async load(options: CatalogOptions): Promise<Catalog> {
    const catalog = new Catalog(options);
    const { store } = options;
    for (const record of await store.scan<EventBusRecord>(Keys.eventBuses())) {
      catalog.buses.set(record.name, { record, rules: new Map() });
    }
    for (const record of await store.scan<RuleRecord>(Keys.rules())) {
      catalog.buses.get(record.eventBusName)?.rules.set(record.name, {
        record,
        pattern: patternOf(record.eventPattern),
        targets: new Map(),
      });
    }
    for (const { eventBusName, ruleName, target } of await store.scan<TargetRecord>(Keys.targets())) {
      catalog.buses.get(eventBusName)?.rules.get(ruleName)?.targets.set(target.Id, target);
    }
    if (!catalog.buses.has(DEFAULT_EVENT_BUS)) {
      const record = catalog.newBus(DEFAULT_EVENT_BUS, undefined);
      await store.commit([put(Keys.eventBus(record.name), record)]);
      catalog.buses.set(record.name, { record, rules: new Map() });
    }
    return catalog;
  }

  // --- Event buses ---

  /** Whether an event bus exists. */
  hasEventBus(name: string): boolean {
    return this.buses.has(name);
  }

  /** CreateEventBus. */
  async createEventBus(name: string, description?: string): Promise<EventBusRecord> {
    if (this.buses.has(name)) throw new ResourceAlreadyExistsException(`Event bus ${name} already exists.`);
    if (name.startsWith('aws.')) {
      throw new ValidationException(
        `Event bus name ${name} is reserved: names beginning with "aws." are for partner event sources.`,
      );
    }
    const record = this.newBus(name, description);
    await this.options.store.commit([put(Keys.eventBus(name), record)]);
    this.buses.set(name, { record, rules: new Map() });
    return record;
  }

  /** DescribeEventBus. */
  getEventBus(name: string): EventBusRecord {
    return this.bus(name).record;
  }

  /** The event buses whose names begin with `prefix`, by name. */
  listEventBuses(prefix = ''): EventBusRecord[] {
    return sortedByName([...this.buses.values()].map((bus) => bus.record)).filter((bus) =>
      bus.name.startsWith(prefix),
    );
  }

  /** DeleteEventBus: deletes the bus with its rules and their targets; a missing bus is no error. */
  async deleteEventBus(name: string): Promise<void> {
    if (name === DEFAULT_EVENT_BUS) throw new ValidationException('Cannot delete event bus default.');
    const bus = this.buses.get(name);
    if (!bus) return;
    const ops: StoreOp[] = [del(Keys.eventBus(name))];
    for (const rule of bus.rules.values()) ops.push(...this.ruleDeletion(rule));
    await this.options.store.commit(ops);
    this.buses.delete(name);
  }

  // --- Rules ---

  /**
   * PutRule: creates or replaces a rule, keeping its targets. It needs an event pattern, a
   * schedule (on the default bus only), or both.
   */
  async putRule(request: PutRuleRequest): Promise<RuleRecord> {
    const bus = this.bus(request.eventBusName);
    const { eventPattern, scheduleExpression } = request;
    if (eventPattern === undefined && scheduleExpression === undefined) {
      throw new ValidationException('Parameter(s) EventPattern or ScheduleExpression must be specified.');
    }
    if (scheduleExpression !== undefined) {
      if (request.eventBusName !== DEFAULT_EVENT_BUS)
        throw new ValidationException('ScheduleExpression is supported only on the default event bus.');
      parseScheduleExpression(scheduleExpression);
    }
    const pattern = patternOf(eventPattern);
    const { region, accountId } = this.options;
    const record: RuleRecord = {
      name: request.name,
      arn: ruleArn(region, accountId, request.eventBusName, request.name),
      eventBusName: request.eventBusName,
      ...(eventPattern !== undefined && { eventPattern }),
      ...(scheduleExpression !== undefined && { scheduleExpression }),
      state: request.state ?? 'ENABLED',
      ...(request.description !== undefined && { description: request.description }),
      ...(request.roleArn !== undefined && { roleArn: request.roleArn }),
    };
    await this.options.store.commit([put(Keys.rule(record.eventBusName, record.name), record)]);
    const targets = bus.rules.get(record.name)?.targets ?? new Map<string, Target>();
    bus.rules.set(record.name, { record, pattern, targets });
    return record;
  }

  /** DescribeRule. */
  getRule(busName: string, name: string): RuleRecord {
    return this.rule(busName, name).record;
  }

  /** The rules of a bus whose names begin with `prefix`, by name. */
  listRules(busName: string, prefix = ''): RuleRecord[] {
    const rules = [...this.bus(busName).rules.values()].map((rule) => rule.record);
    return sortedByName(rules).filter((rule) => rule.name.startsWith(prefix));
  }

  /** DeleteRule: a missing rule is no error; a rule with targets cannot be deleted. */
  async deleteRule(busName: string, name: string): Promise<void> {
    const bus = this.bus(busName);
    const rule = bus.rules.get(name);
    if (!rule) return;
    if (rule.targets.size > 0) throw new ValidationException("Rule can't be deleted since it has targets.");
    await this.options.store.commit(this.ruleDeletion(rule));
    bus.rules.delete(name);
  }

  /** EnableRule and DisableRule; answers the rule as changed. */
  async setRuleState(busName: string, name: string, state: RuleState): Promise<RuleRecord> {
    const rule = this.rule(busName, name);
    const record: RuleRecord = { ...rule.record, state };
    await this.options.store.commit([put(Keys.rule(busName, name), record)]);
    rule.record = record;
    return record;
  }

  /** Every rule that has a schedule, enabled or not. */
  scheduledRules(): RuleRecord[] {
    return [...this.buses.values()].flatMap((bus) =>
      [...bus.rules.values()]
        .map((rule) => rule.record)
        .filter((record) => record.scheduleExpression !== undefined),
    );
  }

  // --- Targets ---

  /** PutTargets: adds targets to a rule, replacing those with the same ids. */
  async putTargets(busName: string, ruleName: string, targets: readonly Target[]): Promise<void> {
    const rule = this.rule(busName, ruleName);
    const ids = new Set([...rule.targets.keys(), ...targets.map((target) => target.Id)]);
    if (ids.size > MAX_TARGETS_PER_RULE) {
      throw new LimitExceededException(
        `The requested resource exceeds the maximum number allowed: a rule may have at most ${MAX_TARGETS_PER_RULE} targets.`,
      );
    }
    await this.options.store.commit(
      targets.map((target) =>
        put(Keys.target(busName, ruleName, target.Id), {
          eventBusName: busName,
          ruleName,
          target,
        } satisfies TargetRecord),
      ),
    );
    for (const target of targets) rule.targets.set(target.Id, target);
  }

  /** RemoveTargets: ids the rule does not have are ignored. */
  async removeTargets(busName: string, ruleName: string, ids: readonly string[]): Promise<void> {
    const rule = this.rule(busName, ruleName);
    const present = ids.filter((id) => rule.targets.has(id));
    await this.options.store.commit(present.map((id) => del(Keys.target(busName, ruleName, id))));
    for (const id of present) rule.targets.delete(id);
  }

  /** The targets of a rule, by id. */
  listTargets(busName: string, ruleName: string): Target[] {
    return [...this.rule(busName, ruleName).targets.values()].sort((a, b) => compare(a.Id, b.Id));
  }

  // --- Routing ---

  /** The targets of the bus's enabled rules whose patterns match the event (schedules aside). */
  route(busName: string, event: unknown): RoutedTarget[] {
    const routed: RoutedTarget[] = [];
    for (const rule of this.buses.get(busName)?.rules.values() ?? []) {
      if (rule.record.state === 'DISABLED' || rule.targets.size === 0 || !rule.pattern) continue;
      if (!matchesPattern(rule.pattern, event)) continue;
      for (const target of rule.targets.values()) routed.push({ rule: rule.record, target });
    }
    return routed;
  }

  private bus(name: string): BusEntry {
    const bus = this.buses.get(name);
    if (!bus) throw new ResourceNotFoundException(`Event bus ${name} does not exist.`);
    return bus;
  }

  private rule(busName: string, name: string): RuleEntry {
    const rule = this.bus(busName).rules.get(name);
    if (!rule) throw new ResourceNotFoundException(`Rule ${name} does not exist on EventBus ${busName}.`);
    return rule;
  }

  private ruleDeletion(rule: RuleEntry): StoreOp[] {
    const { eventBusName, name } = rule.record;
    return [
      del(Keys.rule(eventBusName, name)),
      ...[...rule.targets.keys()].map((id) => del(Keys.target(eventBusName, name, id))),
    ];
  }

  private newBus(name: string, description: string | undefined): EventBusRecord {
    const now = this.options.now();
    return {
      name,
      arn: eventBusArn(this.options.region, this.options.accountId, name),
      ...(description !== undefined && { description }),
      creationTime: now,
      lastModifiedTime: now,
    };
  }
}

function patternOf(eventPattern: string | undefined): EventPattern | undefined {
  return eventPattern === undefined ? undefined : parseEventPattern(eventPattern);
}

function sortedByName<T extends { name: string }>(items: T[]): T[] {
  return items.sort((a, b) => compare(a.name, b.name));
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
