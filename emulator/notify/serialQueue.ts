/**
 * Runs tasks one at a time in order (notifications of one subscription arrive in order), holding at most
 * `max` waiting: a slow or dead endpoint costs bounded memory, and the caller learns at once when it is full.
 */
export class SerialQueue {
  private readonly waiting: (() => Promise<void>)[] = [];
  private running = false;

  constructor(private readonly max: number) {}

  get length(): number {
    return this.waiting.length + (this.running ? 1 : 0);
  }

  /** False when full. Tasks must handle their own errors; a throw is swallowed so the queue keeps going. */
  push(task: () => Promise<void>): boolean {
    if (this.waiting.length >= this.max) return false;
    this.waiting.push(task);
    if (!this.running) void this.drain();
    return true;
  }

  private async drain(): Promise<void> {
    this.running = true;
    for (let task = this.waiting.shift(); task !== undefined; task = this.waiting.shift()) {
      await task().catch(() => undefined);
    }
    this.running = false;
  }
}
