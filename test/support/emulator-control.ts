import { z } from 'zod';

export type Fault = 'outage' | 'http503' | 'stall';

/** Switches one of the emulator's faults, through its control endpoint (which answers even during an outage). */
export async function setFault(emulatorUrl: string, fault: Fault, on: boolean): Promise<void> {
  const body = { [fault]: on };
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

const Status = z.object({ mqttUrl: z.string().nullable() }).loose();

/** The MQTT broker the emulator publishes subscription notifications through (its embedded one unless told otherwise). */
export async function emulatorMqttUrl(emulatorUrl: string): Promise<string> {
  const response = await fetch(`${emulatorUrl}/emulator/status`);
  const { mqttUrl } = Status.parse(await response.json());
  if (mqttUrl === null) throw new Error('the emulator runs without an MQTT broker');
  return mqttUrl;
}

const Subscription = z.object({ id: z.string(), expiresAt: z.string().optional(), status: z.string().optional(), notification: z.object({ endpoint: z.object({ uri: z.string() }).loose() }).loose() }).loose();

/** The subscriptions the platform holds, as a client would read them. */
export async function subscriptionsOnPlatform(emulatorUrl: string): Promise<z.infer<typeof Subscription>[]> {
  const response = await fetch(`${emulatorUrl}/ngsi-ld/v1/subscriptions?limit=1000`);
  return z.array(Subscription).parse(await response.json());
}
