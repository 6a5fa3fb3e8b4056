import type { Incident, OperatorProfile, OutboxEntry } from '../../../../shared/domain';
import { incidentFixture } from '../../../../shared/domain/testing/fixtures';
import type { AuditEntryInput, DeliveryUpdate } from '../../store/api';
import { uuidv7 } from '../../store/uuidv7';
import type { ActionService, OutboxLocal, OutboxStore } from '../actionService';
import { createActionService } from '../actionService';
import type { DeliveryOutcome } from '../planner';

export const SUPERVISOR: OperatorProfile = { name: 'Kanya', role: 'supervisor', workstation: 'CC-02' };

/** An in-memory stand-in for the journal: what the outbox writes, and a switch that makes recording fail. */
export class MemoryOutboxStore implements OutboxStore {
  rows: OutboxEntry[] = [];
  audits: AuditEntryInput[] = [];
  updateCalls = 0;
  failUpdates = false;

  recordAction(write: { entry: OutboxEntry }) {
    this.rows.push(write.entry);
    return Promise.resolve();
  }
  updateDelivery(actionId: string, update: DeliveryUpdate) {
    this.updateCalls += 1;
    if (this.failUpdates) return Promise.reject(new Error('SQLITE_IOERR: disk I/O error'));
    this.rows = this.rows.map((row) => (row.actionId === actionId ? { ...row, ...update } : row));
    return Promise.resolve();
  }
  outbox() {
    return Promise.resolve([...this.rows]);
  }
  recordAudit(entry: AuditEntryInput) {
    this.audits.push(entry);
    return Promise.resolve();
  }
  auditProfile() {
    return Promise.resolve(false);
  }
}

export interface OutboxControl {
  clock: number;
  /** What the platform answers next (may look at the entry). */
  answer: (entry: OutboxEntry) => DeliveryOutcome;
}

export interface OutboxKit {
  readonly service: ActionService;
  readonly store: MemoryOutboxStore;
  readonly sent: { entry: OutboxEntry; platform: Incident | null }[];
  readonly control: OutboxControl;
  readonly incidents: Map<string, Incident>;
  /** Lets every delivery already started run to its end: the fakes answer on microtasks, which all run before the next macrotask. */
  flush(): Promise<void>;
}

const macrotask = () => new Promise<void>((resolve) => setImmediate(resolve));

/** An action service over fakes: a manual clock, a platform that answers as told, a store in memory. */
export async function outboxKit(incidents: Incident[] = [incidentFixture({ status: 'acknowledged' })], local?: OutboxLocal): Promise<OutboxKit> {
  const store = new MemoryOutboxStore();
  const byId = new Map(incidents.map((i) => [i.id, i]));
  const control: OutboxControl = { clock: 1_000_000, answer: () => ({ kind: 'applied' }) };
  const sent: OutboxKit['sent'] = [];
  const service = createActionService({
    store,
    live: {
      platformIncident: (id) => byId.get(id),
      platformUpdatedAt: () => 0,
      setIncidentView: () => undefined,
      refreshIncident: () => undefined,
    },
    ...(local ? { local } : {}),
    // A fake platform behind the delivery port: it records what it was sent and answers as told.
    delivery: {
      name: 'platform.test',
      deliver: (entry, { platform }) => {
        sent.push({ entry, platform });
        return Promise.resolve(control.answer(entry));
      },
    },
    profile: SUPERVISOR,
    events: { emit: () => undefined },
    newId: () => uuidv7(control.clock),
    now: () => control.clock,
    random: () => 0.5,
    tickMs: 3_600_000,
  });
  await service.start();
  return {
    service,
    store,
    sent,
    control,
    incidents: byId,
    async flush() {
      await macrotask();
      await macrotask();
    },
  };
}
