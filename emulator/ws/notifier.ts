import type { WebSocket } from 'ws';
import type { City } from '../city/city';
import { entityById } from '../ngsi/entities';
import type { EntityModel } from '../ngsi/entityModel';
import { render } from '../ngsi/entityModel';
import type { Corrupter } from '../ngsi/malformed';
import type { FaultState } from '../http/faults';
import { DEFAULT_SOCKET_LIMITS, guardSocket } from './socketGuard';
import type { GuardedSocket, SocketLimits } from './socketGuard';

export const SUBSCRIPTION_ID = 'urn:ngsi-ld:Subscription:console';

interface Subscriber {
  readonly socket: WebSocket;
  readonly guarded: GuardedSocket;
  readonly types: ReadonlySet<string> | null;
  readonly keyValues: boolean;
  seq: number;
}

/**
 * Pushes NGSI-LD Notifications for changed entities, one batch per flush. `seq` counts the notifications
 * sent on one connection (1, 2, 3…), so a client spots a gap; a new connection starts again at 1.
 */
export class Notifier {
  private readonly subscribers = new Set<Subscriber>();
  private readonly pending = new Set<string>();
  private notificationN = 0;
  private connectionN = 0;

  constructor(
    private readonly city: City,
    private readonly faults: FaultState,
    private readonly corrupter: Corrupter,
    private readonly limits: SocketLimits = DEFAULT_SOCKET_LIMITS,
  ) {}

  get size(): number {
    return this.subscribers.size;
  }

  attach(socket: WebSocket, params: URLSearchParams): void {
    const typeParam = params.get('type');
    const sub: Subscriber = {
      socket,
      guarded: guardSocket(socket, this.limits, `notifications-${++this.connectionN}`),
      types: typeParam === null ? null : new Set(typeParam.split(',')),
      keyValues: (params.get('options') ?? '').split(',').includes('keyValues'),
      seq: 0,
    };
    this.subscribers.add(sub);
    socket.on('close', () => this.subscribers.delete(sub));
  }

  /** Sends what changed since the last flush. While stalled, changes wait and go out in the first batch after. */
  flush(): void {
    for (const id of this.city.drainChanged()) this.pending.add(id);
    if (this.faults.stall) return;
    if (this.subscribers.size === 0 || this.pending.size === 0) {
      this.pending.clear();
      return;
    }
    let models: EntityModel[] = [...this.pending].flatMap((id) => entityById(this.city, id) ?? []);
    this.pending.clear();
    if (this.faults.malformed) models = this.corrupter.apply(models);
    // A broker stamps notifications with its own wall clock; the simulated clock only dates the observations.
    const notifiedAt = new Date().toISOString();
    for (const sub of this.subscribers) {
      const data = models.filter((m) => sub.types === null || sub.types.has(m.type)).map((m) => render(m, sub.keyValues, null));
      if (data.length === 0 || sub.socket.readyState !== sub.socket.OPEN) continue;
      const sent = sub.guarded.send(
        JSON.stringify({ id: `urn:ngsi-ld:Notification:${this.notificationN + 1}`, type: 'Notification', subscriptionId: SUBSCRIPTION_ID, notifiedAt, seq: sub.seq + 1, data }),
      );
      if (sent) {
        sub.seq++;
        this.notificationN++;
      }
    }
  }

  /** Closes every notification socket (1012: service restart), as a flaky platform would. */
  dropAll(): void {
    for (const sub of this.subscribers) sub.socket.close(1012, 'stream dropped');
  }

  terminateAll(): void {
    for (const sub of this.subscribers) sub.socket.terminate();
    this.subscribers.clear();
  }
}
