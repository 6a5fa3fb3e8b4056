import { startEmulator } from '../../emulator/emulator';
import { itemEndedAt, itemTime } from '../../shared/domain';
import type { FeedItem } from '../../electron/core/feeds/ngsi/mapEntity';
import { mapEntity } from '../../electron/core/feeds/ngsi/mapEntity';
import { PHUKET } from '../../electron/core/feeds/ngsi/common';
import type { ObservationRecord } from '../../electron/core/store/api';
import { createStore } from '../../electron/core/store/store';

async function listAll(url: string, type: string): Promise<unknown[]> {
  const response = await fetch(`${url}/ngsi-ld/v1/entities?type=${type}&limit=1000&options=keyValues`);
  const body: unknown = await response.json();
  return Array.isArray(body) ? body : [];
}

/**
 * Fills a console data folder with a real-looking cache: the emulator's city observed again and again
 * (every segment, unit and incident, a simulated minute apart), through the same mappers as the live feed.
 * Returns how many observations were written.
 */
export async function seedCache(dir: string, target: number): Promise<number> {
  const emulator = await startEmulator({ autoTick: false, seed: 5, startTime: '2026-11-26T08:00:00+07:00' });
  const store = createStore({ dir });
  await store.open();
  let written = 0;
  const receivedBase = Date.now() - 3_600_000;
  try {
    for (let round = 0; written < target; round++) {
      const raws = [...(await listAll(emulator.url, 'TrafficFlowObserved')), ...(await listAll(emulator.url, 'Vehicle')), ...(await listAll(emulator.url, 'Alert'))];
      const items: FeedItem[] = raws.flatMap((raw) => {
        const mapped = mapEntity(raw, { area: PHUKET, receivedAt: receivedBase });
        return mapped.ok ? [mapped.value] : [];
      });
      const records: ObservationRecord[] = items.slice(0, target - written).map((item) => ({
        feed: item.feed,
        entityId: item.item.id,
        sourceTime: itemTime(item),
        endedAt: itemEndedAt(item),
        receivedAt: receivedBase + round * 60_000,
        item,
      }));
      await store.appendObservations(records);
      written += records.length;
      emulator.step(60);
    }
  } finally {
    await store.close();
    await emulator.close();
  }
  return written;
}
