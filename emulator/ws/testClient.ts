import { WebSocket } from 'ws';

/** A WebSocket client for tests that queues messages so each can be awaited in turn. */
export class TestSocket {
  readonly messages: unknown[] = [];
  private waiters: ((m: unknown) => void)[] = [];
  readonly closed: Promise<number>;

  private constructor(readonly ws: WebSocket) {
    ws.on('message', (data) => {
      const msg: unknown = JSON.parse(String(data));
      const waiter = this.waiters.shift();
      if (waiter === undefined) this.messages.push(msg);
      else waiter(msg);
    });
    this.closed = new Promise((resolve) => ws.on('close', (code) => resolve(code)));
  }

  static open(url: string): Promise<TestSocket> {
    return new Promise((resolve, reject) => {
      const ws = new WebSocket(url);
      const client = new TestSocket(ws);
      ws.once('open', () => resolve(client));
      ws.once('error', reject);
    });
  }

  next(): Promise<unknown> {
    const queued = this.messages.shift();
    if (queued !== undefined) return Promise.resolve(queued);
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  close(): void {
    this.ws.terminate();
  }
}
