/** setTimeout's longest delay; later deadlines are re-armed when it fires. */
const MAX_TIMEOUT_MS = 2_147_483_647;

interface TimerEntry {
  at: number;
  fire: () => void;
}

/**
 * All of the engine's deadlines (Wait states, retry intervals, task timeouts and heartbeats,
 * execution timeouts) in one min-heap behind a single timer, so ten thousand waiting executions
 * cost one `setTimeout`. Entries are never removed: a callback checks on firing whether its
 * deadline still stands.
 */
export class TimerQueue {
  private readonly heap: TimerEntry[] = [];
  private timer: NodeJS.Timeout | undefined;
  private armedFor = Number.POSITIVE_INFINITY;
  private stopped = false;

  constructor(private readonly now: () => number = Date.now) {}

  /** Calls `fire` at `at` (epoch ms), or at once if that has passed. */
  schedule(at: number, fire: () => void): void {
    if (this.stopped) return;
    this.push({ at, fire });
    if (at < this.armedFor) this.arm();
  }

  /** Drops every pending deadline and stops the timer. */
  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.heap.length = 0;
  }

  /** How many deadlines are pending (stale ones included). */
  get size(): number {
    return this.heap.length;
  }

  private arm(): void {
    if (this.timer) clearTimeout(this.timer);
    const first = this.heap[0];
    if (!first) {
      this.armedFor = Number.POSITIVE_INFINITY;
      this.timer = undefined;
      return;
    }
    this.armedFor = first.at;
    const delay = Math.min(Math.max(0, first.at - this.now()), MAX_TIMEOUT_MS);
    this.timer = setTimeout(() => this.fireDue(), delay);
    this.timer.unref();
  }

  private fireDue(): void {
    this.timer = undefined;
    this.armedFor = Number.POSITIVE_INFINITY;
    const now = this.now();
    while (this.heap.length > 0 && (this.heap[0] as TimerEntry).at <= now) {
      (this.pop() as TimerEntry).fire();
    }
    if (!this.stopped) this.arm();
  }

  private push(entry: TimerEntry): void {
    const heap = this.heap;
    heap.push(entry);
    let i = heap.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if ((heap[parent] as TimerEntry).at <= entry.at) break;
      heap[i] = heap[parent] as TimerEntry;
      i = parent;
    }
    heap[i] = entry;
  }

  private pop(): TimerEntry | undefined {
    const heap = this.heap;
    const top = heap[0];
    const last = heap.pop();
    if (heap.length === 0 || !last) return top;
    let i = 0;
    for (;;) {
      const left = 2 * i + 1;
      if (left >= heap.length) break;
      const right = left + 1;
      const child =
        right < heap.length && (heap[right] as TimerEntry).at < (heap[left] as TimerEntry).at ? right : left;
      if ((heap[child] as TimerEntry).at >= last.at) break;
      heap[i] = heap[child] as TimerEntry;
      i = child;
    }
    heap[i] = last;
    return top;
  }
}
