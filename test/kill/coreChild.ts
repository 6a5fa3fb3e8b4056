// The process the kill -9 harness kills: opens a store on the given folder and writes until killed.
// It prints `ack <actionId>` only after recordAction resolved, that is after the commit (synchronous=FULL).
import type { Incident, OperatorAction } from '../../shared/domain';
import type { ObservationRecord } from '../../electron/core/store/api';
import { createStore } from '../../electron/core/store/store';
import { actionWrite, fakeIncident, fakeSegment, fakeUnit, OPERATOR, observe } from '../../electron/core/store/testing/fakeItems';
import { uuidv7 } from '../../electron/core/store/uuidv7';
import { BATCH_SIZE } from './checkDataDir';
import { seededRandom } from './random';

const INCIDENTS = 8;

const [dir, seedText] = process.argv.slice(2);
if (dir === undefined) throw new Error('usage: coreChild.ts DIR [SEED]');
const random = seededRandom(Number(seedText ?? 1));
const pick = (n: number) => Math.floor(random() * n);

const store = createStore({ dir });
const report = await store.open();
process.stdout.write(`open ${JSON.stringify(report)}\n`);

const incidents = new Map<string, Incident>();
for (let n = 0; n < INCIDENTS; n += 1) incidents.set(fakeIncident(n).id, fakeIncident(n));
for (const local of await store.localIncidents()) incidents.set(local.id, local);
const queued = (await store.outbox()).filter((entry) => entry.state === 'queued').map((entry) => entry.actionId);

function batch(at: number): ObservationRecord[] {
  return Array.from({ length: BATCH_SIZE }, (_, n) => {
    const id = pick(200);
    const kind = (n + id) % 3;
    return observe(kind === 0 ? fakeSegment(id, at) : kind === 1 ? fakeUnit(id, at) : fakeIncident(id, at), at);
  });
}

function action(incident: Incident, n: number): OperatorAction {
  switch (pick(4)) {
    case 0:
      return { kind: 'acknowledge', incidentId: incident.id };
    case 1:
      return { kind: 'note', incidentId: incident.id, noteId: `note-${n}`, text: `update ${n} from the field` };
    case 2:
      return { kind: 'status', incidentId: incident.id, status: 'on-scene' };
    default:
      return { kind: 'dispatch', incidentId: incident.id, unitIds: [fakeUnit(pick(40)).id] };
  }
}

for (let n = 0; ; n += 1) {
  const now = Date.now();
  await store.appendObservations(batch(now));
  const incident = [...incidents.values()][pick(INCIDENTS)];
  if (incident === undefined) throw new Error('no incident to act on');
  const write = actionWrite(uuidv7(now), incident, action(incident, n), now);
  await store.recordAction(write);
  process.stdout.write(`ack ${write.entry.actionId}\n`);
  incidents.set(incident.id, write.after);
  queued.push(write.entry.actionId);

  const settle = queued.length > 0 && random() < 0.6 ? queued.splice(pick(queued.length), 1)[0] : undefined;
  if (settle !== undefined) {
    const confirmed = random() < 0.8;
    await store.updateDelivery(settle, { state: confirmed ? 'confirmed' : 'rejected', attempts: 1, nextAttemptAt: null, lastError: confirmed ? null : 'refused by the platform', settledAt: Date.now() }, OPERATOR);
  } else if (queued[0] !== undefined) {
    await store.updateDelivery(queued[0], { state: 'queued', attempts: 2, nextAttemptAt: Date.now() + 1000, lastError: 'timeout', settledAt: null }, OPERATOR);
  }
  if (n % 25 === 24) await store.prune(Date.now() - 2000);
}
