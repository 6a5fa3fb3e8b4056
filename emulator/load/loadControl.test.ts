import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { startEmulator } from '../emulator';
import type { Emulator } from '../emulator';

let emulator: Emulator;
beforeAll(async () => {
  emulator = await startEmulator({ autoTick: false, embeddedBroker: false, warn: () => undefined });
});
afterAll(() => emulator.close());

const post = (body: unknown) => fetch(`${emulator.url}/emulator/load`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });

describe('POST /emulator/load', () => {
  it('refuses a bad plan with the reason, and leaves the city as it was', async () => {
    const before = emulator.city.units.size;
    const refused = await post({ units: 'many', perSecond: 10 });
    expect(refused.status).toBe(400);
    expect(await refused.text()).toMatch(/units/);
    expect(emulator.city.units.size).toBe(before);
  });

  it('adds the synthetic units, which the NGSI-LD API then serves as Vehicles', async () => {
    const before = emulator.city.units.size;
    const accepted = await post({ units: 25, perSecond: 0 });
    expect(accepted.status).toBe(200);
    expect(emulator.city.units.size).toBe(before + 25);
    const listed = await fetch(`${emulator.url}/ngsi-ld/v1/entities?type=Vehicle&limit=1000&options=keyValues`);
    const ids = z.array(z.object({ id: z.string() }).loose()).parse(await listed.json()).map((v) => v.id);
    expect(ids.filter((id) => id.includes('LOAD-'))).toHaveLength(25);
    const status = z.object({ load: z.object({ units: z.number() }) }).loose().parse(await (await fetch(`${emulator.url}/emulator/status`)).json());
    expect(status.load.units).toBe(25);
  });
});
