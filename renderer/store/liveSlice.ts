import type { StateCreator } from 'zustand';
import type { LiveChanges, LiveSnapshot } from '../../shared/contract';
import type { Incident, RoadSegmentState, Unit } from '../../shared/domain';

export interface LiveSlice {
  /** Segment geometry in a stable array: replaced only when segments appear or go. */
  segmentList: RoadSegmentState[];
  segments: Map<string, RoadSegmentState>;
  segmentsVersion: number;
  units: Map<string, Unit>;
  incidents: Map<string, Incident>;
  /** When the window last received data, by its own clock. */
  lastDataAt: number | null;
  applySnapshot(snapshot: LiveSnapshot, at: number): void;
  applyChanges(batches: readonly LiveChanges[], at: number): void;
}

function upsertAll<T extends { id: string }>(map: Map<string, T>, items: readonly T[], removed: readonly string[]): { map: Map<string, T>; added: boolean; changed: boolean } {
  if (items.length === 0 && removed.length === 0) return { map, added: false, changed: false };
  const next = new Map(map);
  let added = removed.length > 0;
  let changed = removed.length > 0;
  for (const id of removed) next.delete(id);
  for (const item of items) {
    const held = next.get(item.id);
    if (!held) added = true;
    next.set(item.id, item);
    changed = true;
  }
  return { map: changed ? next : map, added, changed };
}

const byId = <T extends { id: string }>(items: readonly T[]) => new Map(items.map((i) => [i.id, i]));

export const createLiveSlice: StateCreator<LiveSlice, [], [], LiveSlice> = (set) => ({
  segmentList: [],
  segments: new Map(),
  segmentsVersion: 0,
  units: new Map(),
  incidents: new Map(),
  lastDataAt: null,
  applySnapshot: (snapshot, at) =>
    set((s) => ({
      segmentList: snapshot.segments,
      segments: byId(snapshot.segments),
      segmentsVersion: s.segmentsVersion + 1,
      units: byId(snapshot.units),
      incidents: byId(snapshot.incidents),
      lastDataAt: at,
    })),
  applyChanges: (batches, at) =>
    set((s) => {
      let { segments, units, incidents, segmentList, segmentsVersion } = s;
      for (const b of batches) {
        const seg = upsertAll(segments, b.segments, b.removed.segments);
        segments = seg.map;
        if (seg.added) segmentList = [...seg.map.values()];
        if (seg.changed) segmentsVersion++;
        units = upsertAll(units, b.units, b.removed.units).map;
        incidents = upsertAll(incidents, b.incidents, b.removed.incidents).map;
      }
      return { segments, units, incidents, segmentList, segmentsVersion, lastDataAt: at };
    }),
});
