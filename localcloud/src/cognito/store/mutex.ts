/**
 * Runs async sections one at a time. The user-pool service checks and then writes (is this
 * username free? is this code right?), so its writes take turns; sign-in traffic is small enough
 * that one queue costs nothing worth a finer lock.
 */
export class Mutex {
  private tail: Promise<unknown> = Promise.resolve();

  /** Runs `section` after every section queued before it has settled. */
  run<T>(section: () => Promise<T>): Promise<T> {
    const result = this.tail.then(section, section);
    this.tail = result.catch(() => undefined);
    return result;
  }
}
