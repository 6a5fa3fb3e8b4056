import { z } from 'zod';

export type Fault = 'outage' | 'http503' | 'stall';

/**
 * Switches one of the emulator's faults, through its control endpoint (which answers even during an outage).
 * A 503 comes with the stream dropped, as when a broker restarts behind its load balancer: the console must
 * reconnect and keeps getting 503 until the platform is back.
 */
export async function setFault(emulatorUrl: string, fault: Fault, on: boolean): Promise<void> {
  const body = { [fault]: on, ...(fault === 'http503' && on ? { dropStream: true } : {}) };
  const response = await fetch(`${emulatorUrl}/emulator/faults`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  if (!response.ok) throw new Error(`emulator refused fault ${fault}=${on}: ${response.status}`);
}

const ActionLogEntry = z.object({ actionId: z.string(), entityId: z.string(), outcome: z.enum(['applied', 'duplicate', 'rejected']), reason: z.string().nullable().optional() });

/** The emulator's log of every operator action it received. */
export async function receivedActions(emulatorUrl: string): Promise<z.infer<typeof ActionLogEntry>[]> {
  const response = await fetch(`${emulatorUrl}/emulator/actions`);
  return z.array(ActionLogEntry.loose()).parse(await response.json());
}

/** Another console's hand: changes an incident on the platform past any fault. */
export async function patchIncidentElsewhere(emulatorUrl: string, id: string, attrs: Record<string, unknown>): Promise<void> {
  const response = await fetch(`${emulatorUrl}/emulator/incidents/${encodeURIComponent(id)}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Action-Id': crypto.randomUUID() },
    body: JSON.stringify(attrs),
  });
  if (!response.ok) throw new Error(`emulator refused the change to ${id}: ${response.status} ${await response.text()}`);
}

const Alert = z.object({ id: z.string(), status: z.string() }).loose();

export async function incidentsOnPlatform(emulatorUrl: string): Promise<z.infer<typeof Alert>[]> {
  const response = await fetch(`${emulatorUrl}/ngsi-ld/v1/entities?type=Alert&limit=1000&options=keyValues`);
  return z.array(Alert).parse(await response.json());
}
