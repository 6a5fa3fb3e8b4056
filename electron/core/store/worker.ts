import { parentPort } from 'node:worker_threads';
import { z } from 'zod';
import { StoreVersionError } from './errors';
import { classifyFault } from './faults';
import { RequestEnvelope, WRITES } from './protocol';
import type { ErrorPayload, StoreOp, StoreRequest, StoreResponse } from './protocol';
import { StoreEngine } from './engine';

// Entry of the store's worker thread: runs from TypeScript sources in tests and as dist-electron/storeWorker.cjs in the app.
const port = parentPort;
if (port === null) throw new Error('the store worker must run in a worker thread');

const engine = new StoreEngine();
const MessageId = z.object({ id: z.number().int() });

type DeliveryRequest = Extract<StoreRequest, { op: 'updateDelivery' }>;
let deliveries: { id: number; request: DeliveryRequest }[] = [];

/**
 * Delivery results that arrive while the worker is busy are recorded together, in one transaction, after
 * the messages already waiting: a draining outbox then syncs the journal once per batch, not once per
 * action. Each is answered only once its batch is committed. Should the batch fail, each is tried alone,
 * so every caller gets its own answer. Any other request first records what is waiting, to keep the order.
 */
function flushDeliveries(): void {
  if (deliveries.length === 0) return;
  const batch = deliveries;
  deliveries = [];
  try {
    engine.handleDeliveries(batch.map((d) => d.request));
    for (const { id } of batch) port?.postMessage({ id, ok: true, value: null } satisfies StoreResponse);
  } catch {
    for (const { id, request } of batch) answer(id, request);
  }
}

function answer(id: number, request: StoreRequest): void {
  let reply: StoreResponse;
  try {
    reply = { id, ok: true, value: engine.handle(request) };
  } catch (error) {
    reply = { id, ok: false, error: describe(error, request.op) };
  }
  port?.postMessage(reply);
  // After close there is nothing left to serve: let the thread end.
  if (request.op === 'close' && reply.ok) port?.close();
}

port.on('message', (message: unknown) => {
  const parsed = RequestEnvelope.safeParse(message);
  if (!parsed.success) {
    const id = MessageId.safeParse(message);
    const reply: StoreResponse = { id: id.success ? id.data.id : -1, ok: false, error: { kind: 'other', message: `the store refused a malformed request: ${parsed.error.issues[0]?.message ?? ''}` } };
    port.postMessage(reply);
    return;
  }
  const { id, request } = parsed.data;
  if (request.op === 'updateDelivery') {
    deliveries.push({ id, request });
    if (deliveries.length === 1) setImmediate(flushDeliveries);
    return;
  }
  flushDeliveries();
  answer(id, request);
});

function describe(error: unknown, op: StoreOp): ErrorPayload {
  if (error instanceof StoreVersionError) return { kind: 'version', file: error.file, found: error.found, known: error.known };
  const doing = WRITES[op];
  const fault = doing === undefined ? null : classifyFault(error, doing);
  if (fault !== null) return { kind: 'fault', ...fault };
  return { kind: 'other', message: error instanceof Error ? error.message : String(error) };
}
