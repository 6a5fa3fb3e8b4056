import { parentPort } from 'node:worker_threads';
import { z } from 'zod';
import { StoreVersionError } from './errors';
import { classifyFault } from './faults';
import { RequestEnvelope, WRITES } from './protocol';
import type { ErrorPayload, StoreOp, StoreResponse } from './protocol';
import { StoreEngine } from './engine';

// Entry of the store's worker thread: runs from TypeScript sources in tests and as dist-electron/storeWorker.cjs in the app.
const port = parentPort;
if (port === null) throw new Error('the store worker must run in a worker thread');

const engine = new StoreEngine();
const MessageId = z.object({ id: z.number().int() });

port.on('message', (message: unknown) => {
  const parsed = RequestEnvelope.safeParse(message);
  if (!parsed.success) {
    const id = MessageId.safeParse(message);
    const reply: StoreResponse = { id: id.success ? id.data.id : -1, ok: false, error: { kind: 'other', message: `the store refused a malformed request: ${parsed.error.issues[0]?.message ?? ''}` } };
    port.postMessage(reply);
    return;
  }
  const { id, request } = parsed.data;
  let reply: StoreResponse;
  try {
    reply = { id, ok: true, value: engine.handle(request) };
  } catch (error) {
    reply = { id, ok: false, error: describe(error, request.op) };
  }
  port.postMessage(reply);
  // After close there is nothing left to serve: let the thread end.
  if (request.op === 'close' && reply.ok) port.close();
});

function describe(error: unknown, op: StoreOp): ErrorPayload {
  if (error instanceof StoreVersionError) return { kind: 'version', file: error.file, found: error.found, known: error.known };
  const doing = WRITES[op];
  const fault = doing === undefined ? null : classifyFault(error, doing);
  if (fault !== null) return { kind: 'fault', ...fault };
  return { kind: 'other', message: error instanceof Error ? error.message : String(error) };
}
