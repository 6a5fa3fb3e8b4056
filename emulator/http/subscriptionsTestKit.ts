import type { Emulator } from '../emulator';

/** Small HTTP helpers shared by the subscription delivery tests. */
export async function createSubscription(emu: Emulator, body: Record<string, unknown>): Promise<string> {
  const res = await fetch(`${emu.url}/ngsi-ld/v1/subscriptions`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ type: 'Subscription', ...body }) });
  if (res.status !== 201) throw new Error(`POST subscription: ${res.status} ${await res.text()}`);
  return decodeURIComponent((res.headers.get('location') ?? '').split('/').at(-1) ?? '');
}

export async function readSubscription(emu: Emulator, id: string): Promise<Record<string, unknown> & { notification: Record<string, unknown> }> {
  const res = await fetch(`${emu.url}/ngsi-ld/v1/subscriptions/${encodeURIComponent(id)}`);
  const body: unknown = await res.json();
  if (res.status !== 200 || typeof body !== 'object' || body === null || !('notification' in body) || typeof body.notification !== 'object' || body.notification === null) {
    throw new Error(`GET subscription ${id}: ${res.status} ${JSON.stringify(body)}`);
  }
  return { ...body, notification: { ...body.notification } };
}

/** Polls the subscription (with a deadline) until `done` holds, e.g. until a delivery was recorded. */
export async function waitForSubscription(emu: Emulator, id: string, done: (s: Awaited<ReturnType<typeof readSubscription>>) => boolean, timeoutMs = 10_000): Promise<Awaited<ReturnType<typeof readSubscription>>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const sub = await readSubscription(emu, id);
    if (done(sub)) return sub;
    if (Date.now() > deadline) throw new Error(`subscription ${id} did not reach the expected state: ${JSON.stringify(sub)}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

export async function sendJson(url: string, method: string, body?: unknown): Promise<Response> {
  return fetch(url, body === undefined ? { method } : { method, headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
}

export const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
export const recordsOf = (v: unknown): Record<string, unknown>[] => (Array.isArray(v) ? v.filter(isRecord) : []);
