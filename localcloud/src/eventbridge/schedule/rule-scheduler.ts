import { TimerQueue } from '../../stepfunctions/engine/timer-queue.js';
import type { RuleRecord } from '../store/records.js';
import { nextTick, parseScheduleExpression, type Schedule } from './schedule-expression.js';

/** What a rule scheduler needs. */
export interface RuleSchedulerOptions {
  now: () => number;
  /** Records one tick of a rule at `at` (epoch milliseconds): its Scheduled Event for its targets. */
  fire: (rule: RuleRecord, at: number) => Promise<void>;
}

interface ScheduledRule {
  rule: RuleRecord;
  /** The expression `schedule` was parsed from. */
  expression: string;
  schedule: Schedule;
  /** When the next tick is due; none while the rule is disabled or once its schedule is over. */
  dueAt: number | undefined;
}

/**
 * Runs the rules that have a `ScheduleExpression`, all on one {@link TimerQueue}, handing each
 * tick to `fire`. A rule put or enabled while the scheduler runs ticks first one period later, as
 * on AWS; putting it with another expression reschedules it; a disabled or deleted rule stops.
 *
 * Unlike AWS, which never stops, a local cloud is stopped and started again and misses the ticks
 * in between: {@link start} fires every enabled rule once right away, for the ticks it may have
 * missed, and then on its schedule counted from then.
 */
export class RuleScheduler {
  /** The scheduled rules, by ARN. */
  private readonly rules = new Map<string, ScheduledRule>();
  private readonly timers: TimerQueue;
  /** Ticks being recorded. */
  private readonly firing = new Set<Promise<void>>();
  private started = false;
  private closed = false;

  constructor(private readonly options: RuleSchedulerOptions) {
    this.timers = new TimerQueue(options.now);
  }

  /**
   * Starts the clock on `rules`, the catalog's scheduled rules: each enabled one fires now, then
   * on its schedule. Rules put before the start are left to it.
   */
  start(rules: readonly RuleRecord[]): void {
    if (this.started || this.closed) return;
    this.started = true;
    const now = this.options.now();
    for (const rule of rules) {
      const entry = this.track(rule);
      if (!entry || !isEnabled(rule)) continue;
      this.fire(entry, now);
      this.arm(entry, nextTick(entry.schedule, now, now));
    }
  }

  /** Takes a rule as PutRule, EnableRule or DisableRule left it. */
  put(rule: RuleRecord): void {
    if (!this.started || this.closed) return;
    const current = this.rules.get(rule.arn);
    if (
      current &&
      current.expression === rule.scheduleExpression &&
      isEnabled(current.rule) === isEnabled(rule)
    ) {
      // Same schedule, same state: the rule keeps its ticks; only its other settings change.
      current.rule = rule;
      return;
    }
    const entry = this.track(rule);
    if (!entry || !isEnabled(rule)) return;
    const now = this.options.now();
    this.arm(entry, nextTick(entry.schedule, now, now));
  }

  /** Stops the ticks of a deleted rule. */
  remove(arn: string): void {
    this.rules.delete(arn);
  }

  /** Stops every timer; ticks being recorded finish ({@link settled}). */
  close(): void {
    this.closed = true;
    this.timers.stop();
  }

  /** Resolves once the ticks fired so far are recorded. */
  async settled(): Promise<void> {
    while (this.firing.size > 0) await Promise.allSettled([...this.firing]);
  }

  /** Holds `rule` unarmed in place of what was held, or drops it when it has no schedule. */
  private track(rule: RuleRecord): ScheduledRule | undefined {
    const expression = rule.scheduleExpression;
    if (expression === undefined) {
      this.rules.delete(rule.arn);
      return undefined;
    }
    const entry: ScheduledRule = {
      rule,
      expression,
      schedule: parseScheduleExpression(expression),
      dueAt: undefined,
    };
    this.rules.set(rule.arn, entry);
    return entry;
  }

  private arm(entry: ScheduledRule, at: number | undefined): void {
    entry.dueAt = at;
    if (at !== undefined) this.timers.schedule(at, () => this.tick(entry.rule.arn, at));
  }

  private tick(arn: string, due: number): void {
    const entry = this.rules.get(arn);
    // A stale timer: the rule was deleted, disabled or rescheduled since.
    if (!entry || entry.dueAt !== due || this.closed) return;
    this.fire(entry, due);
    this.arm(entry, nextTick(entry.schedule, due, this.options.now()));
  }

  private fire(entry: ScheduledRule, at: number): void {
    const recording = this.options.fire(entry.rule, at).catch((error: unknown) => {
      console.error(
        `[eventbridge] a tick of scheduled rule ${entry.rule.name} could not be recorded:`,
        error,
      );
    });
    this.firing.add(recording);
    recording.finally(() => this.firing.delete(recording));
  }
}

function isEnabled(rule: RuleRecord): boolean {
  return rule.state !== 'DISABLED';
}
