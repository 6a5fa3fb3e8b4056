import type { StateCreator } from 'zustand';
import type { LiveChanges, LiveSnapshot } from '../../shared/contract';
import type { Bus, CitizenReport, Incident, RoadSegmentState, Unit, Warning } from '../../shared/domain';

export interface LiveSlice {
  /** Segment geometry in a stable array: replaced only when segments appear or go. */
  segmentList: RoadSegmentState[];
  segments: Map<string, RoadSegmentState>;
  segmentsVersion: number;
  units: Map<string, Unit>;
  incidents: Map<string, Incident>;
  warnings: Map<string, Warning>;
  buses: Map<string, Bus>;
  reports: Map<string, CitizenReport>;
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
  warnings: new Map(),
  buses: new Map(),
  reports: new Map(),
  lastDataAt: null,
  applySnapshot: (snapshot, at) =>
    set((s) => ({
      segmentList: snapshot.segments,
      segments: byId(snapshot.segments),
      segmentsVersion: s.segmentsVersion + 1,
      units: byId(snapshot.units),
      incidents: byId(snapshot.incidents),
      warnings: byId(snapshot.warnings),
      buses: byId(snapshot.buses),
      reports: byId(snapshot.reports),
      lastDataAt: at,
    })),
  applyChanges: (batches, at) =>
    set((s) => {
      let { segments, units, incidents, warnings, buses, reports, segmentList, segmentsVersion } = s;
      for (const b of batches) {
        const seg = upsertAll(segments, b.segments, b.removed.segments);
        segments = seg.map;
        if (seg.added) segmentList = [...seg.map.values()];
        if (seg.changed) segmentsVersion++;
        units = upsertAll(units, b.units, b.removed.units).map;
        incidents = upsertAll(incidents, b.incidents, b.removed.incidents).map;
        warnings = upsertAll(warnings, b.warnings, b.removed.warnings).map;
        buses = upsertAll(buses, b.buses, b.removed.buses).map;
        reports = upsertAll(reports, b.reports, b.removed.reports).map;
      }
      return { segments, units, incidents, warnings, buses, reports, segmentList, segmentsVersion, lastDataAt: at };
    }),
});
