import { randomUUID } from 'node:crypto';
import { TimerQueue } from '../../stepfunctions/engine/timer-queue.js';
import type { StoreOp } from '../../store/group-commit.js';
import { del, type EventStore, put } from '../store/event-store.js';
import { Keys } from '../store/keys.js';
import type { DeadLetterRecord, DeliveryRecord } from '../store/records.js';
import type { TargetInvoker } from '../targets/target-invoker.js';
import { type DeadLetter, toDeadLetter } from './dead-letter.js';
import { deliver } from './deliver.js';
import { type BackoffOptions, planRetry, toDeliveryError } from './retry-policy.js';

/** What a dispatcher needs. */
export interface DispatcherOptions {
  store: EventStore;
  invoker: TargetInvoker;
  now: () => number;
  backoff: BackoffOptions;
}

/**
 * Delivers events to targets. Each (event, target) pair is a delivery of its own, kept in the store
 * from the moment PutEvents accepts the event until the target has it, so a slow or failing target
 * never holds up another and a restart resumes what was pending (at least once). A failed attempt
 * is written with its next time before it is scheduled; when the retry policy gives up, the
 * delivery moves to the dead-letter store in the same write, from where it can be redriven.
 */
export class DeliveryDispatcher {
  /** Deliveries not yet done, by id. */
  private readonly pending = new Map<string, DeliveryRecord>();
  private readonly inFlight = new Set<string>();
  private readonly timers: TimerQueue;
  private readonly idleWaiters = new Set<() => void>();
  private closing = false;

  constructor(private readonly options: DispatcherOptions) {
    this.timers = new TimerQueue(options.now);
  }

  /** Schedules every delivery the store holds: those pending when the service last stopped. */
  async recover(): Promise<void> {
    for (const record of await this.options.store.scan<DeliveryRecord>(Keys.deliveries()))
      this.schedule(record);
  }

  /** The writes that make new deliveries durable; {@link start} them once written. */
  static writes(deliveries: readonly DeliveryRecord[]): StoreOp[] {
    return deliveries.map((delivery) => put(Keys.delivery(delivery.id), delivery));
  }

  /** Schedules deliveries already written. */
  start(deliveries: readonly DeliveryRecord[]): void {
    for (const delivery of deliveries) this.schedule(delivery);
  }

  /** How many deliveries are not yet done (dead letters excluded). */
  get pendingCount(): number {
    return this.pending.size;
  }

  /** Resolves when no delivery is pending. */
  idle(): Promise<void> {
    if (this.pending.size === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.add(resolve));
  }

  /** Stops scheduling; attempts under way finish, but their outcome is left for the next start. */
  close(): void {
    this.closing = true;
    this.timers.stop();
  }

  /** The dead letters, oldest first. */
  async deadLetters(): Promise<DeadLetter[]> {
    const records = await this.options.store.scan<DeadLetterRecord>(Keys.deadLetters());
    return records.sort((a, b) => a.deadLetteredAt - b.deadLetteredAt).map(toDeadLetter);
  }

  /**
   * Moves dead letters (those with `ids`, or all) back to delivery, with a fresh retry budget and
   * event age. Returns the ids redriven; unknown ids are skipped.
   */
  async redrive(ids?: readonly string[]): Promise<string[]> {
    const wanted = ids === undefined ? undefined : new Set(ids);
    const letters = (await this.options.store.scan<DeadLetterRecord>(Keys.deadLetters())).filter(
      (letter) => wanted === undefined || wanted.has(letter.id),
    );
    const now = this.options.now();
    const deliveries = letters.map(
      (letter): DeliveryRecord => ({
        id: randomUUID(),
        eventId: letter.eventId,
        event: letter.event,
        eventBusName: letter.eventBusName,
        rule: letter.rule,
        target: letter.target,
        acceptedAt: now,
        attempts: 0,
        nextAttemptAt: now,
      }),
    );
    await this.options.store.commit([
      ...DeliveryDispatcher.writes(deliveries),
      ...letters.map((letter) => del(Keys.deadLetter(letter.id))),
    ]);
    this.start(deliveries);
    return letters.map((letter) => letter.id);
  }

  private schedule(delivery: DeliveryRecord): void {
    if (this.closing) return;
    this.pending.set(delivery.id, delivery);
    const due = delivery.nextAttemptAt;
    const attempt = () => {
      this.attempt(delivery.id, due).catch((error: unknown) => {
        console.error(`[eventbridge] delivery ${delivery.id} could not be recorded:`, error);
      });
    };
    // A delivery due now starts on the next turn, not after a timer's minimum delay.
    if (due <= this.options.now()) setImmediate(attempt);
    else this.timers.schedule(due, attempt);
  }

  private async attempt(id: string, due: number): Promise<void> {
    const delivery = this.pending.get(id);
    // A stale timer: the delivery is done, or was rescheduled since.
    if (!delivery || delivery.nextAttemptAt !== due || this.inFlight.has(id) || this.closing) return;
    const { now, store, invoker, backoff } = this.options;
    this.inFlight.add(id);
    const startedAt = now();
    let failure: unknown;
    let failed = false;
    try {
      await deliver(invoker, delivery);
    } catch (error) {
      failed = true;
      failure = error;
    } finally {
      this.inFlight.delete(id);
    }
    if (this.closing) return;
    if (!failed) {
      await store.commit([del(Keys.delivery(id))]);
      this.settle(id);
      return;
    }
    const error = toDeliveryError(failure);
    const attempts = delivery.attempts + 1;
    const decision = planRetry({
      error,
      attempts,
      acceptedAt: delivery.acceptedAt,
      now: now(),
      policy: delivery.target.RetryPolicy,
      backoff,
    });
    if (decision.kind === 'retry') {
      const next: DeliveryRecord = {
        ...delivery,
        attempts,
        lastAttemptAt: startedAt,
        lastError: error,
        nextAttemptAt: decision.at,
      };
      await store.commit([put(Keys.delivery(id), next)]);
      this.schedule(next);
      return;
    }
    const letter: DeadLetterRecord = {
      id: randomUUID(),
      eventId: delivery.eventId,
      event: delivery.event,
      eventBusName: delivery.eventBusName,
      rule: delivery.rule,
      target: delivery.target,
      attempts,
      acceptedAt: delivery.acceptedAt,
      lastAttemptAt: startedAt,
      deadLetteredAt: now(),
      error,
      ...(decision.condition !== undefined && { exhaustedRetryCondition: decision.condition }),
    };
    await store.commit([put(Keys.deadLetter(letter.id), letter), del(Keys.delivery(id))]);
    this.settle(id);
  }

  private settle(id: string): void {
    this.pending.delete(id);
    if (this.pending.size > 0) return;
    for (const resolve of this.idleWaiters) resolve();
    this.idleWaiters.clear();
  }
}
