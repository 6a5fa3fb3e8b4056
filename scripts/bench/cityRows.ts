import { startEmulator } from '../../emulator/emulator';

const TYPES = ['TrafficFlowObserved', 'Vehicle', 'Alert'];

/**
 * The emulator's city observed again and again, a simulated minute apart, as raw NGSI-LD entities in the
 * normalized representation (what a subscription notifies): `count` of them, fetched before any timing starts.
 */
export async function cityEntities(count: number, seed = 5): Promise<unknown[]> {
  const emulator = await startEmulator({ autoTick: false, seed, startTime: '2026-11-26T08:00:00+07:00' });
  const out: unknown[] = [];
  try {
    while (out.length < count) {
      for (const type of TYPES) {
        const response = await fetch(`${emulator.url}/ngsi-ld/v1/entities?type=${type}&limit=1000`);
        const body: unknown = await response.json();
        if (Array.isArray(body)) out.push(...body);
      }
      emulator.step(60);
    }
  } finally {
    await emulator.close();
  }
  return out.slice(0, count);
}
