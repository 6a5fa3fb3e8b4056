import { createServer } from 'node:net';
import type { Socket } from 'node:net';
import { Aedes } from 'aedes';

export interface EmbeddedBroker {
  /** `mqtt://127.0.0.1:PORT` */
  readonly url: string;
  readonly port: number;
  close(): Promise<void>;
}

/**
 * An in-process MQTT broker (aedes: MQTT 3.1.1 only; a client asking for MQTT 5 is refused) on loopback,
 * so `npm start` with no configuration has a broker for the platform's notifications. Sessions and
 * retained messages live in memory, which also gives persistent sessions (clean: false) within one run.
 */
export async function startEmbeddedBroker(options: { host?: string; port?: number; warn?: (m: string) => void } = {}): Promise<EmbeddedBroker> {
  const host = options.host ?? '127.0.0.1';
  const warn = options.warn ?? ((m: string) => console.error(m));
  const aedes = await Aedes.createBroker();
  // A misbehaving client must not take the broker (or the emulator) down.
  aedes.on('clientError', (client, err) => warn(`emulator: MQTT client ${client.id}: ${err.message}`));
  aedes.on('connectionError', (_client, err) => warn(`emulator: MQTT connection: ${err.message}`));
  const sockets = new Set<Socket>();
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => socket.destroy());
    aedes.handle(socket);
  });
  server.on('error', (err) => warn(`emulator: MQTT broker: ${err.message}`));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.removeListener('error', reject);
      resolve();
    });
  });
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  let closing: Promise<void> | undefined;
  return {
    url: `mqtt://${host}:${port}`,
    port,
    close: () => {
      closing ??= new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => aedes.close(() => resolve()));
      });
      return closing;
    },
  };
}
