import { createServer } from 'node:net';
import type { Server, Socket } from 'node:net';

/**
 * Test helper: a notification endpoint that accepts connections and then misbehaves: `silent` never reads
 * nor answers (the slowest subscriber there is), `garbage` answers bytes that are not HTTP and hangs up.
 * Counts connections, and how many were open at once (a paused socket notices the peer's close only when it
 * is reset, so `maxOpen` is exact only while the emulator's delivery is still waiting on its timeout).
 */
export class HostileSink {
  private readonly server: Server;
  private readonly open = new Set<Socket>();
  connections = 0;
  maxOpen = 0;
  port = 0;

  constructor(mode: 'silent' | 'garbage') {
    this.server = createServer((socket) => {
      socket.on('error', () => undefined);
      this.connections++;
      this.open.add(socket);
      this.maxOpen = Math.max(this.maxOpen, this.open.size);
      socket.on('close', () => this.open.delete(socket));
      if (mode === 'silent') socket.pause();
      else socket.end('NOT HTTP AT ALL\r\n\r\n');
    });
  }

  async start(): Promise<string> {
    await new Promise<void>((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(0, '127.0.0.1', () => resolve());
    });
    const address = this.server.address();
    this.port = typeof address === 'object' && address !== null ? address.port : 0;
    return `http://127.0.0.1:${this.port}/notify`;
  }

  close(): Promise<void> {
    for (const s of this.open) s.destroy();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}
